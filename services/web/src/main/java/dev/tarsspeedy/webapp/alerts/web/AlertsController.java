package dev.tarsspeedy.webapp.alerts.web;

import dev.tarsspeedy.webapp.ApiRefused;
import dev.tarsspeedy.webapp.account.web.Sessions;
import dev.tarsspeedy.webapp.alerts.client.AlertClient;
import dev.tarsspeedy.webapp.pages.web.ApiCalls;
import dev.tarsspeedy.webapp.pages.web.Pages;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** TARS's price alerts: add, edit, delete, and the history of what fired. */
@Controller
class AlertsController {

    static final List<String> KINDS = List.of("PRICE_ABOVE", "PRICE_BELOW", "MOVE_PERCENT");

    static final List<String> DIRECTIONS = List.of("EITHER", "UP", "DOWN");

    static final List<String> MODES = List.of("ONCE", "REARM");

    /** How many firings the history shows. */
    static final int HISTORY = 50;

    /** An alert as its form holds it; the fields a kind does not use are left empty. */
    record AlertForm(String symbol, String kind, BigDecimal price, BigDecimal percent, String direction, String mode) {

        AlertClient.AlertInput input() {
            boolean move = "MOVE_PERCENT".equals(kind);
            return new AlertClient.AlertInput(
                    symbol == null ? null : symbol.strip(),
                    kind,
                    move ? null : price,
                    move ? percent : null,
                    move ? direction : null,
                    mode);
        }

        static AlertForm of(AlertClient.Alert alert) {
            return new AlertForm(
                    alert.symbol(),
                    alert.kind(),
                    alert.price(),
                    alert.percent(),
                    alert.direction() == null ? "EITHER" : alert.direction(),
                    alert.mode());
        }
    }

    private final AlertClient alerts;
    private final Sessions sessions;

    AlertsController(AlertClient alerts, Sessions sessions) {
        this.alerts = alerts;
        this.sessions = sessions;
    }

    /** The alerts, a form for a new one ({@code ?symbol=} from a stock's page), and what fired. */
    @GetMapping("/alerts")
    Mono<String> list(@RequestParam(required = false) String symbol, ServerWebExchange exchange, Model model) {
        model.addAttribute("form", new AlertForm(symbol, "PRICE_ABOVE", null, null, "EITHER", "ONCE"));
        return page(exchange, model);
    }

    @PostMapping("/alerts")
    Mono<String> create(@ModelAttribute AlertForm form, ServerWebExchange exchange, Model model) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> alerts.create(bearer, Sessions.language(exchange), form.input()))
                .onErrorMap(ApiCalls::refusal)
                .flatMap(created -> Pages.seeOther("/alerts?created=" + created.id()))
                .onErrorResume(ApiRefused.class, refused -> {
                    model.addAttribute("form", form);
                    refuse(refused, exchange, model);
                    return page(exchange, model);
                });
    }

    @GetMapping("/alerts/{id}")
    Mono<String> edit(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> alerts.alert(bearer, Sessions.language(exchange), id))
                .onErrorMap(ApiCalls::refusal)
                .map(alert -> {
                    model.addAttribute("alert", alert);
                    model.addAttribute("form", AlertForm.of(alert));
                    return choices(model, "alerts/edit");
                });
    }

    @PostMapping("/alerts/{id}")
    Mono<String> save(@PathVariable UUID id, @ModelAttribute AlertForm form, ServerWebExchange exchange, Model model) {
        AlertClient.AlertInput input = form.input();
        AlertClient.AlertInput change = new AlertClient.AlertInput(
                null, input.kind(), input.price(), input.percent(), input.direction(), input.mode());
        return sessions.bearer(exchange)
                .flatMap(bearer -> alerts.change(bearer, Sessions.language(exchange), id, change)
                        .onErrorMap(ApiCalls::refusal)
                        .flatMap(saved -> Pages.seeOther("/alerts?saved"))
                        .onErrorResume(ApiRefused.class, refused -> {
                            model.addAttribute("form", form);
                            refuse(refused, exchange, model);
                            return alerts.alert(bearer, Sessions.language(exchange), id)
                                    .onErrorMap(ApiCalls::refusal)
                                    .map(alert -> {
                                        model.addAttribute("alert", alert);
                                        return choices(model, "alerts/edit");
                                    });
                        }));
    }

    @PostMapping("/alerts/{id}/delete")
    Mono<String> delete(@PathVariable UUID id, ServerWebExchange exchange) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> alerts.delete(bearer, Sessions.language(exchange), id))
                .onErrorMap(ApiCalls::refusal)
                .then(Pages.seeOther("/alerts?deleted"));
    }

    private static void refuse(ApiRefused refused, ServerWebExchange exchange, Model model) {
        model.addAttribute("problem", refused.problem());
        exchange.getResponse()
                .setStatusCode(HttpStatus.valueOf(refused.problem().status()));
    }

    private static String choices(Model model, String view) {
        model.addAttribute("kinds", KINDS);
        model.addAttribute("directions", DIRECTIONS);
        model.addAttribute("modes", MODES);
        return view;
    }

    private Mono<String> page(ServerWebExchange exchange, Model model) {
        String language = Sessions.language(exchange);
        return sessions.bearer(exchange)
                .flatMap(bearer -> alerts.alerts(bearer, language).zipWith(alerts.fired(bearer, language, 0, HISTORY)))
                .onErrorMap(ApiCalls::refusal)
                .map(found -> {
                    model.addAttribute("alerts", found.getT1().items());
                    model.addAttribute("fired", found.getT2().items());
                    return choices(model, "alerts/list");
                });
    }
}
