package dev.tarsspeedy.market.calendar;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.calendar.MarketStatus.ClosedReason;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one answer to "does this market trade now?" for every feature: the status endpoint, the quote poller and the
 * quotes' freshness all ask here, so they never disagree. It is the {@link MarketCalendar} plus the demo session
 * ({@code market.calendar.simulated-session}), under which every market counts as open around the clock and says so.
 */
@Service
public class MarketHours {

    private static final Logger log = LoggerFactory.getLogger(MarketHours.class);

    private final MarketCalendar calendar;
    private final Clock clock;
    private final boolean simulated;

    public MarketHours(MarketCalendar calendar, Clock clock, CalendarSettings settings) {
        this.calendar = calendar;
        this.clock = clock;
        this.simulated = settings.simulatedSession();
        if (simulated) {
            log.warn("market.calendar.simulated-session is on: every market counts as open around the clock");
        }
    }

    /** Whether the demo session is on. */
    public boolean simulated() {
        return simulated;
    }

    /** Whether {@code market} counts as open now. */
    public boolean isOpen(Market market) {
        return isOpen(market, clock.instant());
    }

    /** Whether {@code market} counts as open at {@code instant} (always in the simulated session). */
    public boolean isOpen(Market market, Instant instant) {
        return status(market, instant).open();
    }

    /** The status of {@code market} now. */
    public MarketStatus status(Market market) {
        return status(market, clock.instant());
    }

    /**
     * The status of {@code market} at {@code instant}. A day the calendar data does not cover counts as closed
     * ({@link ClosedReason#NO_CALENDAR_DATA}, logged as an error) unless the session is simulated: fetching on a day
     * nobody checked is what the calendar exists to prevent.
     */
    public MarketStatus status(Market market, Instant instant) {
        LocalDate today = instant.atZone(market.zone()).toLocalDate();
        try {
            Optional<Session> running = calendar.openSession(market, instant);
            if (running.isPresent()) {
                return new MarketStatus(market, instant, true, simulated, running.get(), null, null);
            }
            Optional<Holiday> holiday = calendar.holiday(market, today);
            ClosedReason reason = holiday.isPresent()
                    ? ClosedReason.HOLIDAY
                    : isWeekend(today)
                            ? ClosedReason.WEEKEND
                            : calendar.session(market, today)
                                    .filter(session -> instant.isBefore(session.opens()))
                                    .map(session -> ClosedReason.BEFORE_OPEN)
                                    .orElse(ClosedReason.AFTER_CLOSE);
            return new MarketStatus(
                    market, instant, simulated, simulated, next(market, instant), reason, holiday.orElse(null));
        } catch (CalendarNotCoveredException e) {
            log.error("{}: treating {} as closed", e.getMessage(), market);
            return new MarketStatus(market, instant, simulated, simulated, null, ClosedReason.NO_CALENDAR_DATA, null);
        }
    }

    /** The next session, or {@code null} when the data ends before it. */
    private Session next(Market market, Instant instant) {
        try {
            return calendar.nextSession(market, instant);
        } catch (CalendarNotCoveredException e) {
            log.error("{}: add the year (service README, 'Market calendars')", e.getMessage());
            return null;
        }
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
