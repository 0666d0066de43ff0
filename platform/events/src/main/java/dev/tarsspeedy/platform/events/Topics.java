package dev.tarsspeedy.platform.events;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Topic names: {@code <context>.<event-kebab>.v<version>}, e.g. {@code orders.order-placed.v1}; a topic's dead
 * letters go to {@code <topic>.dlt}.
 */
public final class Topics {

    /** Suffix of a dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private static final Pattern CONTEXT = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]*");
    /** What Kafka accepts as a topic name. */
    private static final Pattern KAFKA_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private Topics() {}

    /**
     * The topic of an event type: {@code name("orders", "OrderPlaced", 1)} is {@code orders.order-placed.v1}.
     *
     * @param context the bounded context that owns the event, lower-case kebab: {@code orders}, {@code market-data}
     * @param eventType the event type in PascalCase
     * @param version the event's version, from 1
     */
    public static String name(String context, String eventType, int version) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(eventType, "eventType");
        if (!CONTEXT.matcher(context).matches()) {
            throw new IllegalArgumentException("context must be lower-case kebab, like market-data: " + context);
        }
        if (!TYPE.matcher(eventType).matches()) {
            throw new IllegalArgumentException("event type must be PascalCase, like OrderPlaced: " + eventType);
        }
        if (version < 1) {
            throw new IllegalArgumentException("event version starts at 1: " + version);
        }
        return context + "." + kebab(eventType) + ".v" + version;
    }

    /** The dead-letter topic of a topic: {@code orders.order-placed.v1.dlt}. */
    public static String deadLetter(String topic) {
        requireValid(topic);
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** {@code OrderPlaced} becomes {@code order-placed}; an acronym stays one word: {@code JWKSRotated}, {@code jwks-rotated}. */
    static String kebab(String pascalCase) {
        return pascalCase
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2")
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
    }

    /** Throws unless Kafka accepts the name. */
    public static String requireValid(String topic) {
        Objects.requireNonNull(topic, "topic");
        if (!KAFKA_TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException("not a Kafka topic name: " + topic);
        }
        return topic;
    }
}
