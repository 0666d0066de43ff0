package dev.tarsspeedy.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;

/**
 * The warm-up's arrivals: a ramp from a twentieth of the rate up to the rate over the first half, then the rate. Cold
 * services spend most of their first seconds compiling (JFR: a third of their CPU in the JIT's threads); the full
 * rate from the first second buries them under a queue that the measured part then inherits. The ramp warms them
 * the way traffic grows before a drop opens, and the second half checks they hold the rate before anything counts.
 */
final class WarmUpLoad {

    private WarmUpLoad() {}

    static OpenInjectionStep[] steps(int rate, int seconds) {
        int ramp = Math.max(1, seconds / 2);
        double start = Math.max(1.0, rate / 20.0);
        if (seconds - ramp <= 0) {
            return new OpenInjectionStep[] {rampUsersPerSec(start).to(rate).during(Duration.ofSeconds(ramp))};
        }
        return new OpenInjectionStep[] {
            rampUsersPerSec(start).to(rate).during(Duration.ofSeconds(ramp)),
            constantUsersPerSec(rate).during(Duration.ofSeconds(seconds - ramp))
        };
    }
}
