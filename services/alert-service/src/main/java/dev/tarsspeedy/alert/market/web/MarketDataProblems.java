package dev.tarsspeedy.alert.market.web;

import dev.tarsspeedy.alert.market.MarketDataUnavailableException;
import dev.tarsspeedy.platform.problem.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Market-data failures as problems, for every feature's web layer; other errors pass through unchanged. */
public final class MarketDataProblems {

    /** How long a client should wait before trying again after market data was unavailable. */
    static final String RETRY_AFTER_SECONDS = "5";

    private MarketDataProblems() {}

    public static Throwable translate(Throwable error) {
        if (error instanceof MarketDataUnavailableException) {
            return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "market-data-unavailable", null)
                    .withHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        return error;
    }

    /** The platform's {@code validation} problem for one field, its message from the service's bundle. */
    public static ProblemException invalidField(String field, String code, String defaultMessage, Object... args) {
        return ProblemException.localized(HttpStatus.BAD_REQUEST, "validation", "validation.detail", field)
                .with(
                        "errors",
                        List.of(Map.of(
                                "field",
                                field,
                                "message",
                                dev.tarsspeedy.platform.problem.ProblemMessage.of(code, defaultMessage, args))));
    }
}
