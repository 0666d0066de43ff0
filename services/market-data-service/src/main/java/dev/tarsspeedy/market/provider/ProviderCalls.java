package dev.tarsspeedy.market.provider;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The outcome of every provider call the adapters attempt ({@code market_provider_calls_total{provider,outcome}}),
 * including those our own budget refused, and the last outcome per provider for the health details.
 */
@Component
public class ProviderCalls {

    /** How a call ended: the metric's bounded {@code outcome} label. */
    public enum Outcome {
        OK,
        RATE_LIMITED,
        ERROR,
        BAD_CREDENTIALS;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The outcome a failure stands for. */
        public static Outcome of(Throwable error) {
            return switch (error) {
                case ProviderException.RateLimited ignored -> RATE_LIMITED;
                case ProviderException.BadCredentials ignored -> BAD_CREDENTIALS;
                default -> ERROR;
            };
        }
    }

    /** The last call's outcome, when it happened, and what the provider said when it failed. */
    public record Last(Outcome outcome, Instant at, String detail) {}

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<ProviderName, Last> last = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public ProviderCalls(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        for (ProviderName provider : ProviderName.values()) {
            for (Outcome outcome : Outcome.values()) {
                counter(provider, outcome);
            }
        }
    }

    public void succeeded(ProviderName provider) {
        record(provider, Outcome.OK, null);
    }

    public void failed(ProviderName provider, Throwable error) {
        record(provider, Outcome.of(error), error.getMessage());
    }

    private void record(ProviderName provider, Outcome outcome, String detail) {
        counter(provider, outcome).increment();
        last.put(provider, new Last(outcome, clock.instant(), detail));
    }

    public Optional<Last> last(ProviderName provider) {
        return Optional.ofNullable(last.get(provider));
    }

    private Counter counter(ProviderName provider, Outcome outcome) {
        return counters.computeIfAbsent(
                provider + "/" + outcome,
                k -> Counter.builder("market.provider.calls")
                        .description(
                                "Calls to the market-data providers by outcome (budget refusals count as rate_limited)")
                        .tag("provider", provider.name().toLowerCase(Locale.ROOT))
                        .tag("outcome", outcome.label())
                        .register(registry));
    }
}
