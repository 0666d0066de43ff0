package dev.tarsspeedy.alert.report.web;

import dev.tarsspeedy.alert.market.web.MarketDataProblems;
import dev.tarsspeedy.alert.report.ReportExceptions.InvalidScheduleException;
import dev.tarsspeedy.alert.report.ReportExceptions.NoEmailAddressException;
import dev.tarsspeedy.alert.report.ReportExceptions.PreviewUnavailableException;
import dev.tarsspeedy.alert.report.ReportExceptions.ScheduleNotFoundException;
import dev.tarsspeedy.alert.report.ReportExceptions.SendNowTooSoonException;
import dev.tarsspeedy.alert.report.ReportExceptions.TooManySchedulesException;
import dev.tarsspeedy.alert.report.ReportExceptions.UnknownUnsubscribeTokenException;
import dev.tarsspeedy.alert.report.ReportExceptions.Violation;
import dev.tarsspeedy.platform.problem.ProblemException;
import dev.tarsspeedy.platform.problem.ProblemMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** Report errors as problems (texts in the problems bundles); other errors pass through unchanged. */
final class ReportProblems {

    private ReportProblems() {}

    static Throwable translate(Throwable error) {
        return switch (error) {
            case InvalidScheduleException invalid -> invalid(invalid.violations());
            case ScheduleNotFoundException missing ->
                new ProblemException(HttpStatus.NOT_FOUND, "schedule-not-found", null)
                        .with("scheduleId", missing.id().toString());
            case TooManySchedulesException tooMany ->
                ProblemException.localized(
                                HttpStatus.CONFLICT, "schedule-limit", "schedule-limit.detail", tooMany.max())
                        .with("limit", tooMany.max());
            case SendNowTooSoonException tooSoon -> {
                long seconds = Math.max(1, (tooSoon.retryAfter().toMillis() + 999) / 1000);
                yield ProblemException.localized(
                                HttpStatus.TOO_MANY_REQUESTS, "send-now-too-soon", "send-now-too-soon.detail", seconds)
                        .with("retryAfterSeconds", seconds)
                        .withHeader("Retry-After", Long.toString(seconds));
            }
            case NoEmailAddressException ignored ->
                new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "no-email-address", null);
            case UnknownUnsubscribeTokenException ignored ->
                new ProblemException(HttpStatus.NOT_FOUND, "unsubscribe-link-unknown", null);
            case PreviewUnavailableException ignored ->
                new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "preview-unavailable", null)
                        .withHeader("Retry-After", "5");
            default -> MarketDataProblems.translate(error);
        };
    }

    /** The platform's {@code validation} problem listing each broken rule, texts from the bundle. */
    static ProblemException invalid(List<Violation> violations) {
        String fields = violations.stream().map(Violation::field).distinct().collect(Collectors.joining(", "));
        return ProblemException.localized(HttpStatus.BAD_REQUEST, "validation", "validation.detail", fields)
                .with(
                        "errors",
                        violations.stream()
                                .map(violation -> Map.of(
                                        "field",
                                        violation.field(),
                                        "message",
                                        ProblemMessage.of(
                                                violation.code(),
                                                violation.message(),
                                                violation.arguments().toArray())))
                                .toList());
    }
}
