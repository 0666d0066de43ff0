package dev.tarsspeedy.market.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.calendar.MarketCalendar;
import dev.tarsspeedy.market.calendar.Session;
import dev.tarsspeedy.platform.scheduling.ScheduledJobs;
import dev.tarsspeedy.platform.test.ServiceTestBase;
import dev.tarsspeedy.standin.market.Listing;
import dev.tarsspeedy.standin.market.MarketStandIn;
import dev.tarsspeedy.standin.market.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The refresh benchmark ({@code bench/market/run}, docs/benchmarks.md): {@code bench.symbols} (2,500) synthetic KOSDAQ
 * listings followed at once, polled by the service's own timer ({@code market.quotes.tick}, 1 s) from the stand-in
 * with its real KIS limit (20 calls in any sliding second, real time) and the service's KIS budget (18/s). Measures
 * the time until every followed symbol has a cached quote, then the age of every cached quote once a second for
 * {@code bench.watch-seconds} (180), beside the minimum the budget allows. The clock runs in real time, moved into a
 * KRX session. Not an IT: it runs only when named ({@code -Dit.test=QuoteRefreshBenchmark}).
 */
// Its own clock and a poller on a timer: the context is not reused by the ITs.
@DirtiesContext
@Import(QuoteRefreshBenchmark.BenchClock.class)
class QuoteRefreshBenchmark extends ServiceTestBase {

    static final int SYMBOLS = Integer.getInteger("bench.symbols", 2_500);
    static final Duration WATCH = Duration.ofSeconds(Long.getLong("bench.watch-seconds", 180));
    static final ShiftedClock CLOCK = new ShiftedClock();

