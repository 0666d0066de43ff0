package dev.tarsspeedy.identity.account;

import dev.tarsspeedy.identity.account.InvalidEmailException.Reason;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A normalised email address: trimmed, lower-case, the domain in its ASCII (IDNA) form. Two spellings of one
 * address ({@code " Kim@Bücher.Example"} and {@code "kim@xn--bcher-kva.example"}) are one account.
 *
 * <p>Local parts are plain dot-atoms (RFC 5322 without quoting or comments), at most 64 characters; domains are
 * host names with at least two labels; the whole address is at most 254 characters.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    static final int MAX_LOCAL_PART = 64;

    private static final Pattern LOCAL_PART =
            Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public EmailAddress {
        if (value == null || !value.equals(normaliseOrNull(value))) {
            throw new IllegalArgumentException("not a normalised email address; use EmailAddress.parse");
        }
    }

    /**
     * @throws InvalidEmailException when the text is not an email address this service accepts
     */
    public static EmailAddress parse(String raw) {
        return new EmailAddress(normalise(raw));
    }

    private static String normalise(String raw) {
        if (raw == null) {
            throw new InvalidEmailException(Reason.REQUIRED, "an email address is required");
        }
        String trimmed = raw.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            throw new InvalidEmailException(Reason.NOT_AN_ADDRESS, "an email address has the form name@domain");
        }
        String local = trimmed.substring(0, at).toLowerCase(Locale.ROOT);
        if (local.length() > MAX_LOCAL_PART || !LOCAL_PART.matcher(local).matches()) {
            throw new InvalidEmailException(Reason.LOCAL_PART, "the part before @ is not valid");
        }
        String domain = asciiDomain(trimmed.substring(at + 1));
        String address = local + "@" + domain;
        if (address.length() > MAX_LENGTH) {
            throw new InvalidEmailException(
                    Reason.TOO_LONG, "an email address has at most " + MAX_LENGTH + " characters");
        }
        return address;
    }

    /** The normalised address, or empty when the text is not a valid one. */
    public static Optional<EmailAddress> tryParse(String raw) {
        try {
            return Optional.of(parse(raw));
        } catch (InvalidEmailException e) {
            return Optional.empty();
        }
    }

    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String asciiDomain(String raw) {
        String domain = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidEmailException(Reason.DOMAIN, "the domain is not valid");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || ascii.length() > 253) {
            throw new InvalidEmailException(Reason.DOMAIN, "the domain is not valid");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidEmailException(Reason.DOMAIN, "the domain is not valid");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw new InvalidEmailException(Reason.DOMAIN, "the domain is not valid");
        }
        return ascii;
    }

    private static String normaliseOrNull(String text) {
        try {
            return normalise(text);
        } catch (InvalidEmailException e) {
            return null;
        }
    }
}
