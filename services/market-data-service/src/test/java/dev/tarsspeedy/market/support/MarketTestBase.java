package dev.tarsspeedy.market.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.alert.SymbolInterestChanged;
import dev.tarsspeedy.contracts.market.QuoteUpdated;
import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.calendar.MarketCalendar;
import dev.tarsspeedy.market.calendar.Session;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.scheduling.ScheduledJobs;
import dev.tarsspeedy.platform.test.MutableClock;
import dev.tarsspeedy.platform.test.ServiceTestBase;
import dev.tarsspeedy.platform.test.TopicReader;
import dev.tarsspeedy.standin.market.Listing;
import dev.tarsspeedy.standin.market.MarketStandIn;
import dev.tarsspeedy.standin.market.Provider;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The market-data service on a random port against real PostgreSQL, Redis and Kafka, with the stand-in market
 * in-process on a free port playing KIS, FSC and Finnhub (real keys configured on both sides, no demo session), and
 * one {@link MutableClock} shared by the service and the stand-in, so market hours move together. The poller's timer
 * is off ({@code market.quotes.tick} is an hour): tests run it with {@link #poll()}. Every IT shares this context;
 * each test follows symbols of its own ({@link #krxSymbol(int)}) and unfollows them afterwards.
 */
@Import(MarketTestBase.SharedClock.class)
public abstract class MarketTestBase extends ServiceTestBase {

    protected static final String KIS_KEY = "kis-app-key";
    protected static final String KIS_SECRET = "kis-app-secret";
    protected static final String FSC_KEY = "fsc+service/key==";
    protected static final String FINNHUB_TOKEN = "finnhub-token";

    /** The one clock of the service and the stand-in; it only moves forward. */
    protected static final MutableClock CLOCK = new MutableClock();

    protected static final MarketStandIn MARKET = MarketStandIn.start(MarketStandIn.options()
            .port(0)
            .seed(42)
            .clock(CLOCK)
            .demoSession(false)
            .kisKey(KIS_KEY, KIS_SECRET)
            .fscKey(FSC_KEY)
            .finnhubToken(FINNHUB_TOKEN)
            // The tests move the clock by days, past the token's 24 hours: a re-issue must not wait a real minute.
            .kisTokenReissue(Duration.ofSeconds(1)));

    private static final AtomicInteger CHANGES = new AtomicInteger();

    private static volatile boolean settled;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("market.providers.stand-in-url", MARKET::baseUrl);
        registry.add("market.providers.kis.base-url", MARKET::baseUrl);
        registry.add("market.providers.kis.app-key", () -> KIS_KEY);
        registry.add("market.providers.kis.app-secret", () -> KIS_SECRET);
        registry.add("market.providers.kis.token-issue-interval", () -> "1s");
        registry.add("market.providers.fsc.base-url", MARKET::baseUrl);
        registry.add("market.providers.fsc.service-key", () -> FSC_KEY);
        registry.add("market.providers.finnhub.base-url", MARKET::baseUrl);
        registry.add("market.providers.finnhub.token", () -> FINNHUB_TOKEN);
    }

    @Autowired
    protected ScheduledJobs jobs;

    @Autowired
    protected MarketCalendar calendar;

    @Autowired
    private KafkaTemplate<String, String> kafka;

    @Autowired
    protected ReactiveStringRedisTemplate redis;

    private final List<String> followed = new ArrayList<>();

    /** The symbol master from the stand-in's listings (its job may be running already on its timer). */
    @BeforeEach
    void symbolMasterLoaded() {
        if (count("select count(*) from symbol") == 0) {
            jobs.runNow(jobs.job("market-symbol-refresh"));
            await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from symbol") > 0);
        }
        if (!settled) {
            // The refresh also asks KIS for English names: let it end before tests count provider calls.
            awaitProvidersQuiet();
            settled = true;
        }
    }

    @AfterEach
    void unfollowAndReset() {
        for (String symbol : followed) {
            interest(symbol, 0, List.of());
        }
        for (String symbol : followed) {
            awaitFollowed(symbol, false);
        }
        followed.clear();
        MARKET.controls().reset();
    }

    /** The n-th KRX listing of the stand-in's master (tests take different ones, so they do not meet). */
    protected static String krxSymbol(int n) {
        return MARKET.listings(dev.tarsspeedy.standin.market.Market.KRX).get(n).symbol();
    }

    protected static String usSymbol(int n) {
        return MARKET.listings(dev.tarsspeedy.standin.market.Market.US).get(n).symbol();
    }

    /** Publishes the alert service's event: one watcher and the given alert lines. */
    protected void follow(String symbol, BigDecimal... lines) {
        followed.add(symbol);
        interest(symbol, 1, List.of(lines));
        awaitFollowed(symbol, true);
    }

    protected void unfollow(String symbol) {
        interest(symbol, 0, List.of());
        awaitFollowed(symbol, false);
        followed.remove(symbol);
    }

    /** Publishes a {@code SymbolInterestChanged} as the alert service does; returns the envelope sent. */
    protected EventEnvelope interest(String symbol, int watchers, List<BigDecimal> lines) {
        // changedAt strictly increasing across the run, as the alert service's clock would write them.
        Instant changedAt = Instant.now().plusMillis(CHANGES.incrementAndGet());
        SymbolInterestChanged payload = new SymbolInterestChanged(symbol, watchers, lines.size(), lines, changedAt);
        EventEnvelope event =
                EventEnvelope.of(SymbolInterestChanged.TYPE, SymbolInterestChanged.VERSION, symbol, payload);
        send(event);
        return event;
    }

    protected void send(EventEnvelope event) {
        kafka.send(new ProducerRecord<>(SymbolInterestChanged.TOPIC, event.key(), event.toJson()))
                .join();
    }

    protected void awaitFollowed(String symbol, boolean followed) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(
                                "select count(*) from symbol_interest where symbol = :symbol and watchers + alerts > 0",
                                "symbol",
                                symbol)
                        == (followed ? 1 : 0));
    }

    /** Whether the service cached a quote of the symbol. */
    protected boolean quoteCached(String symbol) {
        return Boolean.TRUE.equals(redis.hasKey("market:quote:" + symbol).block(Duration.ofSeconds(5)));
    }

    /** Waits until no provider call came for a second (a follow's first fetch and history backfill are done). */
    protected static void awaitProvidersQuiet() {
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    long now = MARKET.calls().count(Provider.KIS)
                            + MARKET.calls().count(Provider.FSC)
                            + MARKET.calls().count(Provider.FINNHUB);
                    boolean quiet = now == last[0];
                    last[0] = now;
                    return quiet;
                });
    }

    /** Runs the poller once, as its timer would. */
    protected void poll() {
        assertThat(jobs.runNow(jobs.job("market-quote-poll"))).isEqualTo(ScheduledJobs.Outcome.SUCCESS);
    }

    /**
     * Moves the clock into a regular session of the market with at least an hour left (now, if one runs), at least
     * {@code into} after its open.
     */
    protected void goToSession(Market market, Duration into) {
        Instant now = CLOCK.instant();
        Session session = calendar.nextSession(market, now);
        Instant target = session.opens().plus(into);
        if (session.isOpenAt(now)
                && now.isAfter(target)
                && now.plus(Duration.ofHours(1)).isBefore(session.closes())) {
            return;
        }
        if (!now.isBefore(target) || target.plus(Duration.ofHours(1)).isAfter(session.closes())) {
            session = calendar.nextSession(market, session.closes());
            target = session.opens().plus(into);
        }
        CLOCK.advance(Duration.between(now, target));
    }

    /** Moves the clock forward to {@code instant}. */
    protected void advanceTo(Instant instant) {
        Duration ahead = Duration.between(CLOCK.instant(), instant);
        assertThat(ahead).as("the clock only moves forward").isPositive();
        CLOCK.advance(ahead);
    }

    /** A quote's body from the API (200). */
    protected Map<String, Object> quote(String symbol) {
        return client().get()
                .uri("/api/market/quotes/{symbol}", symbol)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    /** The QuoteUpdated events of the symbol on the topic now, oldest first. */
    protected static List<QuoteUpdated> quoteUpdates(String symbol) {
        return TopicReader.readAll(QuoteUpdated.TOPIC, new ByteArrayDeserializer(), Duration.ofSeconds(20)).stream()
                .filter(record -> record.key().equals(symbol))
                .map(record -> EventEnvelope.fromJson(record.value()))
                .peek(envelope -> assertThat(envelope.type()).isEqualTo(QuoteUpdated.TYPE))
                .map(envelope -> envelope.payloadAs(QuoteUpdated.class))
                .toList();
    }

    protected static Listing listing(String symbol) {
        return MARKET.listings(dev.tarsspeedy.standin.market.Market.KRX).stream()
                .filter(listing -> listing.symbol().equals(symbol))
                .findFirst()
                .orElseThrow();
    }

    /** The stand-in's clock is the service's. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {

        @Bean
        @Primary
        MutableClock sharedTestClock() {
            return CLOCK;
        }
    }
}
