package dev.tarsspeedy.order.sale.messaging;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.sale.Drop;
import dev.tarsspeedy.order.sale.DropSync;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.consumer.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the drop copy from the catalog's events: the row once per event and only for a higher revision (in one
 * transaction with the consumer's marker), then memory and Redis from the stored row. A failure after the commit
 * retries the record; the marker skips the row and Redis is synced again.
 */
@Component
class DropChangedListener {

    static final String CONSUMER = "order-service-drops";

    private final IdempotentConsumer consumer;
    private final DropSync sync;

    DropChangedListener(IdempotentConsumer consumer, DropSync sync) {
        this.consumer = consumer;
        this.sync = sync;
    }

    @KafkaListener(id = CONSUMER, topics = DropChanged.TOPIC, groupId = CONSUMER)
    void on(EventEnvelope event) {
        DropChanged changed = event.payloadAs(DropChanged.class);
        consumer.handleAndWait(
                CONSUMER, event, e -> sync.save(Drop.from(changed)).then());
        sync.sync(DropId.of(changed.dropId())).block(java.time.Duration.ofSeconds(30));
    }
}
