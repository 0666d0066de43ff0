package dev.tarsspeedy.webapp.operators.web;

import dev.tarsspeedy.webapp.ApiProblem;
import dev.tarsspeedy.webapp.ApiRefused;
import dev.tarsspeedy.webapp.SignedIn;
import dev.tarsspeedy.webapp.account.web.Sessions;
import dev.tarsspeedy.webapp.drops.client.CatalogClient;
import dev.tarsspeedy.webapp.operators.client.AdminClient;
import dev.tarsspeedy.webapp.pages.PagesSettings;
import dev.tarsspeedy.webapp.pages.web.ApiCalls;
import dev.tarsspeedy.webapp.pages.web.Pages;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The operators' pages (role ADMIN): create a product and its drops, edit a drop before it opens, close it, watch its
 * stats. The gateway enforces the role on the API; the pages refuse non-operators before calling it.
 */
@Controller
class OperatorsController {

    record ProductForm(String name, String description, String imageUrl) {}

    /** Times as {@code datetime-local} values, in the operator's zone. */
    record DropForm(
            String productId, Long price, Integer quantity, Integer perUserLimit, String opensAt, String closesAt) {}

    private final AdminClient admin;
    private final CatalogClient catalog;
    private final Sessions sessions;
    private final PagesSettings pages;

    OperatorsController(AdminClient admin, CatalogClient catalog, Sessions sessions, PagesSettings pages) {
        this.admin = admin;
        this.catalog = catalog;
        this.sessions = sessions;
        this.pages = pages;
    }

    @GetMapping("/admin")
    Mono<String> overview(ServerWebExchange exchange, Model model) {
        model.addAttribute("productForm", new ProductForm(null, null, null));
        return operator(exchange)
                .then(catalog.drops(Sessions.language(exchange), null, 0, 100))
                .onErrorMap(ApiCalls::refusal)
                .map(page -> {
                    model.addAttribute("drops", page.content());
                    return "operators/overview";
                });
    }

    @PostMapping("/admin/products")
    Mono<String> createProduct(@ModelAttribute ProductForm form, ServerWebExchange exchange, Model model) {
        model.addAttribute("productForm", form);
        return operator(exchange)
                .then(sessions.bearer(exchange))
                .flatMap(bearer -> admin.createProduct(
                        bearer,
                        Sessions.language(exchange),
                        new AdminClient.NewProduct(form.name(), form.description(), blankToNull(form.imageUrl()))))
                .onErrorMap(ApiCalls::refusal)
                .flatMap(product -> Pages.seeOther("/admin/products/" + product.id()))
                .onErrorResume(ApiRefused.class, refused -> {
                    model.addAttribute("problem", refused.problem());
                    exchange.getResponse()
                            .setStatusCode(HttpStatus.valueOf(refused.problem().status()));
                    return catalog.drops(Sessions.language(exchange), null, 0, 100)
                            .map(page -> {
                                model.addAttribute("drops", page.content());
                                return "operators/overview";
                            });
                });
    }

    /** A product's page: the form for a new drop of it. */
    @GetMapping("/admin/products/{id}")
    Mono<String> product(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        model.addAttribute("form", new DropForm(id.toString(), null, null, 1, null, null));
        return operator(exchange).then(showProduct(id, exchange, model));
    }

    @PostMapping("/admin/drops")
    Mono<String> createDrop(@ModelAttribute DropForm form, ServerWebExchange exchange, Model model) {
        model.addAttribute("form", form);
        UUID productId = UUID.fromString(form.productId());
        return operator(exchange)
                .then(zone(exchange))
                .flatMap(zone -> sessions.bearer(exchange)
                        .flatMap(bearer -> admin.createDrop(
                                bearer,
                                Sessions.language(exchange),
                                new AdminClient.NewDrop(
                                        productId,
                                        form.price(),
                                        form.quantity(),
                                        form.perUserLimit(),
                                        instant(form.opensAt(), zone, "opensAt"),
                                        instant(form.closesAt(), zone, "closesAt")))))
                .onErrorMap(ApiCalls::refusal)
                .flatMap(created -> Pages.seeOther("/admin/drops/" + created.id() + "?created"))
                .onErrorResume(ApiRefused.class, refused -> {
                    model.addAttribute("problem", refused.problem());
                    exchange.getResponse()
                            .setStatusCode(HttpStatus.valueOf(refused.problem().status()));
                    return showProduct(productId, exchange, model);
                });
    }

    /** A drop's page for operators: its live stats, the edit form while it is upcoming, the close button. */
    @GetMapping("/admin/drops/{id}")
    Mono<String> drop(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return operator(exchange).then(showDrop(id, exchange, model, null));
    }

