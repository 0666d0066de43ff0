package dev.tarsspeedy.webapp.reports.web;

import dev.tarsspeedy.webapp.ApiRefused;
import dev.tarsspeedy.webapp.account.web.Sessions;
import dev.tarsspeedy.webapp.pages.web.ApiCalls;
import dev.tarsspeedy.webapp.pages.web.Pages;
import dev.tarsspeedy.webapp.reports.client.ReportClient;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** TARS's report schedules: add, edit, pause and resume, delete, send now, and the mail's preview. */
@Controller
class ReportsController {

    static final List<String> WEEKDAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    static final List<String> MARKETS = List.of("KRX", "US");

    /**
     * The mail's own HTML (inline styles, no scripts) shown as a page of its own: it may style itself, nothing in it
     * runs, and no other page may frame it.
     */
    static final String PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final ReportClient reports;
    private final Sessions sessions;

    ReportsController(ReportClient reports, Sessions sessions) {
        this.reports = reports;
        this.sessions = sessions;
    }

    @GetMapping("/reports")
    Mono<String> list(ServerWebExchange exchange, Model model) {
        ZoneId zone = (ZoneId) model.getAttribute("zone");
        model.addAttribute(
                "form",
                new ScheduleForm("", "08:30", List.of("MON", "TUE", "WED", "THU", "FRI"), zone.getId(), MARKETS, true));
        return page(exchange, model);
    }

    @PostMapping("/reports")
    Mono<String> create(@ModelAttribute ScheduleForm form, ServerWebExchange exchange, Model model) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> reports.create(bearer, Sessions.language(exchange), form.input(null)))
                .onErrorMap(ApiCalls::refusal)
                .flatMap(created -> Pages.seeOther("/reports?created=" + created.id()))
                .onErrorResume(ApiRefused.class, refused -> {
                    model.addAttribute("form", form);
                    refuse(refused, exchange, model);
                    return page(exchange, model);
                });
    }

    @GetMapping("/reports/{id}")
    Mono<String> edit(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> reports.schedule(bearer, Sessions.language(exchange), id))
                .onErrorMap(ApiCalls::refusal)
                .map(schedule -> {
                    model.addAttribute("schedule", schedule);
                    model.addAttribute("form", ScheduleForm.of(schedule));
                    return choices(model, "reports/edit");
                });
    }

    @PostMapping("/reports/{id}")
    Mono<String> save(
            @PathVariable UUID id, @ModelAttribute ScheduleForm form, ServerWebExchange exchange, Model model) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> reports.change(bearer, Sessions.language(exchange), id, form.input(null))
                        .onErrorMap(ApiCalls::refusal)
                        .flatMap(saved -> Pages.seeOther("/reports?saved"))
                        .onErrorResume(ApiRefused.class, refused -> {
                            model.addAttribute("form", form);
                            refuse(refused, exchange, model);
                            return reports.schedule(bearer, Sessions.language(exchange), id)
                                    .onErrorMap(ApiCalls::refusal)
                                    .map(schedule -> {
                                        model.addAttribute("schedule", schedule);
                                        return choices(model, "reports/edit");
                                    });
                        }));
    }

    @PostMapping("/reports/{id}/pause")
    Mono<String> pause(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return paused(id, true, exchange, model);
    }

    @PostMapping("/reports/{id}/resume")
    Mono<String> resume(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return paused(id, false, exchange, model);
    }

    @PostMapping("/reports/{id}/delete")
    Mono<String> delete(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> reports.delete(bearer, Sessions.language(exchange), id))
                .onErrorMap(ApiCalls::refusal)
                .then(Pages.seeOther("/reports?deleted"))
                .onErrorResume(ApiRefused.class, refused -> refusedOnList(refused, exchange, model));
    }

    /** The whole watchlist by mail now; more than once in five minutes is refused in plain words. */
    @PostMapping("/reports/send-now")
    Mono<String> sendNow(ServerWebExchange exchange, Model model) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> reports.sendNow(bearer, Sessions.language(exchange)))
                .onErrorMap(ApiCalls::refusal)
                .then(Pages.seeOther("/reports?sent"))
                .onErrorResume(ApiRefused.class, refused -> refusedOnList(refused, exchange, model));
    }

    /** The mail the schedule would send now, as the notification service renders it. */
    @GetMapping("/reports/{id}/preview")
    @ResponseBody
    Mono<ResponseEntity<String>> preview(@PathVariable UUID id, ServerWebExchange exchange) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> reports.preview(bearer, Sessions.language(exchange), id))
                .onErrorMap(ApiCalls::refusal)
                .map(html -> ResponseEntity.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                        .header("Content-Security-Policy", PREVIEW_POLICY)
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(html));
    }

    private Mono<String> paused(UUID id, boolean paused, ServerWebExchange exchange, Model model) {
        ReportClient.ScheduleInput change = new ReportClient.ScheduleInput(null, null, null, null, null, null, paused);
        return sessions.bearer(exchange)
                .flatMap(bearer -> reports.change(bearer, Sessions.language(exchange), id, change))
                .onErrorMap(ApiCalls::refusal)
                .then(Pages.seeOther(paused ? "/reports?paused" : "/reports?resumed"))
                .onErrorResume(ApiRefused.class, refused -> refusedOnList(refused, exchange, model));
    }

    private Mono<String> refusedOnList(ApiRefused refused, ServerWebExchange exchange, Model model) {
        ZoneId zone = (ZoneId) model.getAttribute("zone");
        model.addAttribute("form", new ScheduleForm("", "08:30", List.of(), zone.getId(), MARKETS, true));
        refuse(refused, exchange, model);
        return page(exchange, model);
    }

    private static void refuse(ApiRefused refused, ServerWebExchange exchange, Model model) {
        model.addAttribute("problem", refused.problem());
        exchange.getResponse()
                .setStatusCode(HttpStatus.valueOf(refused.problem().status()));
    }

    private static String choices(Model model, String view) {
        model.addAttribute("weekdays", WEEKDAYS);
        model.addAttribute("markets", MARKETS);
        return view;
    }

    private Mono<String> page(ServerWebExchange exchange, Model model) {
        choices(model, "reports/list");
        return sessions.bearer(exchange)
                .flatMap(bearer -> reports.schedules(bearer, Sessions.language(exchange)))
                .onErrorMap(ApiCalls::refusal)
                .map(schedules -> {
                    model.addAttribute("schedules", schedules);
                    return "reports/list";
                });
    }
}
