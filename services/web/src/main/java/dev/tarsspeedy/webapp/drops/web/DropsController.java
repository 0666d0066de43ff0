package dev.tarsspeedy.webapp.drops.web;

import dev.tarsspeedy.webapp.ApiRefused;
import dev.tarsspeedy.webapp.account.web.Sessions;
import dev.tarsspeedy.webapp.drops.client.BuyClient;
import dev.tarsspeedy.webapp.drops.client.CatalogClient;
import dev.tarsspeedy.webapp.pages.web.ApiCalls;
import dev.tarsspeedy.webapp.pages.web.Pages;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Speedy's drops: the list by status, a drop's page with the buy button, the wishlist. */
@Controller
class DropsController {

    static final Set<String> STATUSES = Set.of("UPCOMING", "OPEN", "SOLD_OUT", "CLOSED");

    /**
     * The buy form. {@code idempotencyKey} is made when the page is rendered, so every submission of that form (a
     * double click, a resent post) is the same purchase; a new page view is a new one.
     */
    record BuyForm(String idempotencyKey, Integer quantity) {}

    private final CatalogClient catalog;
    private final BuyClient buying;
    private final Sessions sessions;

    DropsController(CatalogClient catalog, BuyClient buying, Sessions sessions) {
        this.catalog = catalog;
        this.buying = buying;
        this.sessions = sessions;
    }

    @GetMapping("/drops")
    Mono<String> drops(@RequestParam(required = false) String status, ServerWebExchange exchange, Model model) {
        String chosen = status != null && STATUSES.contains(status) ? status : null;
        model.addAttribute("status", chosen);
        model.addAttribute("statuses", List.of("UPCOMING", "OPEN", "SOLD_OUT", "CLOSED"));
        return catalog.drops(Sessions.language(exchange), chosen, 0, 50)
                .onErrorMap(ApiCalls::refusal)
                .map(page -> {
                    model.addAttribute("drops", page.content());
                    return "drops/list";
                });
    }

    @GetMapping("/drops/{id}")
    Mono<String> drop(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        model.addAttribute("form", new BuyForm(UUID.randomUUID().toString(), 1));
        return show(id, exchange, model);
    }

    @PostMapping("/drops/{id}/buy")
    Mono<String> buy(@PathVariable UUID id, @ModelAttribute BuyForm form, ServerWebExchange exchange, Model model) {
        int quantity = form.quantity() == null ? 1 : form.quantity();
        String key = form.idempotencyKey() == null || form.idempotencyKey().isBlank()
                ? UUID.randomUUID().toString()
                : form.idempotencyKey();
        model.addAttribute("form", new BuyForm(UUID.randomUUID().toString(), quantity));
        return sessions.bearer(exchange)
                .flatMap(bearer ->
                        buying.buy(bearer, Sessions.language(exchange), key, id, new BuyClient.Quantity(quantity)))
                .onErrorMap(ApiCalls::refusal)
                .flatMap(accepted -> Pages.seeOther("/orders/" + accepted.orderId() + "?bought"))
                .onErrorResume(ApiRefused.class, refused -> {
                    model.addAttribute("problem", refused.problem());
                    exchange.getResponse()
                            .setStatusCode(org.springframework.http.HttpStatus.valueOf(
                                    refused.problem().status()));
                    return show(id, exchange, model);
                });
    }

    @PostMapping("/drops/{id}/wishlist")
    Mono<String> wish(@PathVariable UUID id, ServerWebExchange exchange) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> catalog.wish(bearer, Sessions.language(exchange), id))
                .onErrorMap(ApiCalls::refusal)
                .then(Pages.seeOther("/drops/" + id + "?wished"));
    }

    @PostMapping("/drops/{id}/unwishlist")
    Mono<String> unwish(@PathVariable UUID id, ServerWebExchange exchange) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> catalog.unwish(bearer, Sessions.language(exchange), id))
                .onErrorMap(ApiCalls::refusal)
                .then(Pages.seeOther("/wishlist"));
    }

    @GetMapping("/wishlist")
    Mono<String> wishlist(ServerWebExchange exchange, Model model) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> catalog.wishlist(bearer, Sessions.language(exchange)))
                .onErrorMap(ApiCalls::refusal)
                .map(drops -> {
                    model.addAttribute("drops", drops);
                    return "drops/wishlist";
                });
    }

    private Mono<String> show(UUID id, ServerWebExchange exchange, Model model) {
        return catalog.drop(Sessions.language(exchange), id)
                .onErrorMap(ApiCalls::refusal)
                .map(drop -> {
                    model.addAttribute("drop", drop);
                    return "drops/drop";
                });
    }
}
