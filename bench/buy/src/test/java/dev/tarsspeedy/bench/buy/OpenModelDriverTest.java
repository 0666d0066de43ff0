package dev.tarsspeedy.bench.buy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.bench.buy.OpenModelDriver.Outcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenModelDriverTest {

    @Test
    void startsEveryAttemptAndCountsTheOutcomes() {
        AtomicInteger stock = new AtomicInteger(10);
        OpenModelDriver.Result result = OpenModelDriver.run(200, Duration.ofSeconds(1), Duration.ofSeconds(5), i -> {
            if (i % 50 == 49) {
                return CompletableFuture.failedFuture(new IllegalStateException("boom"));
            }
            return CompletableFuture.completedFuture(stock.getAndDecrement() > 0 ? Outcome.ACCEPTED : Outcome.REFUSED);
        });

        assertThat(result.attempts()).isEqualTo(200);
        assertThat(result.accepted()).isEqualTo(10);
        assertThat(result.errors()).isEqualTo(4);
        assertThat(result.refused()).isEqualTo(186);
        assertThat(result.micros().getTotalCount()).isEqualTo(200);
        // 200 attempts spread over one second: the driver paces them instead of sending them at once.
        assertThat(result.elapsedNanos()).isGreaterThan(Duration.ofMillis(900).toNanos());
        // The two phases apart: the ten sales first, then the refusals, paced over the rest of the second.
        assertThat(result.accepts().count()).isEqualTo(10);
        assertThat(result.refusals().count()).isEqualTo(186);
        assertThat(result.refusals().firstDue()).isGreaterThan(result.accepts().firstDue());
        assertThat(result.refusals().throughput()).isBetween(1.0, 200.0);
    }

    @Test
    void aPhaseWithoutAnswersHasNoRate() {
        OpenModelDriver.Result result = OpenModelDriver.run(
                20,
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                i -> CompletableFuture.completedFuture(Outcome.REFUSED));

        assertThat(result.accepts().count()).isZero();
        assertThat(result.accepts().throughput()).isZero();
        assertThat(result.refusals().count()).isEqualTo(20);
    }

    @Test
    void unansweredAttemptsAreErrors() {
        OpenModelDriver.Result result =
                OpenModelDriver.run(10, Duration.ofSeconds(1), Duration.ofMillis(100), i -> new CompletableFuture<>());

        assertThat(result.unanswered()).isEqualTo(10);
        assertThat(result.errors()).isEqualTo(10);
    }
}
