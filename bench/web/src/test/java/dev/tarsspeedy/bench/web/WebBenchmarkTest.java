package dev.tarsspeedy.bench.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.bench.web.WebBenchmark.Options;
import dev.tarsspeedy.bench.web.WebBenchmark.Step;
import dev.tarsspeedy.bench.web.WebBenchmark.Target;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebBenchmarkTest {

    @Test
    void defaultsAreTheIssues200RequestsASecond() {
        Options options = Options.parse(List.of());

        assertThat(options.rate()).isEqualTo(200);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void parsesTheOptionsWithTheSharedCommandLine() {
        Options options = Options.parse(List.of("--rate", "50", "--duration", "1m", "--warmup", "0"));

        assertThat(options.rate()).isEqualTo(50);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.warmup()).isZero();
        assertThatThrownBy(() -> Options.parse(List.of("--targets", "page")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse(List.of("--rate"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse(List.of("--rate", "0"))).isInstanceOf(IllegalArgumentException.class);
    }

    /** The page and the API call it wraps: the same drop, each read as a browser or a client would. */
    @Test
    void thePageAndItsApiCallReadTheSameDrop() {
        UUID drop = UUID.randomUUID();

        assertThat(Target.PAGE.path(drop)).isEqualTo("/drops/" + drop);
        assertThat(Target.PAGE.accept).isEqualTo("text/html");
        assertThat(Target.API.path(drop)).isEqualTo("/api/drops/" + drop);
        assertThat(Target.API.accept).isEqualTo("application/json");
        assertThat(WebBenchmark.row(new Step(Target.PAGE, 200, 199.5, 3, 12.5, 40, 0, "1.0 1.0 1.0", "")))
                .contains("page")
                .contains("200/s")
                .contains("p99    12.5 ms");
    }

    @Test
    void theIdOfACreatedThingIsReadFromItsAnswer() {
        assertThat(WebStack.id("{\"id\":\"0b5f3a55-7a4c-4b8e-9f1e-0b7b1b1f2c33\",\"name\":\"x\"}"))
                .isEqualTo("0b5f3a55-7a4c-4b8e-9f1e-0b7b1b1f2c33");
    }
}