    @PostMapping("/admin/drops/{id}")
    Mono<String> changeDrop(
            @PathVariable UUID id, @ModelAttribute DropForm form, ServerWebExchange exchange, Model model) {
        return operator(exchange)
                .then(zone(exchange))
                .flatMap(zone -> sessions.bearer(exchange)
                        .flatMap(bearer -> admin.changeDrop(
                                bearer,
                                Sessions.language(exchange),
                                id,
                                new AdminClient.DropChange(
                                        form.price(),
                                        form.quantity(),
                                        form.perUserLimit(),
                                        instant(form.opensAt(), zone, "opensAt"),
                                        instant(form.closesAt(), zone, "closesAt")))))
                .onErrorMap(ApiCalls::refusal)
                .flatMap(changed -> Pages.seeOther("/admin/drops/" + id + "?saved"))
                .onErrorResume(ApiRefused.class, refused -> {
                    model.addAttribute("problem", refused.problem());
                    exchange.getResponse()
                            .setStatusCode(HttpStatus.valueOf(refused.problem().status()));
                    return showDrop(id, exchange, model, form);
                });
    }

    @PostMapping("/admin/drops/{id}/close")
    Mono<String> closeDrop(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return operator(exchange)
                .then(sessions.bearer(exchange))
                .flatMap(bearer -> admin.closeDrop(bearer, Sessions.language(exchange), id))
                .onErrorMap(ApiCalls::refusal)
                .flatMap(closed -> Pages.seeOther("/admin/drops/" + id + "?closed"))
                .onErrorResume(ApiRefused.class, refused -> {
                    model.addAttribute("problem", refused.problem());
                    exchange.getResponse()
                            .setStatusCode(HttpStatus.valueOf(refused.problem().status()));
                    return showDrop(id, exchange, model, null);
                });
    }

    private Mono<String> showProduct(UUID id, ServerWebExchange exchange, Model model) {
        return admin.product(Sessions.language(exchange), id)
                .onErrorMap(ApiCalls::refusal)
                .map(product -> {
                    model.addAttribute("product", product);
                    return "operators/product";
                });
    }

    private Mono<String> showDrop(UUID id, ServerWebExchange exchange, Model model, DropForm form) {
        String language = Sessions.language(exchange);
        // The order service learns of a new drop from the catalog's event: just after creation its stats are a 404,
        // which is no reason to hide the drop.
        Mono<Optional<AdminClient.Stats>> stats = sessions.bearer(exchange)
                .flatMap(bearer -> admin.stats(bearer, language, id))
                .map(Optional::of)
                .onErrorResume(WebClientResponseException.NotFound.class, notYet -> Mono.just(Optional.empty()))
                .onErrorMap(ApiCalls::refusal);
        return Mono.zip(catalog.drop(language, id).onErrorMap(ApiCalls::refusal), stats, zone(exchange))
                .map(all -> {
                    CatalogClient.Drop drop = all.getT1();
                    ZoneId zone = all.getT3();
                    model.addAttribute("drop", drop);
                    model.addAttribute("stats", all.getT2().orElse(null));
                    model.addAttribute(
                            "form",
                            form != null
                                    ? form
                                    : new DropForm(
                                            drop.product() == null
                                                    ? null
                                                    : drop.product().id().toString(),
                                            drop.price(),
                                            drop.quantity(),
                                            drop.perUserLimit(),
                                            local(drop.opensAt(), zone),
                                            local(drop.closesAt(), zone)));
                    return "operators/drop";
                });
    }

    /** Refuses anyone but an operator, before any API call: a 403 page in the reader's language. */
    private Mono<SignedIn> operator(ServerWebExchange exchange) {
        return sessions.requireUser(exchange)
                .flatMap(user -> user.operator()
                        ? Mono.just(user)
                        : Mono.error(new ApiRefused(new ApiProblem(403, "forbidden", null, null, List.of()))));
    }

    private Mono<ZoneId> zone(ServerWebExchange exchange) {
        return sessions.user(exchange)
                .map(user -> {
                    try {
                        return ZoneId.of(user.timeZone());
                    } catch (DateTimeException | NullPointerException unknown) {
                        return pages.defaultTimeZone();
                    }
                })
                .defaultIfEmpty(pages.defaultTimeZone());
    }

    /** A {@code datetime-local} value in the operator's zone; blank is absent (the API says what is missing). */
    private static Instant instant(String local, ZoneId zone, String field) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local).atZone(zone).toInstant();
        } catch (DateTimeParseException bad) {
            throw new ApiRefused(new ApiProblem(
                    400, "bad-request", null, null, List.of(new ApiProblem.FieldMessage(field, bad.getMessage()))));
        }
    }

    private static String local(Instant instant, ZoneId zone) {
        return instant == null
                ? null
                : LocalDateTime.ofInstant(instant, zone)
                        .withSecond(0)
                        .withNano(0)
                        .toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
