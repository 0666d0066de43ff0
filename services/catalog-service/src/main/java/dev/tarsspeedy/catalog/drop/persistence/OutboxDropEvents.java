package dev.tarsspeedy.catalog.drop.persistence;

import dev.tarsspeedy.catalog.drop.Drop;
import dev.tarsspeedy.catalog.drop.DropEvents;
import dev.tarsspeedy.catalog.product.Product;
import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.outbox.OutboxWriter;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link DropChanged} through the transactional outbox, keyed by the drop id: the whole state, every time. */
@Component
class OutboxDropEvents implements DropEvents {

    private final OutboxWriter outbox;
    private final Clock clock;

    OutboxDropEvents(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Mono<Void> changed(Drop drop, Product product) {
        return Mono.defer(() -> {
            DropChanged event = new DropChanged(
                    drop.id().value(),
                    drop.revision(),
                    product.id().value(),
                    product.name(),
                    drop.terms().price(),
                    drop.terms().quantity(),
                    drop.terms().perUserLimit(),
                    drop.terms().opensAt(),
                    drop.terms().closesAt(),
                    drop.closedAt());
            return outbox.append(
                    DropChanged.TOPIC,
                    EventEnvelope.of(
                            DropChanged.TYPE, DropChanged.VERSION, drop.id().toString(), event, clock));
        });
    }
}
