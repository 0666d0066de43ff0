package dev.tarsspeedy.alert.pricealert;

import java.math.BigDecimal;

/** Numbers as people write them: {@code 100} and {@code 99.5}, never {@code 100.000000} or {@code 1E+2}. */
public final class Decimals {

    private Decimals() {}

    /** Without trailing zeros and never in exponent form; {@code null} stays {@code null}. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
