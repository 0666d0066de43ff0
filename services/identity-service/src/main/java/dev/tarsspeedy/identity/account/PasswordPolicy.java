package dev.tarsspeedy.identity.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be. Long passphrases are encouraged rather than symbol puzzles (in the spirit of NIST SP
 * 800-63B), so the rules only keep out what is trivially guessed:
 *
 * <ul>
 *   <li>10 to 128 characters (Unicode code points; any script, spaces allowed);
 *   <li>not containing the email's local part (when it has 3 or more characters), case-insensitively;
 *   <li>at least 5 different characters ({@code aaaaaaaaaa}, {@code 1212121212} are out);
 *   <li>below 16 characters, at least two kinds of character out of lower-case letters, upper-case letters, digits
 *       and others (symbols, spaces, letters without case such as Hangul); from 16 characters on, one kind is enough;
 *   <li>not one of a short list of the most common passwords that would otherwise pass.
 * </ul>
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    static final int PASSPHRASE_LENGTH = 16;
    static final int MIN_DISTINCT = 5;
    static final int MIN_LOCAL_PART_CHECKED = 3;

    private static final Set<String> COMMON = Set.of(
            "password12",
            "password123",
            "password1!",
            "passw0rd123",
            "qwerty1234",
            "qwerty12345",
            "qwertyuiop1",
            "1q2w3e4r5t",
            "1qaz2wsx3edc",
            "abcd123456",
            "abc1234567",
            "iloveyou12",
            "letmein123",
            "welcome123",
            "admin12345",
            "changeme123",
            "sunshine12",
            "football12");

    /**
     * Why a password was refused. {@link #message()} is in English, for operators; users read the web layer's
     * translation (in Korean or English) of the violation and its {@link #limit()}.
     */
    public enum Violation {
        TOO_SHORT("must have at least " + MIN_LENGTH + " characters", MIN_LENGTH),
        TOO_LONG("must have at most " + MAX_LENGTH + " characters", MAX_LENGTH),
        CONTAINS_EMAIL("must not contain the email address", 0),
        TOO_FEW_DISTINCT_CHARACTERS("must have at least " + MIN_DISTINCT + " different characters", MIN_DISTINCT),
        SINGLE_CHARACTER_CLASS(
                "needs two kinds of characters (letters, digits, symbols) or at least " + PASSPHRASE_LENGTH
                        + " characters",
                PASSPHRASE_LENGTH),
        TOO_COMMON("is too common", 0);

        private final String message;
        private final int limit;

        Violation(String message, int limit) {
            this.message = message;
            this.limit = limit;
        }

        public String message() {
            return message;
        }

        /** The number the rule names (a length, a count of characters), or 0 for a rule without one. */
        public int limit() {
            return limit;
        }
    }

    /** The rules the password breaks; empty when it is acceptable. */
    public List<Violation> check(String password, EmailAddress email) {
        List<Violation> violations = new ArrayList<>();
        if (password == null) {
            violations.add(Violation.TOO_SHORT);
            return violations;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            violations.add(Violation.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            violations.add(Violation.TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (email != null) {
            String local = email.localPart();
            if (local.length() >= MIN_LOCAL_PART_CHECKED && lower.contains(local)) {
                violations.add(Violation.CONTAINS_EMAIL);
            }
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            violations.add(Violation.TOO_FEW_DISTINCT_CHARACTERS);
        }
        if (length < PASSPHRASE_LENGTH && characterClasses(password) < 2) {
            violations.add(Violation.SINGLE_CHARACTER_CLASS);
        }
        if (COMMON.contains(lower)) {
            violations.add(Violation.TOO_COMMON);
        }
        return violations;
    }

    /** Throws when the password breaks a rule. */
    public void require(String password, EmailAddress email) {
        List<Violation> violations = check(password, email);
        if (!violations.isEmpty()) {
            throw new WeakPasswordException(violations);
        }
    }

    static int characterClasses(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int codePoint : password.codePoints().toArray()) {
            if (Character.isLowerCase(codePoint)) {
                lower = true;
            } else if (Character.isUpperCase(codePoint)) {
                upper = true;
            } else if (Character.isDigit(codePoint)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
