package dev.tarsspeedy.standin.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seeded prices. Each listing's daily log level is a mean-reverting walk around its reference price, one step per
 * trading day, counted from a fixed anchor date so that the same seed gives the same closes whenever they are asked
 * for. A session goes from the day's open to its close along a Brownian bridge with a knot every {@link #STEP}, so
 * intraday prices, the day's high and low, and the daily history all come from the same numbers: the previous close
 * of a quote is yesterday's history close, the 52-week range is the history's. Outside a session nothing moves.
 */
final class PriceModel {

    /**
     * The walk's knots within a session; between knots the price moves linearly, so the day's range is the range of
     * its knots and a quote never leaves the high and low its day ends with. Cheap enough to price a year of history
     * for a symbol in a few milliseconds.
     */
    static final Duration STEP = Duration.ofMinutes(5);

    private static final LocalDate ANCHOR = LocalDate.of(2020, 1, 1);
    /** Daily mean reversion: the walk stays within about 10 % (one sd) of the reference price. */
    private static final double PHI = 0.985;

    private static final long SALT_DAILY = 0x9E3779B97F4A7C15L;
    private static final long SALT_PATH = 0xC2B2AE3D27D4EB4FL;
    private static final long SALT_GAP = 0x165667B19E3779F9L;
    private static final long SALT_VOLUME = 0x27D4EB2F165667C5L;

    private final long seed;
    private final Sessions sessions;
    private final ConcurrentHashMap<String, double[]> levels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<DayKey, DailyBar> bars = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<DayKey, double[]> paths = new ConcurrentHashMap<>();

    PriceModel(long seed, Sessions sessions) {
        this.seed = seed;
        this.sessions = sessions;
    }

    Sessions sessions() {
        return sessions;
    }

    /**
     * A listing at an instant: the session day it belongs to (the one in progress, else the last one), the price and
     * the day's figures so far.
     */
    record Snapshot(
            Listing listing,
            LocalDate day,
            boolean inSession,
            double logPrice,
            BigDecimal price,
            BigDecimal open,
            BigDecimal high,
            BigDecimal low,
            BigDecimal previousClose,
            long volume,
            long turnover,
            Instant asOf,
            BigDecimal week52High,
            LocalDate week52HighDay,
            BigDecimal week52Low,
            LocalDate week52LowDay) {

        BigDecimal change() {
            return price.subtract(previousClose);
        }

        /** Percent change against the previous close, two decimals. */
        BigDecimal changePercent() {
            return change().multiply(BigDecimal.valueOf(100)).divide(previousClose, 2, RoundingMode.HALF_UP);
        }

        /** The same moment with another price (a price set from the controls); the day's range takes it in. */
        Snapshot withPrice(BigDecimal newPrice, double newLogPrice) {
            BigDecimal hi = high.max(newPrice);
            BigDecimal lo = low.min(newPrice);
            BigDecimal w52h = week52High.max(newPrice);
            BigDecimal w52l = week52Low.min(newPrice);
            return new Snapshot(
                    listing,
                    day,
                    inSession,
                    newLogPrice,
                    newPrice,
                    open,
                    hi,
                    lo,
                    previousClose,
                    volume,
                    volume * newPrice.longValue(),
                    asOf,
                    w52h,
                    w52h.equals(week52High) ? week52HighDay : day,
                    w52l,
                    w52l.equals(week52Low) ? week52LowDay : day);
        }
    }

    Snapshot snapshot(Listing listing, Instant at) {
        Market market = listing.market();
        LocalDate day = sessions.lastStartedSession(market, at);
        Instant open = sessions.open(market, day);
        Instant close = sessions.close(market, day);
        double[] path = path(listing, day);
        DailyBar bar = bar(listing, day);
        DailyBar previous = bar(listing, sessions.previousTradingDay(market, day));
        boolean inSession = at.isBefore(close);
        double logPrice;
        BigDecimal high;
        BigDecimal low;
        long volume;
        Instant asOf;
        if (inSession) {
            double position = (double) Duration.between(open, at).toMillis() / STEP.toMillis();
            int k = Math.min((int) position, path.length - 2);
            double frac = position - k;
            logPrice = path[k] + (path[k + 1] - path[k]) * frac;
            double hi = logPrice;
            double lo = logPrice;
            for (int i = 0; i <= k; i++) {
                hi = Math.max(hi, path[i]);
                lo = Math.min(lo, path[i]);
            }
            high = Ticks.round(market, Math.exp(hi));
            low = Ticks.round(market, Math.exp(lo));
            double elapsed = (double) Duration.between(open, at).toMillis()
                    / Duration.between(open, close).toMillis();
            volume = Math.max(1, Math.round(bar.volume() * elapsed));
            asOf = at.truncatedTo(ChronoUnit.SECONDS);
        } else {
            logPrice = path[path.length - 1];
            high = bar.high();
            low = bar.low();
            volume = bar.volume();
            asOf = close;
        }
        BigDecimal price = Ticks.round(market, Math.exp(logPrice));
        high = high.max(price);
        low = low.min(price);
        // the 52 weeks before the day, from the same history the FSC service serves, plus the day so far
        BigDecimal w52High = high;
        BigDecimal w52Low = low;
        LocalDate w52HighDay = day;
        LocalDate w52LowDay = day;
        for (DailyBar past : history(listing, day.minusWeeks(52), day.minusDays(1))) {
            if (past.high().compareTo(w52High) > 0) {
                w52High = past.high();
                w52HighDay = past.day();
            }
            if (past.low().compareTo(w52Low) < 0) {
                w52Low = past.low();
                w52LowDay = past.day();
            }
        }
        return new Snapshot(
                listing,
                day,
                inSession,
                logPrice,
                price,
                bar.open(),
                high,
                low,
                previous.close(),
                volume,
                volume * price.longValue(),
                asOf,
                w52High,
                w52HighDay,
                w52Low,
                w52LowDay);
    }

