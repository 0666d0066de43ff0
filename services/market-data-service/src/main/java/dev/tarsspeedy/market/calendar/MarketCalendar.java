package dev.tarsspeedy.market.calendar;

import dev.tarsspeedy.market.Market;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The trading calendar of each market, from the calendar data in the repository (holidays, late opens, early closes)
 * for the years it covers. Asking about a date outside those years is a {@link CalendarNotCoveredException} (an
 * {@link IllegalArgumentException}): a missing year must be noticed, not guessed.
 *
 * <p>Whether a feature should act as if a market were open (the demo session) is not the calendar's business: ask
 * {@link MarketHours}, which applies that setting over this calendar.
 */
public interface MarketCalendar {

    /** The session of {@code date} in the market's own zone; empty on a weekend or holiday. */
    Optional<Session> session(Market market, LocalDate date);

    /** The sessions from {@code from} to {@code to}, both inclusive, oldest first. */
    List<Session> sessions(Market market, LocalDate from, LocalDate to);

    /** The session running at {@code instant}, if the market is open then. */
    Optional<Session> openSession(Market market, Instant instant);

    /** The first session that closes after {@code instant} (the running one, or the next). */
    Session nextSession(Market market, Instant instant);

    /** The last session that closed at or before {@code instant}. */
    Session previousSession(Market market, Instant instant);

    /** The named holidays from {@code from} to {@code to}, both inclusive, oldest first (weekends are not listed). */
    List<Holiday> holidays(Market market, LocalDate from, LocalDate to);

    /** The holiday on {@code date}, if it is one (a weekend is not a holiday: {@link #session} is empty then). */
    Optional<Holiday> holiday(Market market, LocalDate date);

    /** Why {@code date}'s session has other hours than the year's regular ones (late open, early close), if it has. */
    Optional<LocalizedName> specialHours(Market market, LocalDate date);

    /** Whether the data covers {@code year}. */
    boolean covers(Market market, int year);

    /** The last year the data covers. */
    int lastYear(Market market);

    /** Whether the market is closed all day on {@code date} (weekend or holiday), in its own zone. */
    default boolean isHoliday(Market market, LocalDate date) {
        return session(market, date).isEmpty();
    }
}
