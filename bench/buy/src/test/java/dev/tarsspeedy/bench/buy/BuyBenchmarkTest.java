package dev.tarsspeedy.bench.buy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BuyBenchmarkTest {

    @Test
    void aFindMaxStepSellsOutInItsFirstSixth() {
        assertThat(BuyBenchmark.stepQuantity(10_000, 10_000, Duration.ofSeconds(15)))
                .isEqualTo(10_000);
        assertThat(BuyBenchmark.stepQuantity(10_000, 300, Duration.ofSeconds(15)))
                .isEqualTo(750);
        assertThat(BuyBenchmark.stepQuantity(10_000, 1, Duration.ofSeconds(1))).isEqualTo(1);
    }
}
