package dev.tarsspeedy.alert.pricealert;

import dev.tarsspeedy.alert.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An alert as a user wrote it (a POST, or an alert with a PATCH applied): every value may be missing or wrong. {@link
 * #resolve} checks every rule at once and gives the alert's symbol, condition and terms, or all broken rules.
 *
 * @param cooldown ISO-8601 duration ({@code PT60M}); {@code null}: the default
 * @param zone the zone the alert mail shows times in; {@code null}: the caller's default
 */
public record AlertDraft(
        String symbol,
        String kind,
        BigDecimal price,
        BigDecimal percent,
        String direction,
        String mode,
        String cooldown,
        BigDecimal hysteresisPercent,
        Instant expiresAt,
        Boolean regularHoursOnly,
        String zone) {

    static final BigDecimal MAX_PRICE = new BigDecimal("1000000000000");
    static final BigDecimal MAX_PERCENT = new BigDecimal("1000");
    static final BigDecimal MAX_HYSTERESIS = BigDecimal.TEN;
    static final Duration MAX_COOLDOWN = Duration.ofDays(7);
    static final String KINDS = names(AlertKind.values());
    static final String DIRECTIONS = names(MoveDirection.values());
    static final String MODES = names(AlertMode.values());

    /** The alert's validated parts. */
    public record Resolved(Symbol symbol, AlertCondition condition, AlertTerms terms, ZoneId zone) {}

    /**
     * Checks every rule against {@code now}; fails with {@link InvalidAlertException} listing each broken rule.
     *
     * @param defaultZone the zone when the draft names none
     */
    public Resolved resolve(Instant now, PriceAlertSettings settings, ZoneId defaultZone) {
        List<Violation> violations = new ArrayList<>();
        Symbol parsedSymbol = null;
        if (symbol == null || symbol.isBlank()) {
            violations.add(Violation.of("symbol", "alert.symbol-missing", "must not be blank"));
        } else {
            try {
                parsedSymbol = Symbol.parse(symbol);
            } catch (IllegalArgumentException e) {
                violations.add(Violation.of("symbol", "alert.symbol-malformed", "must be a KRX code or a US ticker"));
            }
        }
        AlertKind parsedKind = parse(AlertKind.class, kind, "kind", KINDS, true, violations);
        MoveDirection parsedDirection =
                parse(MoveDirection.class, direction, "direction", DIRECTIONS, false, violations);
        AlertMode parsedMode = parse(AlertMode.class, mode, "mode", MODES, false, violations);
        if (parsedKind != null) {
            checkShape(parsedKind, violations);
        }
        if (price != null && (price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0 || price.scale() > 6)) {
            violations.add(Violation.of(
                    "price", "alert.price-out-of-range", "must be positive, at most 10^12 with 6 decimals"));
        }
        if (percent != null && (percent.signum() <= 0 || percent.compareTo(MAX_PERCENT) > 0)) {
            violations.add(
                    Violation.of("percent", "alert.percent-out-of-range", "must be greater than 0 and at most 1000"));
        }
        Duration parsedCooldown = settings.defaultCooldown();
        if (cooldown != null) {
            try {
                parsedCooldown = Duration.parse(cooldown.strip().toUpperCase(Locale.ROOT));
                if (parsedCooldown.isNegative() || parsedCooldown.compareTo(MAX_COOLDOWN) > 0) {
                    parsedCooldown = null;
                }
            } catch (DateTimeParseException e) {
                parsedCooldown = null;
            }
            if (parsedCooldown == null) {
                violations.add(Violation.of(
                        "cooldown",
                        "alert.cooldown-invalid",
                        "must be an ISO-8601 duration from PT0S to P7D, such as PT60M"));
            }
        }
        BigDecimal hysteresis = hysteresisPercent == null ? settings.defaultHysteresisPercent() : hysteresisPercent;
        if (hysteresis.signum() < 0 || hysteresis.compareTo(MAX_HYSTERESIS) > 0) {
            violations.add(
                    Violation.of("hysteresisPercent", "alert.hysteresis-out-of-range", "must be between 0 and 10"));
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            violations.add(Violation.of("expiresAt", "alert.expires-in-the-past", "must be in the future"));
        }
        ZoneId parsedZone = defaultZone;
        if (zone != null) {
            try {
                parsedZone = ZoneId.of(zone.strip());
            } catch (RuntimeException e) {
                violations.add(Violation.of("zone", "alert.zone-unknown", "must be a time zone such as Asia/Seoul"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidAlertException(violations);
        }
        MoveDirection effectiveDirection = parsedKind == AlertKind.MOVE_PERCENT
                ? (parsedDirection == null ? MoveDirection.EITHER : parsedDirection)
                : null;
        return new Resolved(
                parsedSymbol,
                new AlertCondition(parsedKind, price, percent, effectiveDirection),
                new AlertTerms(
                        parsedMode == null ? AlertMode.ONCE : parsedMode,
                        parsedCooldown,
                        hysteresis,
                        expiresAt,
                        regularHoursOnly == null || regularHoursOnly),
                parsedZone);
    }

    /** Which of price, percent and direction the kind needs, and which it must not have. */
    private void checkShape(AlertKind parsedKind, List<Violation> violations) {
        boolean priced = parsedKind == AlertKind.PRICE_ABOVE || parsedKind == AlertKind.PRICE_BELOW;
        boolean move = parsedKind == AlertKind.MOVE_PERCENT;
        if (priced && price == null) {
            violations.add(Violation.of("price", "alert.price-missing", "is required for {0}", parsedKind.name()));
        }
        if (!priced && price != null) {
            violations.add(
                    Violation.of("price", "alert.field-not-allowed", "must be absent for {0}", parsedKind.name()));
        }
        if (move && percent == null) {
            violations.add(Violation.of("percent", "alert.percent-missing", "is required for {0}", parsedKind.name()));
        }
        if (!move && percent != null) {
            violations.add(
                    Violation.of("percent", "alert.field-not-allowed", "must be absent for {0}", parsedKind.name()));
        }
        if (!move && direction != null) {
            violations.add(
                    Violation.of("direction", "alert.field-not-allowed", "must be absent for {0}", parsedKind.name()));
        }
    }

    private static <E extends Enum<E>> E parse(
            Class<E> type, String text, String field, String names, boolean required, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            if (required) {
                violations.add(Violation.of(field, "alert.value-unknown", "must be one of {0}", names));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(Violation.of(field, "alert.value-unknown", "must be one of {0}", names));
            return null;
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
