package dev.tarsspeedy.identity.account.web;

import dev.tarsspeedy.identity.account.AccountNotFoundException;
import dev.tarsspeedy.identity.account.EmailUnavailableException;
import dev.tarsspeedy.identity.account.InvalidEmailException;
import dev.tarsspeedy.identity.account.InvalidNameException;
import dev.tarsspeedy.identity.account.WeakPasswordException;
import dev.tarsspeedy.platform.problem.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Account errors as problems; other errors pass through unchanged. */
public final class AccountProblems {

    private AccountProblems() {}

    /**
     * @param passwordField the request field that carried the password ({@code password}, {@code newPassword})
     */
    public static Throwable translate(Throwable error, String passwordField) {
        return switch (error) {
            case InvalidEmailException invalid ->
                new ProblemException(HttpStatus.BAD_REQUEST, "invalid-email", null)
                        .with("errors", List.of(Map.of("field", "email", "message", invalid.getMessage())));
            case InvalidNameException invalid ->
                new ProblemException(HttpStatus.BAD_REQUEST, "invalid-name", null)
                        .with("errors", List.of(Map.of("field", "name", "message", invalid.getMessage())));
            case WeakPasswordException weak ->
                new ProblemException(HttpStatus.BAD_REQUEST, "weak-password", null)
                        .with(
                                "violations",
                                weak.violations().stream()
                                        .map(violation ->
                                                Map.of("code", violation.name(), "message", violation.message()))
                                        .toList())
                        .with(
                                "errors",
                                weak.violations().stream()
                                        .map(violation ->
                                                Map.of("field", passwordField, "message", violation.message()))
                                        .toList());
            case EmailUnavailableException unavailable ->
                new ProblemException(HttpStatus.CONFLICT, "email-unavailable", null);
            case AccountNotFoundException missing ->
                new ProblemException(HttpStatus.NOT_FOUND, "account-not-found", null);
            default -> error;
        };
    }

    public static Throwable translate(Throwable error) {
        return translate(error, "password");
    }
}
