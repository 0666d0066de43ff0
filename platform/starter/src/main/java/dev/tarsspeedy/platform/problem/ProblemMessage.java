package dev.tarsspeedy.platform.problem;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A text inside a problem (an {@code errors[].message}, a violation) that is rendered in the reader's language:
 * the first of {@code codes} found in the service's or the platform's {@code problems} bundle, formatted with the
 * arguments ({@code {0}}, {@code {1}}), else the default message as it is.
 *
 * <pre>{@code
 * problem.with("errors", List.of(Map.of(
 *         "field", "password",
 *         "message", ProblemMessage.of("password.too-short", "must have at least 10 characters", 10))));
 * }</pre>
 */
public final class ProblemMessage extends DefaultMessageSourceResolvable {

    public ProblemMessage(String[] codes, Object[] arguments, String defaultMessage) {
        super(codes, arguments, defaultMessage);
    }

    /**
     * @param code the bundle key
     * @param defaultMessage what a reader sees when no bundle has the key
     */
    public static ProblemMessage of(String code, String defaultMessage, Object... arguments) {
        return new ProblemMessage(new String[] {code}, arguments, defaultMessage);
    }

    /** The default message is final text (Bean Validation has already filled in its values), never a pattern. */
    @Override
    public boolean shouldRenderDefaultMessage() {
        return false;
    }
}
