package dev.tarsspeedy.alert.pricealert;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * When an alert fires: its kind with the line ({@code PRICE_ABOVE}, {@code PRICE_BELOW}) or the percentage and
 * direction ({@code MOVE_PERCENT}); the 52-week kinds have neither. Two alerts of one user on one symbol with equal
 * conditions are identical (refused with 409). The rules are checked by {@link AlertDraft#violations}.
 */
public record AlertCondition(AlertKind kind, BigDecimal line, BigDecimal percent, MoveDirection direction) {

    public AlertCondition {
        Objects.requireNonNull(kind, "kind");
        line = Decimals.plain(line);
        percent = Decimals.plain(percent);
    }

    public static AlertCondition above(BigDecimal line) {
        return new AlertCondition(AlertKind.PRICE_ABOVE, line, null, null);
    }

    public static AlertCondition below(BigDecimal line) {
        return new AlertCondition(AlertKind.PRICE_BELOW, line, null, null);
    }

    public static AlertCondition move(BigDecimal percent, MoveDirection direction) {
        return new AlertCondition(AlertKind.MOVE_PERCENT, null, percent, direction);
    }
}
