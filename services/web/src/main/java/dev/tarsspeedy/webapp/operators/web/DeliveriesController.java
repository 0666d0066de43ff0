package dev.tarsspeedy.webapp.operators.web;

import dev.tarsspeedy.webapp.ApiProblem;
import dev.tarsspeedy.webapp.ApiRefused;
import dev.tarsspeedy.webapp.SignedIn;
import dev.tarsspeedy.webapp.account.web.Sessions;
import dev.tarsspeedy.webapp.operators.client.AdminClient;
import dev.tarsspeedy.webapp.pages.PagesSettings;
import dev.tarsspeedy.webapp.pages.web.ApiCalls;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The operators' email delivery log: every mail the notification service was asked for, newest first, filtered by
 * recipient, template, status and the days it was asked for on (in the operator's time zone).
 */
@Controller
class DeliveriesController {

    static final int PAGE_SIZE = 20;

    /** The templates the notification service knows, for the filter's choices (its README's table). */
    static final List<String> TEMPLATES = List.of(
            "signup-verification",
            "password-reset",
            "order-confirmed",
            "order-status-changed",
            "drop-reminder",
            "payment-refunded",
            "stock-report",
            "price-alert");

    static final List<String> STATUSES = List.of("RECEIVED", "SENDING", "SENT", "FAILED", "DEAD_LETTERED");

    /** The query as the form sends it: days as {@code yyyy-MM-dd} (both included), blank is no filter. */
    record DeliveryFilter(String recipient, String template, String status, String from, String to, Integer page) {

        int pageOrFirst() {
            return page == null || page < 0 ? 0 : page;
        }

        /** This page's link to another page of the same search. */
        String link(int other) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/operators/deliveries");
            add(uri, "recipient", recipient);
            add(uri, "template", template);
            add(uri, "status", status);
            add(uri, "from", from);
            add(uri, "to", to);
            return uri.queryParam("page", other).encode().build().toUriString();
        }

        private static void add(UriComponentsBuilder uri, String name, String value) {
            if (value != null && !value.isBlank()) {
                uri.queryParam(name, value);
            }
        }
    }

    private final AdminClient admin;
    private final Sessions sessions;
    private final PagesSettings pages;

    DeliveriesController(AdminClient admin, Sessions sessions, PagesSettings pages) {
        this.admin = admin;
        this.sessions = sessions;
        this.pages = pages;
    }

    @GetMapping("/operators/deliveries")
    Mono<String> deliveries(@ModelAttribute DeliveryFilter filter, ServerWebExchange exchange, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("templates", TEMPLATES);
        model.addAttribute("statuses", STATUSES);
        String language = Sessions.language(exchange);
        return operator(exchange)
                .flatMap(user -> {
                    ZoneId zone = zoneOf(user);
                    String from = startOf(filter.from(), zone, "from", 0);
                    String to = startOf(filter.to(), zone, "to", 1);
                    return sessions.bearer(exchange)
                            .flatMap(bearer -> admin.deliveries(
                                    bearer,
                                    language,
                                    blankToNull(filter.recipient()),
                                    blankToNull(filter.template()),
                                    blankToNull(filter.status()),
                                    from,
                                    to,
                                    filter.pageOrFirst(),
                                    PAGE_SIZE));
                })
                .onErrorMap(ApiCalls::refusal)
                .map(found -> {
                    model.addAttribute("deliveries", found);
                    return "operators/deliveries";
                })
                .onErrorResume(ApiRefused.class, refused -> {
                    if (refused.problem().status() == HttpStatus.FORBIDDEN.value()) {
                        return Mono.error(refused);
                    }
                    model.addAttribute("problem", refused.problem());
                    exchange.getResponse()
                            .setStatusCode(HttpStatus.valueOf(refused.problem().status()));
                    return Mono.just("operators/deliveries");
                });
    }

    private Mono<SignedIn> operator(ServerWebExchange exchange) {
        return sessions.requireUser(exchange)
                .flatMap(user -> user.operator()
                        ? Mono.just(user)
                        : Mono.error(new ApiRefused(new ApiProblem(403, "forbidden", null, null, List.of()))));
    }

    private ZoneId zoneOf(SignedIn user) {
        try {
            return user.timeZone() == null ? pages.defaultTimeZone() : ZoneId.of(user.timeZone());
        } catch (DateTimeException unknown) {
            return pages.defaultTimeZone();
        }
    }

    /** The start of the day (plus {@code days}) in the operator's zone, as an instant; blank is no bound. */
    private static String startOf(String day, ZoneId zone, String field, int days) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.strip())
                    .plusDays(days)
                    .atStartOfDay(zone)
                    .toInstant()
                    .toString();
        } catch (DateTimeParseException bad) {
            throw new ApiRefused(new ApiProblem(
                    400, "bad-request", null, null, List.of(new ApiProblem.FieldMessage(field, "not a day"))));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
