package dev.tarsspeedy.bench.buy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.bench.buy.Options.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsAreTheIssuesTarget() {
        Options options = Options.parse(List.of());

        assertThat(options.rate()).isEqualTo(10_000);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.attempts()).isEqualTo(600_000);
        // (e) and (f), the gateway's ceiling and the no-op route direct, are reference rows of every default run.
        assertThat(options.targets())
                .containsExactlyInAnyOrder(Target.A, Target.B, Target.C, Target.D, Target.E, Target.F);
        assertThat(options.baseline()).isEmpty();
        assertThat(options.jvmOptions()).isEmpty();
        assertThat(options.drivers()).containsExactly(Options.Driver.GATLING);
        assertThat(options.p99GoalMillis()).isEqualTo(100);
        assertThat(options.findMax()).isFalse();
    }

    @Test
    void readsEveryOption() {
        Options options = Options.parse(List.of(
                "--rate",
                "2000",
                "--duration",
                "2m",
                "--quantity",
                "500",
                "--targets",
                "a,d",
                "--find-max",
                "--step-duration",
                "15",
                "--p99",
                "50",
                "--pg-connections",
                "8",
                "--profile",
                "--warmup",
                "0",
                "--order-jar",
                "/tmp/order-service.jar",
                "--baseline",
                "/tmp/before",
                "--jvm-options",
                "-Xmx1g -XX:+UseParallelGC",
                "--driver",
                "both"));

        assertThat(options.rate()).isEqualTo(2000);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.quantity()).isEqualTo(500);
        // --baseline adds the row of (d) on the other build's jars.
        assertThat(options.targets()).containsExactlyInAnyOrder(Target.A, Target.D, Target.D_BASELINE);
        assertThat(options.baseline()).contains(Path.of("/tmp/before"));
        assertThat(options.jvmOptions()).contains("-Xmx1g -XX:+UseParallelGC");
        assertThat(options.drivers()).containsExactlyInAnyOrder(Options.Driver.GATLING, Options.Driver.NETTY);
        assertThat(options.findMax()).isTrue();
        assertThat(options.stepDuration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.p99GoalMillis()).isEqualTo(50);
        assertThat(options.pgConnections()).isEqualTo(8);
        assertThat(options.profile()).isTrue();
        assertThat(options.warmup()).isZero();
        assertThat(options.orderJar()).contains(Path.of("/tmp/order-service.jar"));
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> Options.parse(List.of("--speed", "1"))).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> Options.parse(List.of("--targets", "g"))).hasMessageContaining("unknown target");
        assertThatThrownBy(() -> Options.parse(List.of("--rate"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse(List.of("--driver", "wrk"))).hasMessageContaining("unknown driver");
        assertThatThrownBy(() -> Options.parse(List.of("--rate", "0"))).hasMessageContaining("at least 1");
    }
}
