package dev.tarsspeedy.standin.market;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The switches tests and people flip: a provider down, slow, refusing every key, answering zeros or an hour late, and
 * the next price of a symbol. From Java here, over HTTP under {@code /control} (see the module's README). Every switch
 * holds until {@link #reset()} or its counterpart.
 */
public final class Controls {

    private final Map<Provider, Outage> down = new EnumMap<>(Provider.class);
    private final Map<Provider, Duration> slow = new EnumMap<>(Provider.class);
    private final Set<Provider> badKey = providerSet();
    private final Set<Provider> zeroProviders = providerSet();
    private final Set<String> zeroSymbols = ConcurrentHashMap.newKeySet();
    private final Map<Provider, Duration> stale = new EnumMap<>(Provider.class);
    private final Map<String, PriceJump> prices = new ConcurrentHashMap<>();

    Controls() {}

    private static Set<Provider> providerSet() {
        return ConcurrentHashMap.newKeySet();
    }

    /** The provider answers HTTP 503 to every call until {@link #up(Provider)} or {@link #reset()}. */
    public Controls down(Provider provider) {
        return down(provider, Outage.HTTP_503);
    }

    public synchronized Controls down(Provider provider, Outage outage) {
        down.put(Objects.requireNonNull(provider), Objects.requireNonNull(outage));
        return this;
    }

    public synchronized Controls up(Provider provider) {
        down.remove(provider);
        return this;
    }

    /** Every answer of the provider comes after this delay ({@link Duration#ZERO}: no delay). */
    public synchronized Controls slow(Provider provider, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        if (delay.isZero()) {
            slow.remove(provider);
        } else {
            slow.put(provider, delay);
        }
        return this;
    }

    /** The provider refuses every call as it refuses a wrong key (KIS EGW00103, FSC's XML error 30, Finnhub 401). */
    public Controls badKey(Provider provider) {
        badKey.add(Objects.requireNonNull(provider));
        return this;
    }

    /** Every price the provider serves is 0 (the shape a provider gives when it has no data). */
    public Controls zeros(Provider provider) {
        zeroProviders.add(Objects.requireNonNull(provider));
        return this;
    }

    /** Every provider serves 0 as the price of this symbol. */
    public Controls zeros(String symbol) {
        zeroSymbols.add(Objects.requireNonNull(symbol));
        return this;
    }

    /** The provider serves what was true {@code age} ago, with timestamps that say so. */
    public synchronized Controls stale(Provider provider, Duration age) {
        if (age.isNegative()) {
            throw new IllegalArgumentException("age must not be negative");
        }
        if (age.isZero()) {
            stale.remove(provider);
        } else {
            stale.put(provider, age);
        }
        return this;
    }

    /**
     * The next quote of the symbol, from whichever provider serves it, has this price (on the tick grid); the walk
     * goes on from there. Any earlier price set for the symbol is replaced.
     */
    public Controls price(String symbol, BigDecimal price) {
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive (use zeros for a price of 0)");
        }
        prices.put(Objects.requireNonNull(symbol), new PriceJump(price));
        return this;
    }

    /** Every switch off and every price set forgotten: the walk goes on undisturbed. */
    public synchronized Controls reset() {
        down.clear();
        slow.clear();
        badKey.clear();
        zeroProviders.clear();
        zeroSymbols.clear();
        stale.clear();
        prices.clear();
        return this;
    }

    // ------------------------------------------------------------------------------------------ read by the server

    synchronized Optional<Outage> outage(Provider provider) {
        return Optional.ofNullable(down.get(provider));
    }

    synchronized Duration delay(Provider provider) {
        return slow.getOrDefault(provider, Duration.ZERO);
    }

    boolean refusesKeys(Provider provider) {
        return badKey.contains(provider);
    }

    boolean zero(Provider provider, String symbol) {
        return zeroProviders.contains(provider) || zeroSymbols.contains(symbol);
    }

    synchronized Duration staleness(Provider provider) {
        return stale.getOrDefault(provider, Duration.ZERO);
    }

    Optional<PriceJump> jump(String symbol) {
        return Optional.ofNullable(prices.get(symbol));
    }

    /** What is switched on, for {@code GET /control}. */
    synchronized Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> downOut = new LinkedHashMap<>();
        down.forEach((p, o) -> downOut.put(p.name(), o.name()));
        out.put("down", downOut);
        Map<String, Long> slowOut = new LinkedHashMap<>();
        slow.forEach((p, d) -> slowOut.put(p.name(), d.toMillis()));
        out.put("slowMillis", slowOut);
        out.put("badKey", badKey.stream().map(Enum::name).sorted().toList());
        out.put("zeros", zeroProviders.stream().map(Enum::name).sorted().toList());
        out.put("zeroSymbols", zeroSymbols.stream().sorted().toList());
        Map<String, Long> staleOut = new LinkedHashMap<>();
        stale.forEach((p, d) -> staleOut.put(p.name(), d.toSeconds()));
        out.put("staleSeconds", staleOut);
        Map<String, String> pricesOut = new LinkedHashMap<>();
        prices.forEach((s, j) -> pricesOut.put(s, j.target.toPlainString()));
        out.put("prices", pricesOut);
        return out;
    }

    /**
     * A price set for a symbol: the first quote computed afterwards anchors it (that quote has exactly the price), and
     * later quotes move with the walk from the anchor.
     */
    static final class PriceJump {
        final BigDecimal target;
        private Instant anchor;
        private double shift;

        PriceJump(BigDecimal target) {
            this.target = target;
        }

        /** The log shift to add to the walk's log price at {@code at}. */
        synchronized double shift(Instant at, double walkLogPrice) {
            if (anchor == null) {
                anchor = at;
                shift = Math.log(target.doubleValue()) - walkLogPrice;
            }
            return shift;
        }
    }
}
