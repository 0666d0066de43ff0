package dev.tarsspeedy.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ThreadDumpOnTimeoutTest {

    @Test
    void aBlockingReadThatTimedOutIsATimeout() {
        // What Reactor's block(Duration) throws, as WebTestClient reports it.
        assertThat(ThreadDumpOnTimeout.isTimeout(
                        new IllegalStateException("Timeout on blocking read for 30000000000 NANOSECONDS")))
                .isTrue();
        assertThat(ThreadDumpOnTimeout.isTimeout(new AssertionError("wrapped", new TimeoutException())))
                .isTrue();
    }

    @Test
    void anAssertionFailureIsNot() {
        assertThat(ThreadDumpOnTimeout.isTimeout(new AssertionError("expected 200 but was 500")))
                .isFalse();
        assertThat(ThreadDumpOnTimeout.isTimeout(new IllegalStateException())).isFalse();
    }
}
