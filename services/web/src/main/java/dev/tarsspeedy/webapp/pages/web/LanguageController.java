package dev.tarsspeedy.webapp.pages.web;

import dev.tarsspeedy.webapp.pages.PagesSettings;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/** The language switch: remembers the choice in a cookie and goes back to the page it was clicked on. */
@Controller
class LanguageController {

    private final PagesSettings settings;

    LanguageController(PagesSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/language")
    Mono<Void> choose(
            @RequestParam String lang, @RequestParam(defaultValue = "/") String back, ServerHttpResponse response) {
        if (LanguageResolver.supported(lang) != null) {
            response.addCookie(ResponseCookie.from(LanguageResolver.COOKIE, lang)
                    .path("/")
                    .maxAge(Duration.ofSeconds(settings.languageCookieMaxAge()))
                    .httpOnly(true)
                    .secure(settings.secureCookies())
                    .sameSite("Lax")
                    .build());
        }
        response.setStatusCode(HttpStatus.SEE_OTHER);
        response.getHeaders().setLocation(URI.create(Redirects.local(back)));
        return response.setComplete();
    }
}
