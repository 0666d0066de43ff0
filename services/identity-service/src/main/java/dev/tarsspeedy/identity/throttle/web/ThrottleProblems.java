package dev.tarsspeedy.identity.throttle.web;

import dev.tarsspeedy.identity.throttle.ThrottledException;
import dev.tarsspeedy.platform.problem.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A throttled request as a 429 problem with {@code Retry-After} in whole seconds. */
public final class ThrottleProblems {

    private ThrottleProblems() {}

    public static Throwable translate(Throwable error) {
        if (error instanceof ThrottledException throttled) {
            String type = switch (throttled.kind()) {
                case LOGIN -> "login-throttled";
                case EMAIL -> "email-cooldown";
            };
            return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, type, null)
                    .with("retryAfterSeconds", throttled.retryAfterSeconds())
                    .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        }
        return error;
    }
}
