package dev.tarsspeedy.webapp.pages.web;

import dev.tarsspeedy.webapp.ApiRefused;
import java.net.URI;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The two endings of a form post: on to the next page, or the same form again with the API's problem on it. */
public final class Pages {

    private Pages() {}

    /** 303 to a path of this site: the browser then GETs it (a reload does not post again). */
    public static Mono<String> seeOther(String path) {
        return Mono.just("redirect:" + Redirects.local(path));
    }

    /** A 303 to another site (the payment provider's page); only to an HTTP(S) address. */
    public static Mono<String> seeOtherSite(URI where) {
        if (!"http".equals(where.getScheme()) && !"https".equals(where.getScheme())) {
            return Mono.error(new IllegalArgumentException("not a web address: " + where));
        }
        return Mono.just("redirect:" + where);
    }

    /** Renders {@code view} again with the refusal as {@code problem}, answering the API's status. */
    public static Function<ApiRefused, Mono<String>> again(String view, ServerWebExchange exchange, Model model) {
        return refused -> {
            model.addAttribute("problem", refused.problem());
            exchange.getResponse()
                    .setStatusCode(HttpStatus.valueOf(refused.problem().status()));
            return Mono.just(view);
        };
    }
}
