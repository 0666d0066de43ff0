package dev.tarsspeedy.webapp.reports.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/** The alert service's report API (schedules, send now, the mail's preview), through the gateway. */
@HttpExchange
public interface ReportClient {

    /**
     * A schedule as the API shows it.
     *
     * @param times {@code "08:30"} or {@code {"relativeTo": "KRX_CLOSE", "offsetMinutes": 30}}
     * @param weekdays {@code MON} ... {@code SUN}
     */
    record Schedule(
            UUID id,
            String name,
            List<Object> times,
            List<String> weekdays,
            String zone,
            List<String> markets,
            boolean skipMarketHolidays,
            boolean holidayNotice,
            boolean paused,
            Instant nextRunAt,
            Instant lastRunAt) {}

    /** A schedule as written: in a change every field is optional ({@code null}: as it is). */
    record ScheduleInput(
            String name,
            List<Object> times,
            List<String> weekdays,
            String zone,
            List<String> markets,
            Boolean skipMarketHolidays,
            Boolean paused) {}

    @GetExchange("/api/reports/schedules")
    Mono<List<Schedule>> schedules(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language);

    @GetExchange("/api/reports/schedules/{id}")
    Mono<Schedule> schedule(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable UUID id);

    @PostExchange("/api/reports/schedules")
    Mono<Schedule> create(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @RequestBody ScheduleInput schedule);

    @PatchExchange("/api/reports/schedules/{id}")
    Mono<Schedule> change(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable UUID id,
            @RequestBody ScheduleInput change);

    @DeleteExchange("/api/reports/schedules/{id}")
    Mono<Void> delete(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable UUID id);

    /** A report of the whole watchlist by mail now (at most once in five minutes: else a 429 problem). */
    @PostExchange("/api/reports/send-now")
    Mono<Void> sendNow(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language);

    /** The HTML of the mail the schedule would send now. */
    @GetExchange(url = "/api/reports/preview", accept = "text/html")
    Mono<String> preview(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @RequestParam UUID schedule);
}
