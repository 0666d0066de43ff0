package dev.tarsspeedy.standin.market;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What the providers were asked: calls per provider and endpoint, the most calls seen in any sliding 1-second and
 * 60-second window (on the real clock, not the options' clock, since limits are about real request rates), and the
 * KIS access tokens issued. Tests of the service assert with these that its budget is never exceeded. Every call that
 * reaches a provider's path counts, refused ones too, as the real providers count them.
 */
public final class Calls {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private final LongSupplier nanoTime;
    private final Map<Provider, Window> windows = new EnumMap<>(Provider.class);
    private final AtomicLong tokenIssues = new AtomicLong();

    Calls(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        for (Provider provider : Provider.values()) {
            windows.put(provider, new Window());
        }
    }

    /** All calls to the provider since the start or the last {@link #reset()}. */
    public long count(Provider provider) {
        return windows.get(provider).total();
    }

    /** Calls to one endpoint of the provider, named by its path's last segment ({@code inquire-price}, {@code quote}). */
    public long count(Provider provider, String endpoint) {
        return windows.get(provider).count(endpoint);
    }

    /** The most calls to the provider within any 1-second window. */
    public long maxPerSecond(Provider provider) {
        return windows.get(provider).maxPerSecond();
    }

    /** The most calls to the provider within any 60-second window. */
    public long maxPerMinute(Provider provider) {
        return windows.get(provider).maxPerMinute();
    }

    /** KIS access tokens handed out by {@code /oauth2/tokenP} (refusals not counted). */
    public long tokenIssues() {
        return tokenIssues.get();
    }

    public void reset() {
        windows.values().forEach(Window::reset);
        tokenIssues.set(0);
    }

    void record(Provider provider, String endpoint) {
        windows.get(provider).record(endpoint, nanoTime.getAsLong());
    }

    void tokenIssued() {
        tokenIssues.incrementAndGet();
    }

    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Provider provider : Provider.values()) {
            Window w = windows.get(provider);
            Map<String, Object> p = new LinkedHashMap<>();
            synchronized (w) {
                p.put("count", w.total);
                p.put("maxPerSecond", w.maxSecond);
                p.put("maxPerMinute", w.maxMinute);
                p.put("endpoints", new TreeMap<>(w.endpoints));
            }
            out.put(provider.name(), p);
        }
        out.put("tokenIssues", tokenIssues.get());
        return out;
    }

    private static final class Window {
        private final ArrayDeque<Long> lastSecond = new ArrayDeque<>();
        private final ArrayDeque<Long> lastMinute = new ArrayDeque<>();
        private final Map<String, Long> endpoints = new LinkedHashMap<>();
        private long total;
        private long maxSecond;
        private long maxMinute;

        synchronized void record(String endpoint, long now) {
            total++;
            endpoints.merge(endpoint, 1L, Long::sum);
            lastSecond.addLast(now);
            lastMinute.addLast(now);
            while (!lastSecond.isEmpty() && now - lastSecond.peekFirst() >= SECOND) {
                lastSecond.pollFirst();
            }
            while (!lastMinute.isEmpty() && now - lastMinute.peekFirst() >= MINUTE) {
                lastMinute.pollFirst();
            }
            maxSecond = Math.max(maxSecond, lastSecond.size());
            maxMinute = Math.max(maxMinute, lastMinute.size());
        }

        synchronized long total() {
            return total;
        }

        synchronized long count(String endpoint) {
            return endpoints.getOrDefault(endpoint, 0L);
        }

        synchronized long maxPerSecond() {
            return maxSecond;
        }

        synchronized long maxPerMinute() {
            return maxMinute;
        }

        synchronized void reset() {
            lastSecond.clear();
            lastMinute.clear();
            endpoints.clear();
            total = 0;
            maxSecond = 0;
            maxMinute = 0;
        }
    }
}
