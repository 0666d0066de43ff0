package dev.tarsspeedy.market.quote;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.calendar.MarketCalendar;
import dev.tarsspeedy.market.calendar.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the quote feature needs to know of market hours: open now (always in the simulated session), and the session
 * that has just closed (for its one closing fetch). A day the calendar does not cover counts as closed.
 */
@Component
public class MarketSessions {

    private static final Logger log = LoggerFactory.getLogger(MarketSessions.class);

    private final MarketCalendar calendar;
    private final boolean simulated;

    MarketSessions(MarketCalendar calendar, @Value("${market.calendar.simulated-session:false}") boolean simulated) {
        this.calendar = calendar;
        this.simulated = simulated;
    }

    /** Whether every market counts as open around the clock (the local stack's demo session). */
    public boolean simulated() {
        return simulated;
    }

    /** Whether the market's session runs at {@code instant}. */
    public boolean isOpen(Market market, Instant instant) {
        if (simulated) {
            return true;
        }
        try {
            return calendar.openSession(market, instant).isPresent();
        } catch (IllegalArgumentException e) {
            log.error("no calendar data for {} at {}: treated as closed ({})", market, instant, e.getMessage());
            return false;
        }
    }

    /** The session that closed at most {@code window} before {@code now}, when the market is not open. */
    public Optional<Session> justClosed(Market market, Instant now, Duration window) {
        if (simulated) {
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
