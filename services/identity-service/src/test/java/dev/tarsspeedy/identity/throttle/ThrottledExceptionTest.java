package dev.tarsspeedy.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottledExceptionTest {

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(seconds(Duration.ZERO)).isEqualTo(1);
        assertThat(seconds(Duration.ofMillis(59_001))).isEqualTo(60);
        assertThat(seconds(Duration.ofSeconds(60))).isEqualTo(60);
    }

    private static long seconds(Duration wait) {
        return new ThrottledException(ThrottledException.Kind.LOGIN, wait).retryAfterSeconds();
    }
}
