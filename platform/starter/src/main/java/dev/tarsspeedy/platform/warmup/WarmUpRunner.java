package dev.tarsspeedy.platform.warmup;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs every {@link WarmUp} side by side when the application has started and before it is ready: Spring Boot
 * publishes readiness ({@code ACCEPTING_TRAFFIC}) after the application runners, so a load balancer or the local
 * stack sends traffic only to a warmed service. Bounded by {@code timeout}; one line in the log says what each took.
 */
public final class WarmUpRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUpRunner.class);

    private final List<WarmUp> warmUps;
    private final Duration timeout;

    public WarmUpRunner(List<WarmUp> warmUps, Duration timeout) {
        this.warmUps = List.copyOf(warmUps);
        this.timeout = timeout;
    }

    /** What one warm-up did. */
    public record Outcome(String name, long millis, String result) {}

    @Override
    public void run(ApplicationArguments args) {
        warmUp();
    }

    /** Runs them all; never throws, never takes (much) longer than the timeout. */
    public List<Outcome> warmUp() {
        if (warmUps.isEmpty()) {
            return List.of();
        }
        long started = System.nanoTime();
        List<Outcome> outcomes =
                Flux.fromIterable(warmUps).flatMap(this::timed).collectList().block(timeout.plusSeconds(1));
        StringBuilder line = new StringBuilder();
        for (Outcome outcome : outcomes) {
            line.append(line.isEmpty() ? "" : ", ")
                    .append(outcome.name())
                    .append(' ')
                    .append(outcome.millis())
                    .append(" ms")
                    .append(outcome.result().equals("ok") ? "" : " (" + outcome.result() + ")");
        }
        log.info("warmed up in {} ms: {}", (System.nanoTime() - started) / 1_000_000, line);
        return outcomes;
    }

    private Mono<Outcome> timed(WarmUp warmUp) {
        long started = System.nanoTime();
        return Mono.defer(warmUp::run)
                .timeout(timeout)
                .then(Mono.fromSupplier(() -> new Outcome(warmUp.name(), elapsed(started), "ok")))
                .onErrorResume(error -> Mono.just(new Outcome(
                        warmUp.name(),
                        elapsed(started),
                        error instanceof java.util.concurrent.TimeoutException
                                ? "not done within " + timeout.toMillis() + " ms"
                                : "failed: " + error)));
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
