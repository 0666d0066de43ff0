package dev.tarsspeedy.alert.pricealert;

import dev.tarsspeedy.alert.AlertId;
import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.UserId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One firing of an alert: a row of the history ({@code GET /api/alerts/events}), kept when the alert is deleted.
 *
 * @param line the price line, or the 52-week high or low reached; {@code null} for a move alert
 * @param firedAt when the service fired it
 */
public record FiredAlert(
        AlertId alertId,
        UserId owner,
        int episode,
        Symbol symbol,
        String stockName,
        AlertKind kind,
        BigDecimal line,
        BigDecimal percent,
        MoveDirection direction,
        BigDecimal price,
        String currency,
        Instant asOf,
        String source,
        Instant firedAt) {

    /** The deduplication key of this firing's mail: one mail per alert and episode, however often it is computed. */
    public String deduplicationKey() {
        return "alert:" + alertId + ":" + episode;
    }
}
