package dev.tarsspeedy.market.quote;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.calendar.Session;
import dev.tarsspeedy.market.interest.Interest;
import dev.tarsspeedy.market.interest.InterestService;
import dev.tarsspeedy.platform.scheduling.ScheduledJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every {@code tick}, on one instance of the cluster: for each market in session, the followed symbols that are due
 * ({@link PollPlanner}), as many as the first provider's budget serves within {@code pollHorizon} (at most
 * {@code maxCallsPerTick} calls' worth), fetched through the fallback order, the markets side by side. Outside the
 * session nothing is fetched, except one closing fetch of every followed symbol within {@code closingWindow} after
 * the close, whose prices become the day's closes.
 */
@Component
class QuotePollJob implements ScheduledJob {

    private static final Logger log = LoggerFactory.getLogger(QuotePollJob.class);

    private final InterestService interests;
    private final QuoteService quotes;
    private final QuoteFetcher fetcher;
    private final QuoteCache cache;
    private final MarketSessions sessions;
    private final QuoteSettings settings;
    private final QuoteMetrics metrics;
    private final Clock clock;

    QuotePollJob(
            InterestService interests,
            QuoteService quotes,
            QuoteFetcher fetcher,
            QuoteCache cache,
            MarketSessions sessions,
            QuoteSettings settings,
            QuoteMetrics metrics,
            Clock clock) {
        this.interests = interests;
        this.quotes = quotes;
        this.fetcher = fetcher;
        this.cache = cache;
        this.sessions = sessions;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "market-quote-poll";
    }

    @Override
    public Duration period() {
        return settings.tick();
    }

    @Override
    public Duration maxDuration() {
        return Duration.ofMinutes(2);
    }

    @Override
    public Mono<Void> run() {
        // Markets side by side: each asks its own providers within their own budgets, so a market whose tick waits
        // for its budget does not hold back the other's.
        return Flux.fromArray(Market.values())
                .flatMap(market -> poll(market).onErrorResume(error -> {
                    log.warn("polling {} failed: {}", market, error.toString());
                    return Mono.empty();
                }))
                .then();
    }

    Mono<Void> poll(Market market) {
        Instant now = clock.instant();
        if (!sessions.isOpen(market, now)) {
            metrics.polled(market, 0, 0);
            return sessions.justClosed(market, now, settings.closingWindow())
                    .map(session -> closingFetch(market, session))
                    .orElse(Mono.empty());
        }
        return interests.followed(market).collectList().flatMap(followed -> {
            List<Symbol> symbols = followed.stream().map(Interest::symbol).toList();
            return cache.latest(symbols).flatMap(latest -> {
                metrics.polled(market, symbols.size(), oldestAge(latest, now));
                PollPlanner planner = new PollPlanner(
                        settings.targetFreshness(market), settings.nearAlertBand(), settings.nearAlertInterval());
                List<Symbol> due = planner.due(followed, latest, now);
                int most =
                        callsThisTick(settings.maxCallsPerTick(), fetcher.callsWithin(market, settings.pollHorizon()))
                                * fetcher.symbolsPerCall(market);
                return quotes.refresh(market, due.size() > most ? due.subList(0, most) : due, latest)
                        .then();
            });
        });
    }

    /**
     * How many calls one tick makes for a market: what the first provider's budget lets through within the poll
     * horizon, at most {@code maxCallsPerTick}. The calls wait for their permits one after the other, so the budget
     * paces them; the tick's own period comes after the run (a fixed delay), so a tick kept to fewer calls than the
     * budget allows per period would leave the budget idle in between (10 calls a 1 s tick used KIS's 18/s at half).
     */
    static int callsThisTick(int maxCallsPerTick, long budgetCallsWithinHorizon) {
        return (int) Math.max(1, Math.min(maxCallsPerTick, budgetCallsWithinHorizon));
    }

    /** The one fetch after the session's close, whose prices are the day's closes. */
    private Mono<Void> closingFetch(Market market, Session session) {
        return cache.closingFetchDone(market, session.date()).flatMap(done -> {
            if (done) {
                return Mono.<Void>empty();
            }
            return interests
                    .followed(market)
                    .map(Interest::symbol)
                    .collectList()
                    .flatMap(symbols -> cache.latest(symbols)
                            .flatMap(latest -> quotes.refresh(market, symbols, latest))
                            .flatMap(fetched -> quotes.recordCloses(fetched, session.date()))
                            .then(cache.markClosingFetchDone(market, session.date()))
                            .doOnSuccess(ignored -> log.info(
                                    "closing fetch of {} {}: {} symbols", market, session.date(), symbols.size())));
        });
    }

    private static long oldestAge(Map<Symbol, Quote> latest, Instant now) {
        return latest.values().stream()
                .mapToLong(quote -> Math.max(
                        0, Duration.between(quote.provider().asOf(), now).toSeconds()))
                .max()
                .orElse(0);
    }
}
