package dev.tarsspeedy.market.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.alert.SymbolInterestChanged;
import dev.tarsspeedy.market.support.MarketTestBase;
import dev.tarsspeedy.platform.events.EventEnvelope;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interest consumer applies each event once, keeps the latest state by changedAt and ignores unknown symbols. */
class InterestConsumerIT extends MarketTestBase {

    private static final String CONSUMER = "market-data-interest";

    @Test
    void theSameEventTwiceIsAppliedOnce() {
        String symbol = krxSymbol(10);
        EventEnvelope event = event(symbol, 2, Instant.now());
        send(event);
        send(event);

        awaitProcessed(event);
        assertThat(count(
                        "select count(*) from processed_event where consumer = :consumer and event_id = :id",
                        "consumer",
                        CONSUMER,
                        "id",
                        event.id()))
                .isOne();
        assertThat(watchers(symbol)).isEqualTo(2);
        unfollowLater(symbol);
    }

    @Test
    void anOlderEventAfterANewerOneChangesNothing() {
        String symbol = krxSymbol(11);
        Instant now = Instant.now();
        EventEnvelope newer = event(symbol, 3, now);
        EventEnvelope older = event(symbol, 1, now.minusSeconds(60));
        send(newer);
        awaitProcessed(newer);
        send(older);
        awaitProcessed(older);

        assertThat(watchers(symbol)).isEqualTo(3);

        EventEnvelope unfollowed = event(symbol, 0, now.plusSeconds(1));
        send(unfollowed);
        awaitProcessed(unfollowed);
        assertThat(watchers(symbol)).isZero();
        // An old "followed" state arriving late does not follow it again.
        EventEnvelope late = event(symbol, 5, now.minusSeconds(1));
        send(late);
        awaitProcessed(late);
        assertThat(watchers(symbol)).isZero();
    }

    @Test
    void interestInAnUnknownSymbolIsIgnored() {
        EventEnvelope event = event("999990", 1, Instant.now());
        send(event);
        awaitProcessed(event);
        assertThat(count("select count(*) from symbol_interest where symbol = '999990'"))
                .isZero();
    }

    private void unfollowLater(String symbol) {
        interest(symbol, 0, List.of());
        awaitFollowed(symbol, false);
    }

    private static EventEnvelope event(String symbol, int watchers, Instant changedAt) {
        return EventEnvelope.of(
                SymbolInterestChanged.TYPE,
                SymbolInterestChanged.VERSION,
                symbol,
                new SymbolInterestChanged(symbol, watchers, 0, List.<BigDecimal>of(), changedAt));
    }

    private void awaitProcessed(EventEnvelope event) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(
                                "select count(*) from processed_event where consumer = :consumer and event_id = :id",
                                "consumer",
                                CONSUMER,
                                "id",
                                event.id())
                        == 1);
    }

    private long watchers(String symbol) {
        return count("select coalesce(sum(watchers), 0) from symbol_interest where symbol = :symbol", "symbol", symbol);
    }
}
