package dev.tarsspeedy.bench.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.bench.market.MarketBenchmark.Options;
import dev.tarsspeedy.bench.market.MarketBenchmark.Step;
import dev.tarsspeedy.bench.market.MarketBenchmark.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketBenchmarkTest {

    @Test
    void defaultsMeasureEveryTargetAgainstA50MillisecondGoal() {
        Options options = Options.parse(List.of());

        assertThat(options.p99()).isEqualTo(50);
        assertThat(options.targets()).containsExactly(Target.values());
        assertThat(options.step()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void parsesTheOptions() {
        Options options =
                Options.parse(List.of("--rate", "800", "--step-duration", "10s", "--targets", "ceiling,gateway-multi"));

        assertThat(options.rate()).isEqualTo(800);
        assertThat(options.step()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.targets()).containsExactly(Target.CEILING, Target.GATEWAY_MULTI);
        assertThatThrownBy(() -> Options.parse(List.of("--nope", "1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse(List.of("--rate"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStepMeetsTheGoalOnlyUnderTheP99WithoutErrorsAtTheRateAsked() {
        Step fine = new Step(Target.GATEWAY, 1000, 990, 2, 30, 60, 0, "1 1 1", "");

        assertThat(fine.meets(50)).isTrue();
        assertThat(new Step(Target.GATEWAY, 1000, 990, 2, 50, 60, 0, "", "").meets(50))
                .isFalse();
        assertThat(new Step(Target.GATEWAY, 1000, 990, 2, 30, 60, 1, "", "").meets(50))
                .isFalse();
        assertThat(new Step(Target.GATEWAY, 1000, 800, 2, 30, 60, 0, "", "").meets(50))
                .as("the load generator lagged")
                .isFalse();
        assertThat(MarketBenchmark.row(fine, 50))
                .contains("gateway")
                .contains("1,000/s")
                .contains("meets");
    }

    @Test
    void theQuotePathsReadTheCachedSymbols() {
        assertThat(Target.GATEWAY.paths())
                .hasSize(MarketBenchmark.SYMBOLS.size())
                .allMatch(p -> p.startsWith("/api/market/quotes/"));
        assertThat(Target.GATEWAY_MULTI.paths()).singleElement().asString().contains("symbols=005930,000660");
        assertThat(Target.CEILING.viaGateway).isTrue();
        assertThat(Target.SERVICE.viaGateway).isFalse();
    }
}
