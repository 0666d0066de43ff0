package dev.tarsspeedy.identity.account;

import dev.tarsspeedy.identity.account.InvalidNameException.Reason;

/** A user's name as they gave it: trimmed, 1 to 100 characters, no control characters. */
public final class PersonName {

    public static final int MAX_LENGTH = 100;

    private PersonName() {}

    /**
     * @throws InvalidNameException when the name is blank, too long or contains control characters
     */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidNameException(Reason.BLANK, "must not be blank");
        }
        String name = raw.strip();
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw new InvalidNameException(Reason.TOO_LONG, "must have at most " + MAX_LENGTH + " characters");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidNameException(Reason.CONTROL_CHARACTERS, "must not contain control characters");
        }
        return name;
    }
}
