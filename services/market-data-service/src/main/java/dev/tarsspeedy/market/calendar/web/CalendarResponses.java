package dev.tarsspeedy.market.calendar.web;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.calendar.Holiday;
import dev.tarsspeedy.market.calendar.LocalizedName;
import dev.tarsspeedy.market.calendar.MarketCalendar;
import dev.tarsspeedy.market.calendar.MarketStatus;
import dev.tarsspeedy.market.calendar.Session;
import dev.tarsspeedy.platform.caller.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the calendar endpoints answer: instants in UTC and the same times in the market's own zone. */
final class CalendarResponses {

    private CalendarResponses() {}

    /**
     * @param opens the open in UTC
     * @param opensLocal the same instant in the market's zone (with its offset: daylight saving shows here)
     * @param note why the hours differ from the regular ones (late open, early close), in the reader's language
     */
    record SessionResponse(
            LocalDate date,
            Instant opens,
            Instant closes,
            OffsetDateTime opensLocal,
            OffsetDateTime closesLocal,
            String note) {

        static SessionResponse of(Session session, MarketCalendar calendar, Language language) {
            if (session == null) {
                return null;
            }
            Market market = session.market();
            return new SessionResponse(
                    session.date(),
                    session.opens(),
                    session.closes(),
                    session.opens().atZone(market.zone()).toOffsetDateTime(),
                    session.closes().atZone(market.zone()).toOffsetDateTime(),
                    calendar.specialHours(market, session.date())
                            .map(name -> name.in(language))
                            .orElse(null));
        }
    }

    record HolidayResponse(LocalDate date, String name) {

        static HolidayResponse of(Holiday holiday, Language language) {
            return new HolidayResponse(holiday.date(), holiday.name().in(language));
        }
    }

    /**
     * @param simulated the demo session is on: the market counts as open around the clock whatever this calendar says
     */
    record CalendarResponse(
            Market market,
            String zone,
            LocalDate from,
            LocalDate to,
            boolean simulated,
            List<SessionResponse> sessions,
            List<HolidayResponse> holidays) {}

    /**
     * @param open whether the market counts as open now
     * @param simulated the demo session is on
     * @param session the running session, else the next one ({@code null} when the calendar data ends before it)
     * @param closedBecause WEEKEND, HOLIDAY, BEFORE_OPEN, AFTER_CLOSE or NO_CALENDAR_DATA; {@code null} while a real
     *     session runs
     * @param reason the same for people, in the reader's language (the holiday's name on a holiday)
     */
    record MarketStatusResponse(
            Market market,
            String zone,
            boolean open,
            boolean simulated,
            SessionResponse session,
            MarketStatus.ClosedReason closedBecause,
            String reason) {

        static MarketStatusResponse of(MarketStatus status, MarketCalendar calendar, Language language) {
            return new MarketStatusResponse(
                    status.market(),
                    status.market().zone().getId(),
                    status.open(),
                    status.simulated(),
                    SessionResponse.of(status.session(), calendar, language),
                    status.closedBecause(),
                    reason(status, language));
        }

        private static String reason(MarketStatus status, Language language) {
            if (status.closedBecause() == null) {
                return null;
            }
            LocalizedName text = switch (status.closedBecause()) {
                case HOLIDAY -> status.holiday().name();
                case WEEKEND -> new LocalizedName("주말", "Weekend");
                case BEFORE_OPEN -> new LocalizedName("개장 전", "Before the open");
                case AFTER_CLOSE -> new LocalizedName("장 마감 후", "After the close");
                case NO_CALENDAR_DATA -> new LocalizedName("휴장일 정보 없음", "No calendar data");
            };
            return text.in(language);
        }
    }

    /** @param at the instant the statuses are for */
    record StatusResponse(Instant at, boolean simulated, List<MarketStatusResponse> markets) {}
}
