package dev.tarsspeedy.alert.pricealert;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Where an alert is in its episodes.
 *
 * @param armed it fires on the next crossing (after the cooldown); disarmed it waits for the price to come back past
 *     {@code rearmLine}
 * @param episode how often it fired: episode n's mail has the deduplication key {@code alert:{id}:{n}}
 * @param lastFiredAt the quote time of the last firing
 * @param firedDay the trading day of the last firing (a move alert re-arms on the next trading day)
 * @param rearmLine the line (price, move or absolute move, by kind) a disarmed REARM alert waits for
 * @param completedAt when a ONCE alert fired: it is done
 */
public record AlertState(
        boolean armed,
        int episode,
        Instant lastFiredAt,
        LocalDate firedDay,
        BigDecimal rearmLine,
        Instant completedAt) {

    public static AlertState fresh() {
        return new AlertState(true, 0, null, null, null, null);
    }

    /** Armed again, keeping the count of episodes and the last firing (for the cooldown). */
    AlertState rearmed() {
        return new AlertState(true, episode, lastFiredAt, firedDay, null, null);
    }
}
