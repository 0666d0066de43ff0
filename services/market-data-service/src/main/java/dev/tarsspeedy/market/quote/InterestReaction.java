package dev.tarsspeedy.market.quote;

import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.interest.Interest;
import dev.tarsspeedy.market.interest.InterestListener;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A newly followed symbol is fetched at once (in session), not at the poller's next look, so its first quote comes
 * within seconds; and its year of daily closes is backfilled if it has none.
 */
@Component
class InterestReaction implements InterestListener {

    private static final Logger log = LoggerFactory.getLogger(InterestReaction.class);

    private final QuoteService quotes;
    private final QuoteCache cache;
    private final MarketSessions sessions;
    private final Clock clock;

    InterestReaction(QuoteService quotes, QuoteCache cache, MarketSessions sessions, Clock clock) {
        this.quotes = quotes;
        this.cache = cache;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public void interestChanged(Interest interest, boolean wasFollowed) {
        if (!interest.followed()) {
            return;
        }
        Symbol symbol = interest.symbol();
        log.debug("{} followed (before: {}): first quote and history", symbol, wasFollowed);
        Mono<Void> first = sessions.isOpen(symbol.market(), clock.instant())
                ? cache.latest(symbol)
                        .hasElement()
                        .flatMap(cached -> cached && wasFollowed
                                ? Mono.empty()
                                : quotes.refresh(symbol.market(), List.of(symbol), Map.of())
                                        .then())
                : Mono.empty();
        first.onErrorResume(error -> {
                    log.warn("first quote of {} failed: {}", symbol, error.toString());
                    return Mono.empty();
                })
                .then(quotes.backfill(symbol))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        bars -> {
                            if (bars > 0) {
                                log.info("backfilled {} daily closes of {}", bars, symbol);
                            }
                        },
                        error -> log.warn("backfill of {} failed: {}", symbol, error.toString()));
    }
}
