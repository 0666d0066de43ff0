package dev.tarsspeedy.alert.pricealert.messaging;

import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.pricealert.AlertEvaluator;
import dev.tarsspeedy.alert.pricealert.AlertMetrics;
import dev.tarsspeedy.alert.pricealert.FiredAlert;
import dev.tarsspeedy.alert.pricealert.Freshness;
import dev.tarsspeedy.alert.pricealert.PriceQuote;
import dev.tarsspeedy.contracts.market.QuoteUpdated;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.consumer.IdempotentConsumer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates price alerts on every {@code QuoteUpdated}, once per event (the platform's idempotent consumer), the
 * evaluation and the marker in one transaction. The payload is read field by field rather than through the record,
 * whose constructor refuses a price of 0: such an event (which the contract forbids) is skipped here, never a dead
 * letter.
 */
@Component
class QuoteUpdatedListener {

    static final String CONSUMER = "alert-service-price-alerts";

    private static final Logger log = LoggerFactory.getLogger(QuoteUpdatedListener.class);

    private final IdempotentConsumer consumer;
    private final AlertEvaluator evaluator;
    private final AlertMetrics metrics;

    QuoteUpdatedListener(IdempotentConsumer consumer, AlertEvaluator evaluator, AlertMetrics metrics) {
        this.consumer = consumer;
        this.evaluator = evaluator;
        this.metrics = metrics;
    }

    @KafkaListener(id = CONSUMER, topics = QuoteUpdated.TOPIC, groupId = CONSUMER)
    void on(EventEnvelope event) {
        PriceQuote quote = quote(event.payload());
        if (quote == null) {
            log.warn("QuoteUpdated {} skipped: no symbol, price or time it could be evaluated on", event.id());
            return;
        }
        AtomicReference<List<FiredAlert>> fired = new AtomicReference<>(List.of());
        boolean applied = consumer.handleAndWait(
                CONSUMER,
                event,
                e -> evaluator.evaluate(quote).doOnNext(fired::set).then());
        if (applied) {
            fired.get().forEach(metrics::fired);
        }
    }

    /** The quote, or {@code null} when a field the evaluation needs is missing or malformed. */
    static PriceQuote quote(JsonNode payload) {
        try {
            Symbol symbol = Symbol.parse(text(payload, "symbol"));
            String asOf = text(payload, "asOf");
            String tradingDay = text(payload, "tradingDay");
            JsonNode inSession = payload.get("inSession");
            return new PriceQuote(
                    symbol,
                    text(payload, "currency"),
                    number(payload, "price"),
                    number(payload, "previousClose"),
                    number(payload, "changePercent"),
                    number(payload, "high52w"),
                    number(payload, "low52w"),
                    text(payload, "source"),
                    asOf == null ? null : java.time.Instant.parse(asOf),
                    Freshness.of(text(payload, "freshness")),
                    tradingDay == null ? null : java.time.LocalDate.parse(tradingDay),
                    inSession != null && inSession.asBoolean());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static java.math.BigDecimal number(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        return node == null || node.isNull() || !node.isNumber() ? null : node.decimalValue();
    }
}
