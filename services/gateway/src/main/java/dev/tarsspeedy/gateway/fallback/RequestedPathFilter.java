package dev.tarsspeedy.gateway.fallback;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Remembers the path the client asked for, on every route, so that the fallback's problem names it as its
 * {@code instance} after the circuit breaker has rewritten the request to {@code /fallback/...} (Spring Cloud
 * Gateway records the original URL only when a filter rewrites the path).
 */
@Component
public class RequestedPathFilter implements GlobalFilter, Ordered {

    public static final String ATTRIBUTE = RequestedPathFilter.class.getName() + ".path";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        exchange.getAttributes()
                .putIfAbsent(ATTRIBUTE, exchange.getRequest().getPath().value());
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
