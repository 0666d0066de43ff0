package dev.tarsspeedy.platform.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class WarmUpRunnerTest {

    @Test
    void everyWarmUpRunsOnceAndNoneStopsTheStart() {
        AtomicInteger ran = new AtomicInteger();
        WarmUpRunner runner = new WarmUpRunner(
                List.of(
                        WarmUp.of("keys", () -> Mono.fromRunnable(ran::incrementAndGet)),
                        WarmUp.of("broken", () -> Mono.error(new IllegalStateException("no Redis"))),
                        WarmUp.of("throws", () -> {
                            throw new IllegalArgumentException("before any Mono");
                        }),
                        WarmUp.of("hangs", Mono::never)),
                Duration.ofMillis(300));

        List<WarmUpRunner.Outcome> outcomes = runner.warmUp();

        assertThat(ran).hasValue(1);
        assertThat(outcomes)
                .extracting(WarmUpRunner.Outcome::name, WarmUpRunner.Outcome::result)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("keys", "ok"),
                        org.assertj.core.groups.Tuple.tuple(
                                "broken", "failed: java.lang.IllegalStateException: no Redis"),
                        org.assertj.core.groups.Tuple.tuple(
                                "throws", "failed: java.lang.IllegalArgumentException: before any Mono"),
                        org.assertj.core.groups.Tuple.tuple("hangs", "not done within 300 ms"));
    }

    @Test
    void withoutWarmUpsThereIsNothingToDo() {
        assertThat(new WarmUpRunner(List.of(), Duration.ofSeconds(1)).warmUp()).isEmpty();
    }
}
