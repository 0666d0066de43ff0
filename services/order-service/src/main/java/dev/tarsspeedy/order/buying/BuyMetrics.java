package dev.tarsspeedy.order.buying;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Buy attempts by outcome, {@code speedy_buy_attempts_total{outcome}} in Prometheus: accepted, duplicate (a replay
 * of an accepted attempt), the refusals (sold_out, limit_exceeded, not_open, closed), not_found and unavailable
 * (Redis away). A fixed set of outcomes, registered at start so the dashboard sees zeros instead of nothing.
 */
@Component
public class BuyMetrics {

    static final String ATTEMPTS = "speedy.buy.attempts";

    private final Map<String, Counter> counters;

    public BuyMetrics(MeterRegistry registry) {
        this.counters = Stream.concat(
                        Stream.of("accepted", "duplicate", "not_found", "unavailable"),
                        Stream.of(BuyRefusedException.Reason.values()).map(BuyMetrics::tag))
                .collect(Collectors.toMap(
                        Function.identity(),
                        outcome -> Counter.builder(ATTEMPTS)
                                .description("Buy attempts by outcome")
                                .tag("outcome", outcome)
                                .register(registry)));
    }

    void accepted(Accepted accepted) {
        counters.get(accepted.replay() ? "duplicate" : "accepted").increment();
    }

    void failed(Throwable error) {
        String outcome = switch (error) {
            case BuyRefusedException refused -> tag(refused.reason());
            case DropNotFoundException notFound -> "not_found";
            default -> "unavailable";
        };
        counters.get(outcome).increment();
    }

    private static String tag(BuyRefusedException.Reason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }
}
