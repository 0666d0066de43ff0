package dev.tarsspeedy.alert.report;

import dev.tarsspeedy.alert.ScheduleId;
import java.time.Duration;
import java.util.List;

/** The report feature's refusals; the web layer turns each into a problem. */
public final class ReportExceptions {

    private ReportExceptions() {}

    /** A field of a schedule that breaks a rule: {@code code} is the bundle key of its message. */
    public record Violation(String field, String code, String message, List<Object> arguments) {
        public Violation {
            arguments = List.copyOf(arguments);
        }

        public static Violation of(String field, String code, String message, Object... arguments) {
            return new Violation(field, code, message, List.of(arguments));
        }
    }

    /** A schedule request that breaks rules; nothing was stored. */
    public static final class InvalidScheduleException extends RuntimeException {
        private final transient List<Violation> violations;

        public InvalidScheduleException(List<Violation> violations) {
            super("invalid schedule: " + violations);
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    public static final class ScheduleNotFoundException extends RuntimeException {
        private final transient ScheduleId id;

        public ScheduleNotFoundException(ScheduleId id) {
            super("no schedule " + id);
            this.id = id;
        }

        public ScheduleId id() {
            return id;
        }
    }

    public static final class TooManySchedulesException extends RuntimeException {
        private final int max;

        public TooManySchedulesException(int max) {
            super("a user has at most " + max + " schedules");
            this.max = max;
        }

        public int max() {
            return max;
        }
    }

    /** A report was asked for too recently; {@code retryAfter} until the next is allowed. */
    public static final class SendNowTooSoonException extends RuntimeException {
        private final Duration retryAfter;

        public SendNowTooSoonException(Duration retryAfter) {
            super("a report was sent less than the interval ago");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The caller's token carries no usable address: there is nobody to mail. */
    public static final class NoEmailAddressException extends RuntimeException {
        public NoEmailAddressException() {
            super("the caller has no email address");
        }
    }

    public static final class UnknownUnsubscribeTokenException extends RuntimeException {
        public UnknownUnsubscribeTokenException() {
            super("unknown unsubscribe token");
        }
    }

    /** The notification service could not render the preview. */
    public static final class PreviewUnavailableException extends RuntimeException {
        public PreviewUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