    static final MarketStandIn MARKET = MarketStandIn.start(MarketStandIn.options()
            .port(0)
            .seed(42)
            .clock(CLOCK)
            .demoSession(false)
            .kisKey("kis-app-key", "kis-app-secret")
            .fscKey("fsc-key")
            .finnhubToken("finnhub-token")
            .syntheticKrxListings(SYMBOLS)
            // The clock jumps to the next session, past the token's 24 hours: a re-issue must not wait a minute.
            .kisTokenReissue(Duration.ofSeconds(1)));

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("market.providers.stand-in-url", MARKET::baseUrl);
        registry.add("market.providers.kis.base-url", MARKET::baseUrl);
        registry.add("market.providers.kis.app-key", () -> "kis-app-key");
        registry.add("market.providers.kis.app-secret", () -> "kis-app-secret");
        registry.add("market.providers.kis.token-issue-interval", () -> "1s");
        registry.add("market.providers.fsc.base-url", MARKET::baseUrl);
        registry.add("market.providers.fsc.service-key", () -> "fsc-key");
        registry.add("market.providers.finnhub.base-url", MARKET::baseUrl);
        registry.add("market.providers.finnhub.token", () -> "finnhub-token");
        // English names are not what is measured: naming 2,500 synthetic listings (one KIS call each) would hold the
        // setup for minutes and take from the budget the refresh is measured against.
        registry.add("market.symbols.english-names-per-run", () -> "0");
        // The production tick (the tests' resources set an hour), unless the command line names one.
        registry.add("market.quotes.tick", () -> System.getProperty("market.quotes.tick", "1s"));
    }

    @Autowired
    ScheduledJobs jobs;

    @Autowired
    MarketCalendar calendar;

    @Autowired
    QuoteCache cache;

    @Autowired
    QuoteSettings settings;

    @Test
    void refreshOfTheWatchedKrxSymbols() throws IOException {
        String load1 = loadAverage();
        List<Listing> krx = MARKET.listings(dev.tarsspeedy.standin.market.Market.KRX);
        // Always: ITs before this one in the same database loaded a master without the synthetic listings.
        jobs.runNow(jobs.job("market-symbol-refresh"));
        await().atMost(Duration.ofMinutes(3))
                .until(() -> count("select count(*) from symbol where market = 'KRX'") >= krx.size());
        List<Symbol> symbols = krx.stream()
                .filter(listing -> listing.name().startsWith("가상종목"))
                .limit(SYMBOLS)
                .map(listing -> Symbol.parse(listing.symbol()))
                .toList();
        assertThat(symbols).hasSize(SYMBOLS);

        // Followed before the open: the poller alone refreshes them once the session starts.
        Instant now = CLOCK.instant();
        Session session = calendar.nextSession(Market.KRX, now);
        if (session.isOpenAt(now) || session.opens().isBefore(now.plus(Duration.ofMinutes(10)))) {
            session = calendar.nextSession(Market.KRX, session.closes().plusSeconds(1));
        }
        CLOCK.moveTo(session.opens().minus(Duration.ofMinutes(5)));
        // The followed symbols as the interest consumer records them, written by SQL (not timed, not measured: the
        // consumer takes one transaction per event, about 3 a second on a busy machine).
        database.sql("insert into symbol_interest (symbol, market, watchers, alerts, alert_lines, changed_at,"
                        + " updated_at) select code, 'KRX', 1, 0, '{}', now(), now() from unnest(cast(:codes as text[]))"
                        + " as code on conflict (symbol) do update set watchers = 1")
                .bind("codes", symbols.stream().map(Symbol::code).toArray(String[]::new))
                .fetch()
                .rowsUpdated()
                .block(Duration.ofMinutes(1));
        assertThat(count("select count(*) from symbol_interest where watchers + alerts > 0"))
                .isEqualTo(SYMBOLS);
        awaitQuiet();
        assertThat(cache.latest(symbols).block(Duration.ofSeconds(30)))
                .as("nothing cached before the open")
                .isEmpty();

        String load2 = loadAverage();
        long kisBefore = MARKET.calls().count(Provider.KIS);
        MARKET.calls().reset();
        CLOCK.moveTo(session.opens().plus(Duration.ofMinutes(1)));
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> cache.latest(symbols).block(Duration.ofSeconds(10)).size() == SYMBOLS);
        Duration allOnce = Duration.ofNanos(System.nanoTime() - start);
        long kisForAll = MARKET.calls().count(Provider.KIS);
        long maxPerSecond = MARKET.calls().maxPerSecond(Provider.KIS);

        List<Long> ages = new ArrayList<>();
        long watchEnd = System.nanoTime() + WATCH.toNanos();
        while (System.nanoTime() < watchEnd) {
            Instant at = CLOCK.instant();
            Map<Symbol, Quote> latest = cache.latest(symbols).block(Duration.ofSeconds(10));
            for (Symbol symbol : symbols) {
                Quote quote = latest.get(symbol);
                ages.add(
                        quote == null
                                ? Long.MAX_VALUE
                                : Duration.between(quote.fetchedAt(), at).toMillis());
            }
            sleep(1000);
        }
        ages.sort(null);
        String load3 = loadAverage();
        int calls = (SYMBOLS + 29) / 30;
        String table = String.format(
                """
                Refresh benchmark: %,d watched KRX symbols, stand-in KIS limit 20 in any sliding second, \
                budget %s, tick %s, at most %d calls per tick
                  theoretical minimum: %d calls of 30 / 18 per s = %.1f s (%.1f s at the sustained ~17/s)
                  all refreshed once                  %6.1f s   %d KIS calls, at most %d in one second   load %s
                  quote age over %d s (%,d samples)  p50 %.1f s   p99 %.1f s   max %.1f s   load %s
                  load average before following %s
                  KIS calls while following (before the open): %d
                """,
                SYMBOLS,
                "18/s",
                settings.tick(),
                settings.maxCallsPerTick(),
                calls,
                calls / 18.0,
                calls / 17.0,
                allOnce.toMillis() / 1000.0,
                kisForAll,
                maxPerSecond,
                load2,
                WATCH.toSeconds(),
                ages.size(),
                percentile(ages, 0.50),
                percentile(ages, 0.99),
                percentile(ages, 1.0),
                load3,
                load1,
                kisBefore);
        System.out.println(table);
        Path out = Path.of("target", "bench-market-refresh.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);

        // Nobody follows them any more: tests run after this one on the same database poll what is followed.
        database.sql("update symbol_interest set watchers = 0, alerts = 0 where symbol = any(cast(:codes as text[]))")
                .bind("codes", symbols.stream().map(Symbol::code).toArray(String[]::new))
                .fetch()
                .rowsUpdated()
                .block(Duration.ofMinutes(1));

        assertThat(maxPerSecond).as("the stand-in's limit was never passed").isLessThanOrEqualTo(20);
        assertThat(ages.getLast()).as("every symbol kept a quote").isLessThan(Long.MAX_VALUE);
    }

    private static double percentile(List<Long> sorted, double p) {
        int index = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(p * sorted.size()) - 1));
        return sorted.get(index) / 1000.0;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** Until no provider call came for two seconds (the symbol master's English names, the follows' backfills). */
    private static void awaitQuiet() {
        long[] last = {-1};
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    long calls = MARKET.calls().count(Provider.KIS)
                            + MARKET.calls().count(Provider.FSC)
                            + MARKET.calls().count(Provider.FINNHUB);
                    boolean quiet = calls == last[0];
                    last[0] = calls;
                    return quiet;
                });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Real time, shifted: the benchmark moves it into a session; it then runs at the wall clock's pace. */
    static final class ShiftedClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void moveTo(Instant instant) {
            offset = Duration.between(Instant.now(), instant);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class BenchClock {

        @Bean
        @Primary
        Clock benchClock() {
            return CLOCK;
        }
    }
}
