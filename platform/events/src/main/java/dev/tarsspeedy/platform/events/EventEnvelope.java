package dev.tarsspeedy.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The one shape of every event on the platform's topics.
 *
 * <pre>{@code
 * EventEnvelope event = EventEnvelope.of("OrderPlaced", 1, orderId.toString(), new OrderPlaced(orderId, total));
 * OrderPlaced placed = event.payloadAs(OrderPlaced.class);
 * }</pre>
 *
 * @param id unique per event; consumers deduplicate on it
 * @param type what happened, in the past tense and PascalCase: {@code OrderPlaced}
 * @param version the payload's schema version, from 1; a breaking change is a new version (and topic)
 * @param occurredAt when it happened, truncated to microseconds (what PostgreSQL keeps), so an envelope that went
 *     through the outbox equals the one the service created
 * @param key the Kafka record key, usually the aggregate's id: events with one key stay in order
 * @param payload the event's data, a JSON object
 */
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, String key, JsonNode payload) {

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]*");

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must be PascalCase, like OrderPlaced: " + type);
        }
        if (version < 1) {
            throw new IllegalArgumentException("event version starts at 1: " + version);
        }
        if (key.isBlank()) {
            throw new IllegalArgumentException("event key must not be blank");
        }
        if (!payload.isObject()) {
            throw new IllegalArgumentException("event payload must be a JSON object, not " + payload.getNodeType());
        }
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** A new event with a random id, happening now. */
    public static EventEnvelope of(String type, int version, String key, Object payload) {
        return of(type, version, key, payload, Clock.systemUTC());
    }

    /** A new event with a random id, happening at the clock's instant. */
    public static EventEnvelope of(String type, int version, String key, Object payload, Clock clock) {
        Objects.requireNonNull(payload, "payload");
        JsonNode tree;
        try {
            tree = EventJson.mapper().valueToTree(payload);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "cannot write " + payload.getClass().getName() + " as JSON", e);
        }
        return new EventEnvelope(UUID.randomUUID(), type, version, clock.instant(), key, tree);
    }

    /** The payload as the given type, typically the record the producer wrote. */
    public <T> T payloadAs(Class<T> payloadType) {
        try {
            return EventJson.mapper().treeToValue(payload, payloadType);
        } catch (JacksonException e) {
            throw new UnreadableEventException(
                    "payload of " + type + " v" + version + " (" + id + ") does not fit " + payloadType.getName(), e);
        }
    }

    /** The envelope as JSON, the value of its Kafka record. */
    public String toJson() {
        return EventJson.mapper().writeValueAsString(this);
    }

    /**
     * Reads an envelope.
     *
     * @throws UnreadableEventException when the text is not JSON or not a valid envelope
     */
    public static EventEnvelope fromJson(String json) {
        Objects.requireNonNull(json, "json");
        return fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads an envelope from UTF-8 JSON.
     *
     * @throws UnreadableEventException when the bytes are not JSON or not a valid envelope
     */
    public static EventEnvelope fromJson(byte[] json) {
        Objects.requireNonNull(json, "json");
        EventEnvelope envelope;
        try {
            envelope = EventJson.mapper().readValue(json, EventEnvelope.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("not an event envelope: " + e.getMessage(), e);
        }
        if (envelope == null) { // the JSON literal null
            throw new UnreadableEventException("not an event envelope: null", null);
        }
        return envelope;
    }
}
