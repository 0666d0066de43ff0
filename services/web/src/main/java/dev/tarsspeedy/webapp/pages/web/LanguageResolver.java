package dev.tarsspeedy.webapp.pages.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The page language: the switch the user chose (cookie {@value #COOKIE}), else the browser's
 * {@code Accept-Language}, Korean or English; English when neither says.
 */
@Component("localeContextResolver")
class LanguageResolver implements LocaleContextResolver {

    static final String COOKIE = "lang";

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.KOREAN);

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        HttpCookie chosen = exchange.getRequest().getCookies().getFirst(COOKIE);
        if (chosen != null && supported(chosen.getValue()) != null) {
            return new SimpleLocaleContext(supported(chosen.getValue()));
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
        } catch (IllegalArgumentException malformed) {
            ranges = List.of();
        }
        Locale best = Locale.lookup(ranges, SUPPORTED);
        return new SimpleLocaleContext(best == null ? Locale.ENGLISH : best);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        throw new UnsupportedOperationException("the language switch sets the cookie (LanguageController)");
    }

    static Locale supported(String tag) {
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(tag))
                .findFirst()
                .orElse(null);
    }
}
