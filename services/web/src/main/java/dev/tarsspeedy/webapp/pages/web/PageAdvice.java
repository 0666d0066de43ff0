package dev.tarsspeedy.webapp.pages.web;

import dev.tarsspeedy.webapp.ApiRefused;
import dev.tarsspeedy.webapp.SignInRequired;
import dev.tarsspeedy.webapp.SignedIn;
import dev.tarsspeedy.webapp.pages.PagesSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every page gets (the CSRF token, the signed-in user, the time zone, the current path for the language switch),
 * and what a page shows when the platform behind it fails: the log-in page when the session has ended, a friendly
 * page when the gateway or a service is down. Never a stack trace.
 */
@ControllerAdvice
class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    private final PagesSettings settings;

    PageAdvice(PagesSettings settings) {
        this.settings = settings;
    }

    /**
     * What every page needs. The CSRF token is resolved here, before the view: subscribing to it is what stores it in
     * the session, and every form renders it as its {@code _csrf} field (model attribute {@code csrf}).
     */
    @ModelAttribute
    Mono<Void> common(ServerWebExchange exchange, Model model) {
        String query = exchange.getRequest().getURI().getRawQuery();
        String path = exchange.getRequest().getPath().value() + (query == null ? "" : "?" + query);
        model.addAttribute("here", URLEncoder.encode(path, StandardCharsets.UTF_8));
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        Mono<Void> csrf = token == null
                ? Mono.empty()
                : token.doOnNext(value -> model.addAttribute("csrf", value)).then();
        return csrf.then(exchange.getSession())
                .doOnNext(session -> {
                    SignedIn user = session.getAttribute(SignedIn.SESSION_ATTRIBUTE);
                    model.addAttribute("user", user);
                    model.addAttribute("zone", zoneOf(user));
                })
                .then();
    }

    private ZoneId zoneOf(SignedIn user) {
        if (user != null && user.timeZone() != null) {
            try {
                return ZoneId.of(user.timeZone());
            } catch (DateTimeException unknown) {
                // a zone this JVM does not know: the default below
            }
        }
        return settings.defaultTimeZone();
    }

    @ExceptionHandler(SignInRequired.class)
    Mono<Void> signIn(ServerWebExchange exchange) {
        String query = exchange.getRequest().getURI().getRawQuery();
        String next = exchange.getRequest().getPath().value() + (query == null ? "" : "?" + query);
        if ("POST".equals(exchange.getRequest().getMethod().name())) {
            next = exchange.getRequest().getHeaders().getFirst("Referer") == null
                    ? "/"
                    : URI.create(exchange.getRequest().getHeaders().getFirst("Referer"))
                            .getRawPath();
        }
        exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
        exchange.getResponse()
                .getHeaders()
                .setLocation(
                        URI.create("/login?next=" + URLEncoder.encode(Redirects.local(next), StandardCharsets.UTF_8)));
        return exchange.getResponse().setComplete();
    }

    /** A refusal no page handled itself: its localized detail on a page of its own, with the API's status. */
    @ExceptionHandler(ApiRefused.class)
    String refused(ApiRefused refused, ServerWebExchange exchange, Model model) {
        exchange.getResponse()
                .setStatusCode(HttpStatus.valueOf(refused.problem().status()));
        model.addAttribute("problem", refused.problem());
        return "refused";
    }

    @ExceptionHandler({WebClientRequestException.class, WebClientResponseException.class})
    String unavailable(Exception error, ServerWebExchange exchange) {
        log.warn("The platform did not answer {}: {}", exchange.getRequest().getPath(), error.toString());
        exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        exchange.getResponse().getHeaders().set("Retry-After", "10");
        return "unavailable";
    }
}
