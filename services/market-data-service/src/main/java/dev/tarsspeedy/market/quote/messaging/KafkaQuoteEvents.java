package dev.tarsspeedy.market.quote.messaging;

import dev.tarsspeedy.contracts.market.QuoteUpdated;
import dev.tarsspeedy.market.provider.ProviderQuote;
import dev.tarsspeedy.market.quote.Quote;
import dev.tarsspeedy.market.quote.QuoteEvents;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code QuoteUpdated} straight to Kafka with Boot's idempotent producer ({@code acks=all}), keyed by the symbol, in
 * the platform's envelope with its headers; not through the outbox (decision 0010).
 */
@Component
class KafkaQuoteEvents implements QuoteEvents {

    private final KafkaTemplate<String, String> kafka;
    private final Clock clock;

    KafkaQuoteEvents(KafkaTemplate<String, String> kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    @Override
    public Mono<Void> publish(Quote quote) {
        return Mono.fromCallable(() -> {
                    EventEnvelope event = EventEnvelope.of(
                            QuoteUpdated.TYPE,
                            QuoteUpdated.VERSION,
                            quote.symbol().code(),
                            event(quote),
                            clock);
                    ProducerRecord<String, String> record =
                            new ProducerRecord<>(QuoteUpdated.TOPIC, event.key(), event.toJson());
                    record.headers()
                            .add(EventHeaders.ID, event.id().toString().getBytes(StandardCharsets.UTF_8))
                            .add(EventHeaders.TYPE, event.type().getBytes(StandardCharsets.UTF_8))
                            .add(
                                    EventHeaders.VERSION,
                                    String.valueOf(event.version()).getBytes(StandardCharsets.UTF_8));
                    return record;
                })
                // send() may wait for metadata (max.block.ms): never on an event loop.
                .flatMap(record -> Mono.fromFuture(() -> kafka.send(record)).subscribeOn(Schedulers.boundedElastic()))
                .then();
    }

    static QuoteUpdated event(Quote quote) {
        ProviderQuote q = quote.provider();
        if (q.price().signum() <= 0) {
            throw new IllegalStateException("never publish a price of 0 or below: " + q.symbol());
        }
        return new QuoteUpdated(
                q.symbol().code(),
                quote.market().name(),
                quote.currency().getCurrencyCode(),
                q.price(),
                q.change(),
                q.changePercent(),
                q.open(),
                q.high(),
                q.low(),
                q.previousClose(),
                q.volume(),
                q.high52w(),
                q.low52w(),
                q.source().name(),
                q.asOf(),
                quote.freshness().name(),
                quote.tradingDay(),
                quote.inSession(),
                quote.simulated());
    }
}
