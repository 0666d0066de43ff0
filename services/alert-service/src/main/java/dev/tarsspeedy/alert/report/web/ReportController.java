package dev.tarsspeedy.alert.report.web;

import dev.tarsspeedy.alert.ScheduleId;
import dev.tarsspeedy.alert.UserId;
import dev.tarsspeedy.alert.report.ReportService;
import dev.tarsspeedy.platform.caller.Caller;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/reports/send-now}: a report of the whole watchlist by mail now (202; at most once per five
 * minutes, else 429 with {@code Retry-After}); {@code GET /api/reports/preview}: the HTML that mail would have
 * ({@code ?schedule=} for one schedule's markets, name and zone), rendered by the notification service.
 */
@RestController
class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @PostMapping("/api/reports/send-now")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> sendNow(Caller caller) {
        return Mono.defer(() -> reports.sendNow(
                        new UserId(caller.id()),
                        caller.email(),
                        caller.language().tag(),
                        caller.zoneOrDefault()))
                .onErrorMap(ReportProblems::translate);
    }

    @GetMapping(value = "/api/reports/preview", produces = MediaType.TEXT_HTML_VALUE)
    Mono<String> preview(
            @RequestParam(name = "schedule", required = false) String schedule,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            Caller caller) {
        // The notification service's preview takes an access token too: the caller's is passed on.
        return Mono.defer(() -> reports.preview(
                        new UserId(caller.id()),
                        caller.language().tag(),
                        caller.zoneOrDefault(),
                        schedule == null ? null : scheduleId(schedule),
                        authorization))
                .onErrorMap(ReportProblems::translate);
    }

    /** A given {@code schedule} must be a schedule id: a blank one is not "no schedule" (Spring would make it null). */
    private static ScheduleId scheduleId(String text) {
        try {
            return new ScheduleId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ServerWebInputException("schedule must be a report schedule's id");
        }
    }
}
