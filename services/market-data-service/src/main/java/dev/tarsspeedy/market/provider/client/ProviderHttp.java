package dev.tarsspeedy.market.provider.client;

import dev.tarsspeedy.market.provider.ProviderException;
import dev.tarsspeedy.market.provider.ProviderName;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import reactor.core.publisher.Mono;

/**
 * One provider's HTTP access: the raw answer (status, body as text, the stand-in's session header) of a GET or POST,
 * with the provider's timeout; reading the body is each adapter's business, because the providers' error answers do
 * not follow their content types (FSC answers XML to a JSON request).
 */
final class ProviderHttp {

    /** Sent by the local stand-in on every answer of its simulated session; no real provider sends it. */
    static final String SESSION_HEADER = "X-Stand-In-Session";

    /** The largest body read: Finnhub's US symbol master is several megabytes. */
    private static final int MAX_BODY = 32 * 1024 * 1024;

    /** A provider's answer as received. */
    record Answer(int status, String body, boolean simulated) {}

    private final ProviderName provider;
    private final WebClient client;
    private final String baseUrl;
    private final Duration timeout;

    ProviderHttp(ProviderName provider, WebClient.Builder builder, URI baseUrl, Duration timeout) {
        this.provider = provider;
        this.client = builder.clone()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY))
                .build();
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.timeout = timeout;
    }

    Mono<Answer> get(String path, Map<String, String> query, Consumer<HttpHeaders> headers) {
        return exchange(HttpMethod.GET, path, query, headers, null);
    }

    Mono<Answer> postJson(String path, Object body, Consumer<HttpHeaders> headers) {
        return exchange(HttpMethod.POST, path, Map.of(), headers, body);
    }

    private Mono<Answer> exchange(
            HttpMethod method, String path, Map<String, String> query, Consumer<HttpHeaders> headers, Object body) {
        WebClient.RequestBodySpec request =
                client.method(method).uri(uri(path, query)).headers(headers).accept(MediaType.APPLICATION_JSON);
        WebClient.RequestHeadersSpec<?> ready = body == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(text -> new Answer(
                                response.statusCode().value(),
                                text,
                                "simulated"
                                        .equalsIgnoreCase(response.headers()
                                                .asHttpHeaders()
                                                .getFirst(SESSION_HEADER)))))
                .timeout(timeout)
                .onErrorMap(
                        TimeoutException.class,
                        e -> new ProviderException.Unavailable(provider, "no answer within " + timeout, e))
                .onErrorMap(
                        WebClientException.class,
                        e -> new ProviderException.Unavailable(provider, "unreachable: " + e.getMessage(), e));
    }

    /**
     * The URL with every query value percent-encoded here, once: a data.go.kr service key holds {@code +}, {@code /}
     * and {@code =}, and a {@code +} left as it is would reach the provider as a space.
     */
    URI uri(String path, Map<String, String> query) {
        StringBuilder url = new StringBuilder(baseUrl).append(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : new LinkedHashMap<>(query).entrySet()) {
            if (parameter.getValue() == null) {
                continue;
            }
            url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
