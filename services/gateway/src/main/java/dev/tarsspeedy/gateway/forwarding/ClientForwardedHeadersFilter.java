package dev.tarsspeedy.gateway.forwarding;

import dev.tarsspeedy.gateway.ClientAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is: on every proxied request, {@code X-Forwarded-For} is set to the
 * {@link ClientAddress} (one value, never appended to), and {@code X-Forwarded-Proto}, {@code -Host} and
 * {@code -Port} to the scheme and authority the client used. The identity service throttles failed logins per client
 * address from {@code X-Forwarded-For}; without this every request would come from the gateway, and one client's
 * failures would lock logins for everyone.
 *
 * <p>Whatever forwarding headers the client sent ({@code X-Forwarded-*}, {@code Forwarded}) are dropped first: a
 * service reads the first {@code X-Forwarded-For} entry, and {@code Forwarded} would even take precedence over it, so
 * passing either on would let a client choose the address it is throttled under. Spring Cloud Gateway's own
 * filters only strip them (no {@code trusted-proxies}) or record the peer only when it is a trusted proxy; this one
 * runs after them and has the last word. Behind a load balancer the gateway's own
 * {@code server.forward-headers-strategy=framework} has already resolved the client address, scheme and host from
 * that balancer's headers, so the same code is right with and without one.
 */
@Component
class ClientForwardedHeadersFilter implements HttpHeadersFilter, Ordered {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    static final String X_FORWARDED_PORT = "X-Forwarded-Port";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = HttpHeaders.copyOf(input);
        for (String name : List.copyOf(headers.headerNames())) {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if (lowerCase.startsWith("x-forwarded-") || lowerCase.equals("forwarded")) {
                headers.remove(name);
            }
        }
        ServerHttpRequest request = exchange.getRequest();
        ClientAddress.of(request).ifPresent(address -> headers.set(X_FORWARDED_FOR, address));
        URI uri = request.getURI();
        if (uri.getScheme() != null && uri.getHost() != null) {
            int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme());
            headers.set(X_FORWARDED_PROTO, uri.getScheme());
            // IPv6 hosts keep their brackets (URI.getHost), as a Host header writes them.
            headers.set(X_FORWARDED_HOST, uri.getPort() != -1 ? uri.getHost() + ":" + uri.getPort() : uri.getHost());
            headers.set(X_FORWARDED_PORT, Integer.toString(port));
        }
        return headers;
    }

    private static int defaultPort(String scheme) {
        return scheme.equalsIgnoreCase("https") ? 443 : 80;
    }

    /** Last: after Spring Cloud Gateway's (X-)Forwarded filters (order 0), so nothing is added after this. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
