package dev.tarsspeedy.catalog.web;

import java.util.List;
import java.util.Locale;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** The language a request prefers, out of the two the platform writes: {@code ko} or {@code en}. */
public final class Languages {

    private Languages() {}

    /** {@code ko} when {@code Accept-Language} prefers Korean over English, else {@code en}. */
    public static String preferred(ServerHttpRequest http) {
        try {
            Locale match = Locale.lookup(http.getHeaders().getAcceptLanguage(), List.of(Locale.ENGLISH, Locale.KOREAN));
            return match != null && match.getLanguage().equals("ko") ? "ko" : "en";
        } catch (IllegalArgumentException e) {
            return "en";
        }
    }
}