    /** The bars of the trading days in {@code [from, to]}, oldest first. */
    List<DailyBar> history(Listing listing, LocalDate from, LocalDate to) {
        List<DailyBar> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (sessions.tradingDay(listing.market(), d)) {
                out.add(bar(listing, d));
            }
        }
        return out;
    }

    DailyBar bar(Listing listing, LocalDate day) {
        return bars.computeIfAbsent(new DayKey(listing.symbol(), day), key -> {
            double[] path = computePath(listing, day);
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            for (double p : path) {
                hi = Math.max(hi, p);
                lo = Math.min(lo, p);
            }
            Market market = listing.market();
            BigDecimal open = Ticks.round(market, Math.exp(path[0]));
            BigDecimal close = Ticks.round(market, Math.exp(path[path.length - 1]));
            BigDecimal high = Ticks.round(market, Math.exp(hi)).max(open).max(close);
            BigDecimal low = Ticks.round(market, Math.exp(lo)).min(open).min(close);
            long volume = dayVolume(listing, day);
            double typical = (open.doubleValue() + high.doubleValue() + low.doubleValue() + close.doubleValue()) / 4;
            return new DailyBar(day, open, high, low, close, volume, Math.round(volume * typical));
        });
    }

    private double[] path(Listing listing, LocalDate day) {
        if (paths.size() > 2_048) {
            paths.clear(); // a bound, not an LRU: paths are cheap to recompute
        }
        return paths.computeIfAbsent(new DayKey(listing.symbol(), day), key -> computePath(listing, day));
    }

    /** Log prices from the open to the close of the day's session, one per {@link #STEP}. */
    private double[] computePath(Listing listing, LocalDate day) {
        Market market = listing.market();
        double sigma = sigma(listing);
        double previous = logLevel(listing, sessions.previousTradingDay(market, day));
        double close = logLevel(listing, day);
        double gap = new SplittableRandom(mix(listing, day, SALT_GAP)).nextGaussian();
        double open = previous + 0.3 * (close - previous) + 0.15 * sigma * gap;
        long seconds = Duration.between(sessions.open(market, day), sessions.close(market, day))
                .getSeconds();
        int n = (int) Math.max(2, seconds / STEP.getSeconds());
        double[] w = new double[n + 1];
        SplittableRandom random = new SplittableRandom(mix(listing, day, SALT_PATH));
        // the demo session spreads a day over 24 hours: livelier knots, so a price visibly moves within minutes
        double stepSd = (sessions.demo() ? 2.0 : 0.6) * sigma / Math.sqrt(n);
        for (int k = 1; k <= n; k++) {
            w[k] = w[k - 1] + stepSd * random.nextGaussian();
        }
        double[] path = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            double f = (double) k / n;
            path[k] = open + f * (close - open) + (w[k] - f * w[n]);
        }
        path[n] = close;
        return path;
    }

    /** The log of the day's close: the reference price moved by the walk up to that day. */
    double logLevel(Listing listing, LocalDate day) {
        return Math.log(listing.referencePrice().doubleValue()) + deviation(listing, day);
    }

    private double deviation(Listing listing, LocalDate day) {
        int index = (int) ChronoUnit.DAYS.between(ANCHOR, day);
        if (index <= 0) {
            return 0;
        }
        double[] known = levels.get(listing.symbol());
        if (known != null && index < known.length) {
            return known[index];
        }
        synchronized (this) {
            known = levels.get(listing.symbol());
            int have = known == null ? 1 : known.length;
            int size = Math.max(index + 1, have + 366);
            double[] grown = known == null ? new double[size] : Arrays.copyOf(known, size);
            double sigma = sigma(listing);
            for (int i = have; i < size; i++) {
                LocalDate d = ANCHOR.plusDays(i);
                if (sessions.tradingDay(listing.market(), d)) {
                    double eps = new SplittableRandom(mix(listing, d, SALT_DAILY)).nextGaussian();
                    grown[i] = PHI * grown[i - 1] + sigma * eps;
                } else {
                    grown[i] = grown[i - 1];
                }
            }
            levels.put(listing.symbol(), grown);
            return grown[index];
        }
    }

    private long dayVolume(Listing listing, LocalDate day) {
        double turnover = (listing.market() == Market.KRX ? 4.0e11 : 8.0e9) / (1 + (listing.rank() - 1) / 8.0);
        double base = turnover / listing.referencePrice().doubleValue();
        double z = new SplittableRandom(mix(listing, day, SALT_VOLUME)).nextGaussian();
        return Math.max(100, Math.round(base * Math.exp(0.35 * z - 0.06)));
    }

    private static double sigma(Listing listing) {
        return listing.market() == Market.KRX ? 0.018 : 0.015;
    }

    private long mix(Listing listing, LocalDate day, long salt) {
        long h = seed * 0x9E3779B97F4A7C15L ^ salt;
        for (char c : listing.symbol().toCharArray()) {
            h = (h ^ c) * 0x100000001B3L;
        }
        h ^= day.toEpochDay() * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    private record DayKey(String symbol, LocalDate day) {}
}
