package dev.tarsspeedy.standin.market;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * KIS, the FSC stock price service of data.go.kr and Finnhub on one local port, for the local stack and tests: the real
 * paths, headers, field names, limits and error bodies (quirks included), a shipped symbol master and seeded prices
 * that move only in each market's session (or around the clock in the demo session).
 *
 * <pre>{@code
 * try (MarketStandIn market = MarketStandIn.start(MarketStandIn.options()
 *         .port(0).seed(42).clock(clock).demoSession(false)
 *         .kisKey("app-key", "app-secret").fscKey("fsc-key").finnhubToken("fh-token"))) {
 *     market.baseUrl();                              // http://127.0.0.1:PORT
 *     market.controls().down(Provider.KIS);
 *     market.calls().maxPerSecond(Provider.KIS);
 * }
 * }</pre>
 *
 * <p>Switches over HTTP live under {@code /control} (no key needed); {@code /__stand-in/health} answers 200 once the
 * stand-in serves. In the demo session every answer carries {@code X-Stand-In-Session: simulated}, which no real
 * provider sends.
 */
public final class MarketStandIn implements AutoCloseable {

    /** Sent on every answer in the demo session: the quotes are simulated, the market hours ignored. */
    public static final String SESSION_HEADER = "X-Stand-In-Session";

    static final String HEALTH = "/__stand-in/health";
    private static final Logger log = Logger.getLogger(MarketStandIn.class.getName());

    private final Options options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final SymbolMaster master;
    private final PriceModel model;
    private final Controls controls = new Controls();
    private final Calls calls;
    private final KisApi kis;
    private final FscApi fsc;
    private final FinnhubApi finnhub;
    private final ControlApi control;

