package dev.tarsspeedy.market.interest.messaging;

import dev.tarsspeedy.contracts.alert.SymbolInterestChanged;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.interest.Interest;
import dev.tarsspeedy.market.interest.InterestService;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.consumer.IdempotentConsumer;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads the alert service's {@code SymbolInterestChanged} (a compacted topic keyed by symbol: read from the start it
 * gives every symbol's latest state). Each event is applied once (the platform's idempotent consumer) and only when it
 * is newer than the stored state; the change is announced after its transaction committed.
 */
@Component
class SymbolInterestListener {

    static final String CONSUMER = "market-data-interest";

    private static final Logger log = LoggerFactory.getLogger(SymbolInterestListener.class);

    private final IdempotentConsumer consumer;
    private final InterestService interests;

    SymbolInterestListener(IdempotentConsumer consumer, InterestService interests) {
        this.consumer = consumer;
        this.interests = interests;
    }

    @KafkaListener(id = CONSUMER, topics = SymbolInterestChanged.TOPIC, groupId = CONSUMER)
    void on(EventEnvelope event) {
        if (!SymbolInterestChanged.TYPE.equals(event.type()) || event.version() != SymbolInterestChanged.VERSION) {
            log.warn(
                    "ignored event {} of type {} v{} on {}",
                    event.id(),
                    event.type(),
                    event.version(),
                    SymbolInterestChanged.TOPIC);
            return;
        }
        SymbolInterestChanged changed = event.payloadAs(SymbolInterestChanged.class);
        if (!Symbol.isWellFormed(changed.symbol())) {
            log.info("ignored interest in {}: not a KRX code or US ticker", changed.symbol());
            return;
        }
        Interest interest = new Interest(
                Symbol.parse(changed.symbol()),
                changed.watchers(),
                changed.alerts(),
                changed.alertLines(),
                changed.changedAt());
        AtomicReference<InterestService.Change> change = new AtomicReference<>();
        consumer.handleAndWait(
                CONSUMER,
                event,
                e -> interests.record(interest).doOnNext(change::set).then(Mono.empty()));
        log.debug(
                "interest in {} ({} watchers, {} alerts) at {}: {}",
                interest.symbol(),
                interest.watchers(),
                interest.alerts(),
                interest.changedAt(),
                change.get() != null ? "recorded" : "not newer, ignored");
        if (change.get() != null) {
            interests.announce(change.get());
        }
    }
}
