package dev.tarsspeedy.alert.pricealert.web;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Request bodies of {@code /api/alerts}. Every value is taken as written (kinds, modes and durations as text), so the
 * domain ({@link dev.tarsspeedy.alert.pricealert.AlertDraft}) lists every broken rule in one answer.
 */
final class AlertRequests {

    private AlertRequests() {}

    /**
     * {@code POST /api/alerts}.
     *
     * @param price the line of {@code PRICE_ABOVE} / {@code PRICE_BELOW}
     * @param percent the move of {@code MOVE_PERCENT}, positive
     * @param direction {@code UP}, {@code DOWN} or {@code EITHER} (default) for {@code MOVE_PERCENT}
     * @param mode {@code ONCE} (default) or {@code REARM}
     * @param cooldown ISO-8601 duration, default {@code PT60M}
     * @param hysteresisPercent how far back the price must move before a REARM alert re-arms, default 0.5
     * @param regularHoursOnly default true
     * @param zone the zone of times in the alert mail, default Asia/Seoul for Korean readers and UTC otherwise
     */
    record CreateAlert(
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
            String zone) {}

    /** {@code PATCH /api/alerts/{id}}: absent fields stay as they are; the symbol cannot change. */
    record PatchAlert(
            String kind,
            BigDecimal price,
            BigDecimal percent,
            String direction,
            String mode,
            String cooldown,
            BigDecimal hysteresisPercent,
            Instant expiresAt,
            Boolean regularHoursOnly,
            String zone) {}
}
