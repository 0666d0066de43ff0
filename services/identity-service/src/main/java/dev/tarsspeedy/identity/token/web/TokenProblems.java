package dev.tarsspeedy.identity.token.web;

import dev.tarsspeedy.identity.throttle.web.ThrottleProblems;
import dev.tarsspeedy.identity.token.AccountNotVerifiedException;
import dev.tarsspeedy.identity.token.InvalidCredentialsException;
import dev.tarsspeedy.identity.token.InvalidRefreshTokenException;
import dev.tarsspeedy.identity.token.RefreshTokenReusedException;
import dev.tarsspeedy.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Refused logins and refreshes as problem details; a throttled login as {@link ThrottleProblems} says. */
final class TokenProblems {

    private TokenProblems() {}

    static Throwable translate(Throwable error) {
        return switch (error) {
            case InvalidCredentialsException invalid ->
                new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-credentials", null);
            case AccountNotVerifiedException unverified ->
                new ProblemException(HttpStatus.FORBIDDEN, "account-not-verified", null);
            case InvalidRefreshTokenException invalid ->
                new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", null);
            case RefreshTokenReusedException reused ->
                new ProblemException(HttpStatus.UNAUTHORIZED, "refresh-token-reused", null);
            default -> ThrottleProblems.translate(error);
        };
    }
}
