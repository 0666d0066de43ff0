package dev.tarsspeedy.market.calendar;

import dev.tarsspeedy.market.Market;
import java.time.Instant;

/**
 * Whether a market trades at {@code at}, as {@link MarketHours} sees it.
 *
 * @param market the market
 * @param at the instant asked about
 * @param open whether it counts as open (always, in the simulated session)
 * @param simulated the demo session is on: open around the clock, whatever the calendar says
 * @param session the running session, else the next one; {@code null} when the calendar data ends before it
 * @param closedBecause why the market is closed by its calendar; {@code null} while a real session runs
 * @param holiday the holiday when {@code closedBecause} is {@link ClosedReason#HOLIDAY}, else {@code null}
 */
public record MarketStatus(
        Market market,
        Instant at,
        boolean open,
        boolean simulated,
        Session session,
        ClosedReason closedBecause,
        Holiday holiday) {

    /** Why a market has no running session now. */
    public enum ClosedReason {
        /** Saturday or Sunday in the market's zone. */
        WEEKEND,
        /** A named holiday ({@link MarketStatus#holiday}). */
        HOLIDAY,
        /** A trading day before its session opens. */
        BEFORE_OPEN,
        /** A trading day after its session closed. */
        AFTER_CLOSE,
        /** The calendar data does not cover the day: the market is treated as closed and the error is logged. */
        NO_CALENDAR_DATA
    }
}
