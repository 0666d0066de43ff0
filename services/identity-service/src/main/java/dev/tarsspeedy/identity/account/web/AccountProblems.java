package dev.tarsspeedy.identity.account.web;

import dev.tarsspeedy.identity.account.AccountNotFoundException;
import dev.tarsspeedy.identity.account.EmailAddress;
import dev.tarsspeedy.identity.account.EmailUnavailableException;
import dev.tarsspeedy.identity.account.InvalidEmailException;
import dev.tarsspeedy.identity.account.InvalidNameException;
import dev.tarsspeedy.identity.account.PasswordPolicy;
import dev.tarsspeedy.identity.account.PersonName;
import dev.tarsspeedy.identity.account.WeakPasswordException;
import dev.tarsspeedy.platform.problem.ProblemException;
import dev.tarsspeedy.platform.problem.ProblemMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Account errors as problems; other errors pass through unchanged. Field messages are {@link ProblemMessage}s,
 * rendered in the reader's language from the service's problems bundle.
 */
public final class AccountProblems {

    private AccountProblems() {}

    /**
     * @param passwordField the request field that carried the password ({@code password}, {@code newPassword})
     */
    public static Throwable translate(Throwable error, String passwordField) {
        return switch (error) {
            case InvalidEmailException invalid ->
                new ProblemException(HttpStatus.BAD_REQUEST, "invalid-email", null)
                        .with("errors", List.of(Map.of("field", "email", "message", message(invalid))));
            case InvalidNameException invalid ->
                new ProblemException(HttpStatus.BAD_REQUEST, "invalid-name", null)
                        .with("errors", List.of(Map.of("field", "name", "message", message(invalid))));
            case WeakPasswordException weak ->
                new ProblemException(HttpStatus.BAD_REQUEST, "weak-password", null)
                        .with(
                                "violations",
                                weak.violations().stream()
                                        .map(violation ->
                                                Map.of("code", violation.name(), "message", message(violation)))
                                        .toList())
                        .with(
                                "errors",
                                weak.violations().stream()
                                        .map(violation -> Map.of("field", passwordField, "message", message(violation)))
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

    /** {@code invalid-email.too-long} in the problems bundle, in the reader's language. */
    static ProblemMessage message(InvalidEmailException invalid) {
        return ProblemMessage.of(
                "invalid-email." + kebab(invalid.reason()), invalid.getMessage(), EmailAddress.MAX_LENGTH);
    }

    /** {@code invalid-name.too-long} in the problems bundle, in the reader's language. */
    static ProblemMessage message(InvalidNameException invalid) {
        return ProblemMessage.of(
                "invalid-name." + kebab(invalid.reason()), invalid.getMessage(), PersonName.MAX_LENGTH);
    }

    /** {@code weak-password.too-short} in the problems bundle, in the reader's language. */
    static ProblemMessage message(PasswordPolicy.Violation violation) {
        return ProblemMessage.of("weak-password." + kebab(violation), violation.message(), violation.limit());
    }

    private static String kebab(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
