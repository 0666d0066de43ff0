package dev.tarsspeedy.market;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A listed stock's code: a KRX short code ({@code 005930}; six characters starting with a digit, letters allowed since
 * KRX's alphanumeric codes) or a US ticker ({@code AAPL}, {@code BRK.B}). The code alone says the market.
 *
 * @param code upper case, as the exchange writes it
 */
public record Symbol(String code) {

    private static final Pattern KRX = Pattern.compile("[0-9][0-9A-Z]{5}");
    private static final Pattern US = Pattern.compile("[A-Z][A-Z0-9]{0,5}([.-][A-Z0-9]{1,2})?");

    public Symbol {
        Objects.requireNonNull(code, "code");
        if (!KRX.matcher(code).matches() && !US.matcher(code).matches()) {
            throw new IllegalArgumentException("not a KRX code or US ticker: " + code);
        }
    }

    /** The symbol written by a user (any case, surrounding blanks); throws {@link IllegalArgumentException}. */
    public static Symbol parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Symbol(text.strip().toUpperCase(Locale.ROOT));
    }

    /** Whether {@code text} is a well-formed code of either market (not whether it is listed). */
    public static boolean isWellFormed(String text) {
        if (text == null) {
            return false;
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        return KRX.matcher(code).matches() || US.matcher(code).matches();
    }

    public Market market() {
        return KRX.matcher(code).matches() ? Market.KRX : Market.US;
    }

    @Override
    public String toString() {
        return code;
    }
}
