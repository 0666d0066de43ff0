package dev.tarsspeedy.alert;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stock's code as the market-data service writes it: a KRX short code ({@code 005930}) or a US ticker ({@code
 * AAPL}). Well-formed is checked here; listed is the market-data service's answer.
 */
public record Symbol(String code) {

    private static final Pattern WELL_FORMED =
            Pattern.compile("[0-9][0-9A-Z]{5}|[A-Z][A-Z0-9]{0,5}([.-][A-Z0-9]{1,2})?");

    public Symbol {
        Objects.requireNonNull(code, "code");
        if (!WELL_FORMED.matcher(code).matches()) {
            throw new IllegalArgumentException("not a KRX code or US ticker: " + code);
        }
    }

    /** The symbol written by a user (any case, surrounding blanks); throws {@link IllegalArgumentException}. */
    public static Symbol parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Symbol(text.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return code;
    }
}
