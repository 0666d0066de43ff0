package dev.tarsspeedy.bench.buy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.bench.buy.Options.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static Measurement row(Target target, long accepted, long sold, long orders, long errors, double p99) {
        return new Measurement(
                target, 1000, 60_000, 999.5, 1.2, p99, 180, accepted, 60_000 - accepted, errors, sold, orders, 100, "");
    }

    @Test
    void showsEveryTargetSideBySideWithItsVerdict() {
        String table = ResultTable.format(
                List.of(row(Target.A, 100, 100, 100, 0, 2.5), row(Target.D, 100, 100, 100, 3, 250)), 100);

        assertThat(table).contains("(a) Redis buy.lua", "(d) gateway -> order", "p99 ms", "oversold?");
        assertThat(table).containsPattern("\\(a\\) Redis buy.lua +meets the latency goal");
        assertThat(table).containsPattern("\\(d\\) gateway -> order +MISSES the latency goal");
    }

    @Test
    void flagsOversellingAndMismatches() {
        assertThat(ResultTable.verdict(row(Target.B, 100, 100, 100, 0, 1))).isEqualTo("no");
        assertThat(ResultTable.verdict(row(Target.B, 100, 100, 99, 0, 1))).isEqualTo("no (!=)");
        assertThat(ResultTable.verdict(row(Target.B, 101, 101, 101, 0, 1))).isEqualTo("OVERSOLD");
    }
}
