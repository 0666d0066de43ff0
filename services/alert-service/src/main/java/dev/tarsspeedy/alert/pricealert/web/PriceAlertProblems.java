package dev.tarsspeedy.alert.pricealert.web;

import dev.tarsspeedy.alert.market.MarketDataUnavailableException;
import dev.tarsspeedy.alert.pricealert.AlertLimitReachedException;
import dev.tarsspeedy.alert.pricealert.AlertNotFoundException;
import dev.tarsspeedy.alert.pricealert.DuplicateAlertException;
import dev.tarsspeedy.alert.pricealert.InvalidAlertException;
import dev.tarsspeedy.alert.pricealert.UnknownSymbolException;
import dev.tarsspeedy.alert.pricealert.Violation;
import dev.tarsspeedy.platform.problem.ProblemException;
import dev.tarsspeedy.platform.problem.ProblemMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** Price alert errors as problems, texts from the bundles in the reader's language; other errors pass unchanged. */
final class PriceAlertProblems {

    private PriceAlertProblems() {}

    static Throwable translate(Throwable error) {
        return switch (error) {
            case InvalidAlertException invalid -> invalid(invalid.violations());
            case AlertNotFoundException missing ->
                new ProblemException(HttpStatus.NOT_FOUND, "alert-not-found", null)
                        .with("alertId", missing.id().value());
            case DuplicateAlertException duplicate -> {
                ProblemException problem = new ProblemException(HttpStatus.CONFLICT, "duplicate-alert", null);
                yield duplicate.existing() == null
                        ? problem
                        : problem.with("alertId", duplicate.existing().value());
            }
            case AlertLimitReachedException limit ->
                ProblemException.localized(
                                HttpStatus.CONFLICT, "alert-limit-reached", "alert-limit-reached.detail", limit.limit())
                        .with("limit", limit.limit());
            case UnknownSymbolException unknown ->
                // The address exists; the body names a stock that does not: 422.
                ProblemException.localized(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "unknown-symbol",
                                "unknown-symbol.detail",
                                unknown.symbol().code())
                        .with("symbol", unknown.symbol().code());
            case MarketDataUnavailableException unavailable ->
                new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "market-data-unavailable", null)
                        .withHeader("Retry-After", "5");
            default -> error;
        };
    }

    /** The platform's {@code validation} problem with each broken rule as {@code errors[].field/message}. */
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
