package dev.tarsspeedy.alert.report.web;

import dev.tarsspeedy.alert.ScheduleId;
import dev.tarsspeedy.alert.report.ReportSchedule;
import dev.tarsspeedy.alert.report.ReportService;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * RFC 8058 one-click unsubscribe from a report: mailbox providers {@code POST} the {@code List-Unsubscribe} link
 * (body {@code List-Unsubscribe=One-Click}, no token or cookie); the link's {@code token} says which schedule, and that
 * schedule is paused (resumed with {@code PATCH ... {"paused": false}}). A {@code GET} of the same link (the mail's
 * manage link) shows the schedule's state with a button that posts it.
 */
@RestController
class UnsubscribeController {

    private final ReportService reports;

    UnsubscribeController(ReportService reports) {
        this.reports = reports;
    }

    @PostMapping("/api/reports/schedules/{id}/unsubscribe")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unsubscribe(@PathVariable UUID id, @RequestParam(name = "token", required = false) String token) {
        return reports.unsubscribe(new ScheduleId(id), token).onErrorMap(ReportProblems::translate);
    }

    @GetMapping(value = "/api/reports/schedules/{id}/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    Mono<String> page(@PathVariable UUID id, @RequestParam(name = "token", required = false) String token) {
        return reports.byUnsubscribeLink(new ScheduleId(id), token)
                .map(schedule -> page(schedule, token))
                .onErrorMap(ReportProblems::translate);
    }

    private static String page(ReportSchedule schedule, String token) {
        boolean korean = "ko".equals(schedule.locale());
        String name = HtmlUtils.htmlEscape(
                schedule.name().isEmpty() ? (korean ? "주식 리포트" : "Stock report") : schedule.name());
        String state = schedule.paused()
                ? (korean ? "이 리포트는 일시 중지되어 있습니다." : "This report is paused.")
                : (korean ? "이 리포트는 예정대로 발송됩니다." : "This report is active.");
        String action = "/api/reports/schedules/" + schedule.id() + "/unsubscribe?token="
                + HtmlUtils.htmlEscape(java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
        String button = schedule.paused()
                ? ""
                : "<form method=\"post\" action=\"" + action + "\"><button type=\"submit\">"
                        + (korean ? "이 리포트 수신 중지" : "Stop this report") + "</button></form>";
        return "<!doctype html><html lang=\"" + schedule.locale() + "\"><head><meta charset=\"utf-8\"><title>" + name
                + "</title></head><body style=\"font-family:sans-serif;max-width:600px;margin:2em auto\"><h1>" + name
                + "</h1><p>" + state + "</p>" + button + "</body></html>";
    }
}
