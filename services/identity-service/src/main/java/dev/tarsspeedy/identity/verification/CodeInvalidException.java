package dev.tarsspeedy.identity.verification;

import java.util.OptionalInt;

/** The code does not match (or there is no code to match). */
public final class CodeInvalidException extends RuntimeException {

    private final Integer attemptsLeft;

    /** @param attemptsLeft wrong entries the code still takes, or {@code null} when there is no live code */
    public CodeInvalidException(Integer attemptsLeft) {
        super("invalid code");
        this.attemptsLeft = attemptsLeft;
    }

    public OptionalInt attemptsLeft() {
        return attemptsLeft == null ? OptionalInt.empty() : OptionalInt.of(attemptsLeft);
    }
}
