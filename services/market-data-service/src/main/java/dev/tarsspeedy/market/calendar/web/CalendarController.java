package dev.tarsspeedy.market.calendar.web;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.calendar.CalendarNotCoveredException;
import dev.tarsspeedy.market.calendar.CalendarSettings;
import dev.tarsspeedy.market.calendar.MarketCalendar;
import dev.tarsspeedy.market.calendar.MarketHours;
import dev.tarsspeedy.market.calendar.web.CalendarResponses.CalendarResponse;
import dev.tarsspeedy.market.calendar.web.CalendarResponses.HolidayResponse;
import dev.tarsspeedy.market.calendar.web.CalendarResponses.MarketStatusResponse;
import dev.tarsspeedy.market.calendar.web.CalendarResponses.SessionResponse;
import dev.tarsspeedy.market.calendar.web.CalendarResponses.StatusResponse;
import dev.tarsspeedy.platform.caller.Language;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The market calendars and the markets' status, public ({@code GET /api/market/**}); names in the reader's language
 * ({@code Accept-Language}, Korean or English).
 */
@RestController
class CalendarController {

    /** The range answered when {@code to} is left out. */
    private static final int DEFAULT_DAYS = 31;

    private final MarketCalendar calendar;
    private final MarketHours hours;
    private final Clock clock;
    private final int maxRangeDays;

    CalendarController(MarketCalendar calendar, MarketHours hours, Clock clock, CalendarSettings settings) {
        this.calendar = calendar;
        this.hours = hours;
        this.clock = clock;
        this.maxRangeDays = settings.maxRangeDays();
    }

    /**
     * The sessions and holidays of {@code market} from {@code from} (default: today in the market's zone) to {@code
     * to} (default: a month on), both inclusive, at most {@code market.calendar.max-range-days} days.
     */
    @GetMapping("/api/market/calendar")
    Mono<CalendarResponse> calendar(
            @RequestParam(required = false) String market,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return Mono.fromCallable(() -> {
            Market wanted = CalendarProblems.market(market);
            Language language = Language.preferredBy(acceptLanguage);
            LocalDate first = from == null
                    ? clock.instant().atZone(wanted.zone()).toLocalDate()
                    : CalendarProblems.date("from", from);
            LocalDate last = to == null ? first.plusDays(DEFAULT_DAYS - 1) : CalendarProblems.date("to", to);
            if (last.isBefore(first)) {
                throw CalendarProblems.reversed(first, last);
            }
            if (ChronoUnit.DAYS.between(first, last) + 1 > maxRangeDays) {
                throw CalendarProblems.tooLong(first, last, maxRangeDays);
            }
            try {
                return new CalendarResponse(
                        wanted,
                        wanted.zone().getId(),
                        first,
                        last,
                        hours.simulated(),
                        calendar.sessions(wanted, first, last).stream()
                                .map(session -> SessionResponse.of(session, calendar, language))
                                .toList(),
                        calendar.holidays(wanted, first, last).stream()
                                .map(holiday -> HolidayResponse.of(holiday, language))
                                .toList());
            } catch (CalendarNotCoveredException missing) {
                throw CalendarProblems.notCovered(missing);
            }
        });
    }

    /** Each market now: open or not, the running or next session, why it is closed, whether the session is simulated. */
    @GetMapping("/api/market/status")
    Mono<StatusResponse> status(
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return Mono.fromCallable(() -> {
            Language language = Language.preferredBy(acceptLanguage);
            Instant now = clock.instant();
            return new StatusResponse(
                    now,
                    hours.simulated(),
                    Arrays.stream(Market.values())
                            .map(market -> MarketStatusResponse.of(hours.status(market, now), calendar, language))
                            .toList());
        });
    }
}
