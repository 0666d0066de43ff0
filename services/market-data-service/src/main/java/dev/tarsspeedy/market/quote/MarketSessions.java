package dev.tarsspeedy.market.quote;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.calendar.MarketCalendar;
import dev.tarsspeedy.market.calendar.MarketHours;
import dev.tarsspeedy.market.calendar.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the quote feature needs to know of market hours: open at an instant ({@link MarketHours}, so polling, freshness
 * and the status endpoint agree, the simulated session included), and the session that has just closed (for its one
 * closing fetch). A day the calendar does not cover counts as closed.
 */
@Component
public class MarketSessions {

    private static final Logger log = LoggerFactory.getLogger(MarketSessions.class);

    private final MarketCalendar calendar;
    private final MarketHours hours;

    MarketSessions(MarketCalendar calendar, MarketHours hours) {
        this.calendar = calendar;
        this.hours = hours;
    }

    /** Whether the market counts as open at {@code instant} (always, in the simulated session). */
    public boolean isOpen(Market market, Instant instant) {
        return hours.isOpen(market, instant);
    }

    /** The session that closed at most {@code window} before {@code now}, when the market is not open. */
    public Optional<Session> justClosed(Market market, Instant now, Duration window) {
        if (hours.simulated()) {
            return Optional.empty();
        }
        try {
            Session previous = calendar.previousSession(market, now);
            boolean recent = !now.isBefore(previous.closes())
                    && Duration.between(previous.closes(), now).compareTo(window) < 0;
            return recent ? Optional.of(previous) : Optional.empty();
        } catch (IllegalArgumentException e) {
            log.error("no calendar data for {} at {}: no closing fetch ({})", market, now, e.getMessage());
            return Optional.empty();
        }
    }
}
