package dev.tarsspeedy.platform.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RelayFailureLogTest {

    /** A clock the test moves. */
    static final class ManualClock extends Clock {

        Instant now = Instant.parse("2026-11-21T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private RelayFailureLog failures;

    @BeforeEach
    void captureLog() {
        Logger logger = new LoggerContext().getLogger("relay-test");
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
        failures = new RelayFailureLog(logger, clock, Duration.ofSeconds(30));
    }

    @Test
    void anOutagePolledEvery200MillisecondsLogsOnceThenASummaryEvery30Seconds() {
        TimeoutException error = new TimeoutException("Topic notes not present in metadata after 1000 ms.");

        for (int poll = 0; poll < 5 * 60 * 5; poll++) { // five minutes of polls
            failures.failed(3, error);
            clock.advance(Duration.ofMillis(200));
        }
        failures.succeeded();

        List<ILoggingEvent> events = appender.list;
        // The first failure, nine summaries (at 30 s, 60 s, ... 270 s) and the recovery.
        assertThat(events).hasSize(11);
        assertThat(events.getFirst().getLevel()).isEqualTo(Level.WARN);
        assertThat(events.getFirst().getThrowableProxy()).isNotNull();
        assertThat(events.get(1).getFormattedMessage())
                .contains("still failing after 30s")
                .contains("150 more failed attempt(s), 450 record(s)")
                .contains("not present in metadata");
        assertThat(events.get(1).getThrowableProxy()).isNull();
        assertThat(events.getLast().getLevel()).isEqualTo(Level.INFO);
        assertThat(events.getLast().getFormattedMessage()).contains("publishes again after 300s");
    }

    @Test
    void successWithoutAFailureLogsNothing() {
        failures.succeeded();
        failures.succeeded();

        assertThat(appender.list).isEmpty();
        assertThat(failures.isFailing()).isFalse();
    }

    @Test
    void aNewOutageAfterARecoveryIsReportedInFullAgain() {
        failures.failed(1, new IllegalStateException("first"));
        failures.succeeded();
        failures.failed(1, new IllegalStateException("second"));

        assertThat(appender.list).hasSize(3);
        assertThat(appender.list.get(2).getThrowableProxy().getMessage()).isEqualTo("second");
        assertThat(failures.isFailing()).isTrue();
    }
}
