package dev.tarsspeedy.identity.verification.web;

import dev.tarsspeedy.identity.account.web.AccountProblems;
import dev.tarsspeedy.identity.throttle.web.ThrottleProblems;
import dev.tarsspeedy.identity.verification.CodeExhaustedException;
import dev.tarsspeedy.identity.verification.CodeExpiredException;
import dev.tarsspeedy.identity.verification.CodeInvalidException;
import dev.tarsspeedy.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Code errors as problems, then account and throttle errors; anything else passes through. */
final class VerificationProblems {

    private VerificationProblems() {}

    static Throwable translate(Throwable error) {
        return switch (error) {
            case CodeInvalidException invalid -> {
                ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, "code-invalid", null);
                invalid.attemptsLeft().ifPresent(left -> problem.with("attemptsLeft", left));
                yield problem;
            }
            case CodeExpiredException expired -> new ProblemException(HttpStatus.GONE, "code-expired", null);
            case CodeExhaustedException exhausted ->
                new ProblemException(HttpStatus.CONFLICT, "code-exhausted", null).with("attemptsLeft", 0);
            default -> ThrottleProblems.translate(AccountProblems.translate(error, "newPassword"));
        };
    }
}
