package dev.tarsspeedy.platform.problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a {@link Problem} as {@code application/problem+json} in the reader's language: Korean when the
 * request prefers it ({@code Accept-Language: ko}), English otherwise.
 *
 * <p>Titles and standard details come from the bundle {@code problems} at the class path root (a service's own
 * problem types; it is used when {@code problems.properties} exists), then from the platform's bundle; a type
 * without a title gets its slug as words. Extension members that are {@link MessageSourceResolvable}s (field
 * messages, see {@link ProblemMessage}), also inside lists and maps, are rendered from the same bundles.
 */
public final class ProblemWriter {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.KOREAN);
    private static final int MAX_CACHED = 1_000;

    private final URI typeBase;
    private final JsonMapper json;
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    /**
     * Type URIs and titles depend on nothing but the type and the language, and the bundles do not change while the
     * service runs: each is rendered once (a refusal is a drop's most common answer). Bounded in case a caller ever
     * builds types from input.
     */
    private final Map<String, String> typeUris = new ConcurrentHashMap<>();

    private final Map<String, String> titles = new ConcurrentHashMap<>();

    public ProblemWriter(URI typeBase, JsonMapper json) {
        this.typeBase = typeBase;
        this.json = json;
        // A service without problem types of its own has no "problems" bundle; asking for it anyway would log a
        // warning on every problem rendered (ResourceBundleMessageSource does not remember missing bundles).
        ClassLoader classLoader = ClassUtils.getDefaultClassLoader();
        if (classLoader != null && classLoader.getResource("problems.properties") != null) {
            messages.addBasenames("problems");
        }
        messages.addBasenames("dev/tarsspeedy/platform/problem/problems");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // Without this, a server whose default locale is Korean would answer English readers in Korean.
        messages.setFallbackToSystemLocale(false);
    }

    public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Locale locale = locale(exchange);
        response.setStatusCode(problem.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(PROBLEM_JSON);
        headers.setContentLanguage(locale);
        problem.headers().forEach(headers::set);
        byte[] body = json.writeValueAsBytes(
                body(problem, exchange.getRequest().getPath().value(), locale));
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /** The members of the problem, in RFC 9457 order, then the extensions. */
    public Map<String, Object> body(Problem problem, String instance, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "type",
                cached(
                        typeUris,
                        problem.type(),
                        () -> typeBase.resolve(problem.type()).toString()));
        body.put(
                "title",
                cached(titles, locale.getLanguage() + ' ' + problem.type(), () -> title(problem.type(), locale)));
        body.put("status", problem.status().value());
        body.put("detail", problem.detail() != null ? problem.detail() : detail(problem, locale));
        body.put("instance", instance);
        problem.properties().forEach((name, value) -> body.put(name, localised(value, locale)));
        return body;
    }

    /** The value with every message in it rendered in the reader's language; anything else as it is. */
    private Object localised(Object value, Locale locale) {
        if (value instanceof MessageSourceResolvable message) {
            try {
                return messages.getMessage(message, locale);
            } catch (NoSuchMessageException e) {
                String[] codes = message.getCodes();
                return codes == null || codes.length == 0 ? "" : codes[0];
            }
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> rendered = new LinkedHashMap<>();
            map.forEach((key, item) -> rendered.put(key, localised(item, locale)));
            return rendered;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(item -> localised(item, locale)).toList();
        }
        return value;
    }

    private static String cached(Map<String, String> cache, String key, Supplier<String> render) {
        String value = cache.get(key);
        if (value == null) {
            value = render.get();
            if (cache.size() < MAX_CACHED) {
                cache.put(key, value);
            }
        }
        return value;
    }

    private String title(String type, Locale locale) {
        try {
            return messages.getMessage(type + ".title", null, locale);
        } catch (NoSuchMessageException e) {
            String words = type.replace('-', ' ');
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }

    private String detail(Problem problem, Locale locale) {
        return messages.getMessage(
                problem.detailCode(), problem.detailArguments().toArray(), problem.type(), locale);
    }

    /** The language a problem for this request is written in: its {@code Accept-Language}'s best match, else English. */
    public static Locale locale(ServerWebExchange exchange) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH; // a garbled Accept-Language header is no reason to fail
        }
        Locale match = Locale.lookup(ranges, SUPPORTED);
        return match == null ? Locale.ENGLISH : match;
    }
}
