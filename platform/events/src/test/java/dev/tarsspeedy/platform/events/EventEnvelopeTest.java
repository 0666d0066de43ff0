package dev.tarsspeedy.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    record OrderPlaced(UUID orderId, String buyer, BigDecimal total, List<String> items) {}

    private static final UUID ID = UUID.fromString("0b6f2c7e-4d1a-4c51-9a57-3f1f1f0e8a21");
    private static final UUID ORDER = UUID.fromString("5f0c1d2e-3b4a-4f6e-8d7c-9a0b1c2d3e4f");
    private static final Instant OCCURRED = Instant.parse("2026-11-21T09:30:00.123456Z");

    private static EventEnvelope example() {
        OrderPlaced payload = new OrderPlaced(ORDER, "김민준", new BigDecimal("129000.50"), List.of("무선 이어폰", "케이스"));
        return new EventEnvelope(
                ID,
                "OrderPlaced",
                1,
                OCCURRED,
                ORDER.toString(),
                EventJson.mapper().valueToTree(payload));
    }

    @Test
    void writesTheDocumentedJson() {
        // The example in docs/events.md, without its line breaks.
        assertThat(example().toJson())
                .isEqualTo("{\"id\":\"0b6f2c7e-4d1a-4c51-9a57-3f1f1f0e8a21\",\"type\":\"OrderPlaced\",\"version\":1,"
                        + "\"occurredAt\":\"2026-11-21T09:30:00.123456Z\","
                        + "\"key\":\"5f0c1d2e-3b4a-4f6e-8d7c-9a0b1c2d3e4f\","
                        + "\"payload\":{\"orderId\":\"5f0c1d2e-3b4a-4f6e-8d7c-9a0b1c2d3e4f\",\"buyer\":\"김민준\","
                        + "\"total\":129000.50,\"items\":[\"무선 이어폰\",\"케이스\"]}}");
    }

    @Test
    void survivesAJsonRoundTripWithKoreanTextAndEveryDigitIntact() {
        EventEnvelope event = example();

        EventEnvelope read = EventEnvelope.fromJson(event.toJson().getBytes(StandardCharsets.UTF_8));

        assertThat(read).isEqualTo(event);
        OrderPlaced payload = read.payloadAs(OrderPlaced.class);
        assertThat(payload.buyer()).isEqualTo("김민준");
        assertThat(payload.items()).containsExactly("무선 이어폰", "케이스");
        assertThat(payload.total()).isEqualByComparingTo("129000.50");
        assertThat(payload.total().scale()).isEqualTo(2);
        assertThat(EventEnvelope.fromJson(event.toJson())).isEqualTo(event);
    }

    @Test
    void ofWrapsAPayloadRecordWithANewIdAndTheClocksTime() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T00:00:00.123456789Z"), ZoneOffset.UTC);
        OrderPlaced payload = new OrderPlaced(ORDER, "이서연", new BigDecimal("1"), List.of());

        EventEnvelope first = EventEnvelope.of("OrderPlaced", 2, "order-1", payload, clock);
        EventEnvelope second = EventEnvelope.of("OrderPlaced", 2, "order-1", payload, clock);

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.type()).isEqualTo("OrderPlaced");
        assertThat(first.version()).isEqualTo(2);
        assertThat(first.key()).isEqualTo("order-1");
        // PostgreSQL keeps microseconds: the envelope does too, so it reads back equal from the outbox.
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-11-21T00:00:00.123456Z"));
        assertThat(first.payloadAs(OrderPlaced.class)).isEqualTo(payload);
    }

    @Test
    void readsEnvelopesWithFieldsItDoesNotKnow() {
        String json = example().toJson().replace("{\"id\"", "{\"traceId\":\"abc\",\"id\"");

        assertThat(EventEnvelope.fromJson(json)).isEqualTo(example());
    }

    @Test
    void refusesWhatIsNotAnEnvelope() {
        assertThatThrownBy(() -> EventEnvelope.fromJson("not JSON")).isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> EventEnvelope.fromJson("{\"hello\":\"world\"}"))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> EventEnvelope.fromJson("null")).isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> EventEnvelope.fromJson(new byte[0])).isInstanceOf(UnreadableEventException.class);
        String withoutVersion = example().toJson().replace("\"version\":1,", "");
        assertThatThrownBy(() -> EventEnvelope.fromJson(withoutVersion)).isInstanceOf(UnreadableEventException.class);
        String arrayPayload = example().toJson().replaceAll("\"payload\":\\{.*}}$", "\"payload\":[1,2]}");
        assertThat(arrayPayload).endsWith("\"payload\":[1,2]}");
        assertThatThrownBy(() -> EventEnvelope.fromJson(arrayPayload)).isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void refusesInvalidFields() {
        EventEnvelope valid = example();
        assertThatThrownBy(() -> new EventEnvelope(ID, "orderPlaced", 1, OCCURRED, "k", valid.payload()))
                .hasMessageContaining("PascalCase");
        assertThatThrownBy(() -> new EventEnvelope(ID, "OrderPlaced", 0, OCCURRED, "k", valid.payload()))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> new EventEnvelope(ID, "OrderPlaced", 1, OCCURRED, " ", valid.payload()))
                .hasMessageContaining("key");
        assertThatThrownBy(() -> new EventEnvelope(ID, "OrderPlaced", 1, OCCURRED, null, valid.payload()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> EventEnvelope.of("OrderPlaced", 1, "k", "just a string"))
                .hasMessageContaining("JSON object");
    }

    @Test
    void reportsAPayloadThatDoesNotFitTheRequestedType() {
        record Strict(int total) {}
        EventEnvelope event = EventEnvelope.of("OrderPlaced", 1, "k", java.util.Map.of("total", "many"));

        assertThatThrownBy(() -> event.payloadAs(Strict.class))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining(event.id().toString());
    }
}