    private MarketStandIn(Options options, HttpServer server) {
        this.options = options;
        this.server = server;
        this.master = SymbolMaster.load(options.syntheticKrxListings);
        this.model = new PriceModel(options.seed, new Sessions(options.holidays, options.demoSession));
        this.calls = new Calls(options.nanoTime);
        this.kis = new KisApi(this);
        this.fsc = new FscApi(this);
        this.finnhub = new FinnhubApi(this);
        this.control = new ControlApi(this);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static Options options() {
        return new Options();
    }

    public static MarketStandIn start(Options options) {
        InetSocketAddress address = new InetSocketAddress(options.host, options.port);
        try {
            return new MarketStandIn(options.copy(), HttpServer.create(address, 128));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash: the base URL of all three providers. */
    public String baseUrl() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Controls controls() {
        return controls;
    }

    public Calls calls() {
        return calls;
    }

    /** The shipped master rows of the market, largest first. */
    public List<Listing> listings(Market market) {
        return master.listings(market);
    }

    /** Whether the market's session is open now by the options' clock (always, in the demo session). */
    public boolean isOpen(Market market) {
        return model.sessions().isOpen(market, clock().instant());
    }

    /** The price a provider would serve for the symbol now, with no switch applied but a price set; for tests. */
    public Optional<BigDecimal> price(String symbol) {
        return master.find(symbol).map(l -> snapshot(l, clock().instant()).price());
    }

    /** The quote a provider would serve for the symbol now, with no switch applied but a price set; for tests. */
    public Optional<Quote> quote(String symbol) {
        return master.find(symbol).map(l -> {
            PriceModel.Snapshot s = snapshot(l, clock().instant());
            return new Quote(
                    l.symbol(),
                    l.market(),
                    l.currency(),
                    s.price(),
                    s.change(),
                    s.changePercent(),
                    s.open(),
                    s.high(),
                    s.low(),
                    s.previousClose(),
                    s.volume(),
                    s.week52High(),
                    s.week52Low(),
                    s.asOf(),
                    s.inSession());
        });
    }

    /** The daily bars of the symbol for the trading days in {@code [from, to]}, the history the FSC service serves. */
    public List<DailyBar> history(String symbol, LocalDate from, LocalDate to) {
        Listing listing = master.find(symbol).orElseThrow(() -> new IllegalArgumentException("unknown " + symbol));
        return model.history(listing, from, to);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------- shared by the APIs

    Options settings() {
        return options;
    }

    Clock clock() {
        return options.clock;
    }

    long nanoTime() {
        return options.nanoTime.getAsLong();
    }

    SymbolMaster master() {
        return master;
    }

    PriceModel model() {
        return model;
    }

    /** The provider's view of now: the clock, less the staleness switched on for it. */
    Instant now(Provider provider) {
        return clock().instant().minus(controls.staleness(provider));
    }

    /** The listing at {@code at}, a price set from the controls applied. */
    PriceModel.Snapshot snapshot(Listing listing, Instant at) {
        PriceModel.Snapshot snapshot = model.snapshot(listing, at);
        Optional<Controls.PriceJump> jump = controls.jump(listing.symbol());
        if (jump.isEmpty()) {
            return snapshot;
        }
        double log = snapshot.logPrice() + jump.get().shift(at, snapshot.logPrice());
        return snapshot.withPrice(Ticks.round(listing.market(), Math.exp(log)), log);
    }

    // ---------------------------------------------------------------------------------------------------- routing

    private void handle(HttpExchange exchange) {
        try (exchange) {
            if (options.demoSession) {
                exchange.getResponseHeaders().set(SESSION_HEADER, "simulated");
            }
            Http http = new Http(exchange);
            String path = http.path;
            if (path.equals(HEALTH)) {
                http.json(200, Map.of("status", "UP", "demoSession", options.demoSession));
                return;
            }
            if (path.equals("/control") || path.startsWith("/control/")) {
                control.handle(http);
                return;
            }
            Optional<Provider> provider = providerOf(path);
            if (provider.isEmpty()) {
                http.text(404, "Not Found");
                return;
            }
            serve(provider.get(), http);
        } catch (IOException e) {
            log.log(Level.FINE, "client went away", e);
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "stand-in failed on " + exchange.getRequestURI(), e);
            try {
                if (exchange.getResponseCode() == -1) {
                    new Http(exchange).text(500, "internal error of the stand-in: " + e);
                }
            } catch (IOException | RuntimeException ignored) {
                // the client went away
            }
        }
    }

    private static Optional<Provider> providerOf(String path) {
        if (path.startsWith("/oauth2/") || path.startsWith("/uapi/")) {
            return Optional.of(Provider.KIS);
        }
        if (path.startsWith("/1160100/service/")) {
            return Optional.of(Provider.FSC);
        }
        if (path.startsWith("/api/v1/")) {
            return Optional.of(Provider.FINNHUB);
        }
        return Optional.empty();
    }

    private void serve(Provider provider, Http http) throws IOException {
        String endpoint = http.path.substring(http.path.lastIndexOf('/') + 1);
        calls.record(provider, endpoint);
        Duration delay = controls.delay(provider);
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Optional<Outage> outage = controls.outage(provider);
        if (outage.isPresent()) {
            if (outage.get() == Outage.HTTP_503) {
                http.text(503, "Service Unavailable");
            }
            // DROP: the exchange closes with no answer, the client sees the connection end
            return;
        }
        switch (provider) {
            case KIS -> kis.handle(http, endpoint);
            case FSC -> fsc.handle(http, endpoint);
            case FINNHUB -> finnhub.handle(http, endpoint);
        }
    }

    // ---------------------------------------------------------------------------------------------------- options

    /** How the stand-in starts; every setter returns this options object. */
    public static final class Options {
        private String host = InetAddress.getLoopbackAddress().getHostAddress();
        private int port;
        private long seed = 42;
        private Clock clock = Clock.systemUTC();
        private LongSupplier nanoTime = System::nanoTime;
        private boolean demoSession;
        private String kisAppKey;
        private String kisAppSecret;
        private String fscKey;
        private String finnhubToken;
        private int kisCallsPerSecond = 20;
        private int finnhubCallsPerMinute = 60;
        private int fscCallsPerDay = 10_000;
        private Duration kisTokenReissue = Duration.ofMinutes(1);
        private Map<Market, Set<LocalDate>> holidays = new EnumMap<>(Market.class);
        private int syntheticKrxListings;

        private Options() {}

        /**
         * Adds this many made-up KOSDAQ listings to the master (codes from {@code 800000}, names {@code 가상종목0001} /
         * {@code Synthetic 0001}), for benchmarks that watch more symbols than the real master has.
         */
        public Options syntheticKrxListings(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative");
            }
            this.syntheticKrxListings = count;
            return this;
        }

        /** The port to listen on; 0 (the default) takes a free one. */
        public Options port(int port) {
            this.port = port;
            return this;
        }

        /** The address to listen on; the loopback address by default. */
        public Options host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** The seed of the price walk: the same seed and clock times give the same prices. 42 by default. */
        public Options seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The clock prices, sessions, tokens and the FSC publication time follow; tests move it. */
        public Options clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Every market open around the clock and every answer marked simulated; off by default here. */
        public Options demoSession(boolean demoSession) {
            this.demoSession = demoSession;
            return this;
        }

        /** The only KIS app key and secret accepted; unset, any non-blank pair is accepted. */
        public Options kisKey(String appKey, String appSecret) {
            this.kisAppKey = Objects.requireNonNull(appKey);
            this.kisAppSecret = Objects.requireNonNull(appSecret);
            return this;
        }

        /** The only data.go.kr service key accepted; unset, any non-blank key is accepted. */
        public Options fscKey(String serviceKey) {
            this.fscKey = Objects.requireNonNull(serviceKey);
            return this;
        }

        /** The only Finnhub token accepted; unset, any non-blank token is accepted. */
        public Options finnhubToken(String token) {
            this.finnhubToken = Objects.requireNonNull(token);
            return this;
        }

        /** KIS calls per app key in any 1-second window before EGW00201; 20 by default, as the live server. */
        public Options kisCallsPerSecond(int limit) {
            this.kisCallsPerSecond = positive(limit);
            return this;
        }

        /** Finnhub calls per token in any 60-second window before HTTP 429; 60 by default, the free tier. */
        public Options finnhubCallsPerMinute(int limit) {
            this.finnhubCallsPerMinute = positive(limit);
            return this;
        }

        /** data.go.kr calls per service key and KST day before error 22; 10,000 by default. */
        public Options fscCallsPerDay(int limit) {
            this.fscCallsPerDay = positive(limit);
            return this;
        }

        /** How soon KIS issues another token to the same app key (EGW00133 before); one minute by default. */
        public Options kisTokenReissue(Duration interval) {
            this.kisTokenReissue = Objects.requireNonNull(interval);
            return this;
        }

        /** Weekdays the market does not trade (on top of weekends); ignored in the demo session. */
        public Options holidays(Market market, Collection<LocalDate> days) {
            this.holidays.computeIfAbsent(market, m -> new HashSet<>()).addAll(days);
            return this;
        }

        /** The source of the real time the rate windows measure; {@code System::nanoTime} by default. */
        public Options nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime);
            return this;
        }

        boolean demoSession() {
            return demoSession;
        }

        String kisAppKey() {
            return kisAppKey;
        }

        String kisAppSecret() {
            return kisAppSecret;
        }

        String fscKey() {
            return fscKey;
        }

        String finnhubToken() {
            return finnhubToken;
        }

        int kisCallsPerSecond() {
            return kisCallsPerSecond;
        }

        int finnhubCallsPerMinute() {
            return finnhubCallsPerMinute;
        }

        int fscCallsPerDay() {
            return fscCallsPerDay;
        }

        Duration kisTokenReissue() {
            return kisTokenReissue;
        }

        Set<LocalDate> holidays(Market market) {
            return Set.copyOf(holidays.getOrDefault(market, Set.of()));
        }

        private Options copy() {
            Options copy = new Options();
            copy.host = host;
            copy.port = port;
            copy.seed = seed;
            copy.clock = clock;
            copy.nanoTime = nanoTime;
            copy.demoSession = demoSession;
            copy.kisAppKey = kisAppKey;
            copy.kisAppSecret = kisAppSecret;
            copy.fscKey = fscKey;
            copy.finnhubToken = finnhubToken;
            copy.kisCallsPerSecond = kisCallsPerSecond;
            copy.finnhubCallsPerMinute = finnhubCallsPerMinute;
            copy.fscCallsPerDay = fscCallsPerDay;
            copy.kisTokenReissue = kisTokenReissue;
            copy.syntheticKrxListings = syntheticKrxListings;
            EnumMap<Market, Set<LocalDate>> days = new EnumMap<>(Market.class);
            holidays.forEach((m, d) -> days.put(m, Set.copyOf(d)));
            copy.holidays = days;
            return copy;
        }

        private static int positive(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be positive");
            }
            return limit;
        }
    }
}
