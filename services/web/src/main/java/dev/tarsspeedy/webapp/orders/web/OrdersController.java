package dev.tarsspeedy.webapp.orders.web;

import dev.tarsspeedy.webapp.ApiRefused;
import dev.tarsspeedy.webapp.account.web.Sessions;
import dev.tarsspeedy.webapp.orders.client.OrderClient;
import dev.tarsspeedy.webapp.pages.web.ApiCalls;
import dev.tarsspeedy.webapp.pages.web.Pages;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** My orders with their status history; pay, cancel, return. */
@Controller
class OrdersController {

    static final Set<String> CANCELLABLE = Set.of("PENDING_PAYMENT", "PAID", "PREPARING");

    private final OrderClient orders;
    private final Sessions sessions;

    OrdersController(OrderClient orders, Sessions sessions) {
        this.orders = orders;
        this.sessions = sessions;
    }

    @GetMapping("/orders")
    Mono<String> list(ServerWebExchange exchange, Model model) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> orders.orders(bearer, Sessions.language(exchange), 0, 50))
                .onErrorMap(ApiCalls::refusal)
                .map(page -> {
                    model.addAttribute("orders", page.items());
                    return "orders/list";
                });
    }

    @GetMapping("/orders/{id}")
    Mono<String> order(
            @PathVariable UUID id,
            @RequestParam(required = false) String payment,
            ServerWebExchange exchange,
            Model model) {
        model.addAttribute("paymentResult", payment);
        return show(id, exchange, model);
    }

    /** Starts (or resumes) the payment and sends the browser to the provider's page. */
    @PostMapping("/orders/{id}/pay")
    Mono<String> pay(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> orders.pay(bearer, Sessions.language(exchange), id))
                .onErrorMap(ApiCalls::refusal)
                .flatMap(start -> Pages.seeOtherSite(URI.create(start.redirectUrl())))
                .onErrorResume(ApiRefused.class, refused -> refusedOn(id, refused, exchange, model));
    }

    @PostMapping("/orders/{id}/cancel")
    Mono<String> cancel(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> orders.cancel(bearer, Sessions.language(exchange), id))
                .onErrorMap(ApiCalls::refusal)
                .flatMap(order -> Pages.seeOther("/orders/" + id))
                .onErrorResume(ApiRefused.class, refused -> refusedOn(id, refused, exchange, model));
    }

    @PostMapping("/orders/{id}/return")
    Mono<String> giveBack(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> orders.giveBack(bearer, Sessions.language(exchange), id))
                .onErrorMap(ApiCalls::refusal)
                .flatMap(order -> Pages.seeOther("/orders/" + id))
                .onErrorResume(ApiRefused.class, refused -> refusedOn(id, refused, exchange, model));
    }

    /**
     * Where the payment service sends the browser back after the provider's page ({@code PAYMENT_RESULT_URL}): on to
     * the order's page with the payment's outcome.
     */
    @GetMapping("/payments/{paymentId}")
    Mono<String> paymentResult(@PathVariable UUID paymentId, ServerWebExchange exchange) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> orders.payment(bearer, Sessions.language(exchange), paymentId))
                .onErrorMap(ApiCalls::refusal)
                .flatMap(payment -> Pages.seeOther("/orders/" + payment.orderId() + "?payment=" + payment.status()));
    }

    private Mono<String> refusedOn(UUID id, ApiRefused refused, ServerWebExchange exchange, Model model) {
        model.addAttribute("problem", refused.problem());
        exchange.getResponse()
                .setStatusCode(HttpStatus.valueOf(refused.problem().status()));
        return show(id, exchange, model);
    }

    private Mono<String> show(UUID id, ServerWebExchange exchange, Model model) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> orders.order(bearer, Sessions.language(exchange), id))
                .onErrorMap(ApiCalls::refusal)
                .map(order -> {
                    model.addAttribute("order", order);
                    model.addAttribute("cancellable", CANCELLABLE.contains(order.status()));
                    model.addAttribute("payable", "PENDING_PAYMENT".equals(order.status()));
                    model.addAttribute("returnable", "DELIVERED".equals(order.status()));
                    return "orders/order";
                });
    }
}
