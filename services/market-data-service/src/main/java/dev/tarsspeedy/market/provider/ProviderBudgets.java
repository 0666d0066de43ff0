package dev.tarsspeedy.market.provider;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every provider call acquires a permit here first (the adapters have no other path to their provider), so the
 * service as a whole never exceeds a provider's budget: a call waits at most the budget's {@code maxWait} for a permit
 * and otherwise fails fast with {@link ProviderException.RateLimited}, never reaching the provider.
 */
@Component
public class ProviderBudgets {

    private final BudgetStore store;
    private final Map<ProviderName, BudgetSettings> budgets = new EnumMap<>(ProviderName.class);
    private final Map<ProviderName, Duration> backoffs = new EnumMap<>(ProviderName.class);

    public ProviderBudgets(
            BudgetStore store, KisSettings kis, FscSettings fsc, FinnhubSettings finnhub, MeterRegistry registry) {
        this.store = store;
        budgets.put(ProviderName.KIS, kis.budget());
        budgets.put(ProviderName.FSC, fsc.budget());
        budgets.put(ProviderName.FINNHUB, finnhub.budget());
        backoffs.put(ProviderName.KIS, kis.backoff());
        backoffs.put(ProviderName.FSC, fsc.backoff());
        backoffs.put(ProviderName.FINNHUB, finnhub.backoff());
        budgets.forEach((provider, budget) -> Gauge.builder("market.provider.budget.permits", budget::permitsPerSecond)
                .description("The configured budget of a market-data provider, in calls per second")
                .tag("provider", provider.name().toLowerCase(Locale.ROOT))
                .register(registry));
    }

    public BudgetSettings budget(ProviderName provider) {
        return budgets.get(provider);
    }

    /** A permit for one call of {@code provider}, or {@link ProviderException.RateLimited}. */
    public Mono<Void> acquire(ProviderName provider) {
        BudgetSettings budget = budgets.get(provider);
        return acquire(provider, budget, budget.maxWait().toMillis());
    }

    private Mono<Void> acquire(ProviderName provider, BudgetSettings budget, long waitLeft) {
        return store.take(provider, budget.burst(), budget.refillPerMillisecond())
                .flatMap(wait -> {
                    if (wait <= 0) {
                        return Mono.<Void>empty();
                    }
                    if (wait > waitLeft) {
                        return Mono.error(new ProviderException.RateLimited(
                                provider,
                                "budget spent (" + budget.permits() + " per " + budget.per() + "), next permit in "
                                        + wait + " ms"));
                    }
                    return Mono.delay(Duration.ofMillis(wait)).then(acquire(provider, budget, waitLeft - wait));
                });
    }

    /** Pauses {@code provider} for its configured back-off: it answered its own rate-limit error. */
    public Mono<Void> backOff(ProviderName provider) {
        return store.pause(provider, backoffs.get(provider));
    }
}
