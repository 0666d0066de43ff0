package dev.tarsspeedy.gateway.ratelimit;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.tarsspeedy.platform.problem.Problem;
import dev.tarsspeedy.platform.problem.ProblemWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code RateLimit}: the stock {@code RequestRateLimiter} with a useful refusal. A request over the limit gets a
 * 429 {@code too-many-requests} problem with {@code Retry-After} in whole seconds (the stock filter answers an
 * empty body without it). Applied to every route as a default filter, one bucket per client and route.
 *
 * <p>Fails open: when Redis is down or slow (bounded by {@code spring.data.redis.timeout}) the request goes
 * through and a warning is logged (at most every {@link #WARNING_INTERVAL}, with the number of requests let
 * through). An outage of the limiter's store must not turn into 500s or take the platform down; the circuit
 * breakers and the services' own checks still protect them meanwhile. {@link RedisRateLimiter} already answers
 * "allowed, {@code -1} tokens left" when its Redis call fails (and logs an error with a stack trace per request,
 * which {@code application.yml} silences in favour of this warning); any other error of the limiter is caught here.
 */
@Component
public class RateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    /**
     * Early: before Spring Cloud Gateway buffers the bodies of routes with a fallback (order
     * {@code HIGHEST_PRECEDENCE + 1000}) and before each route's circuit breaker, so a refused request costs neither
     * memory nor a breaker call.
     */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    static final Duration WARNING_INTERVAL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(RateLimitGatewayFilterFactory.class);
    private static final RateLimiter.Response FAIL_OPEN = new RateLimiter.Response(true, Map.of());
    private static final String UNKNOWN_TOKENS = "-1";

    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL.toNanos());
    private final AtomicLong letThroughSinceWarning = new AtomicLong();

    private final RateLimiter<?> limiter;
    private final KeyResolver keys;
    private final RateLimitSettings properties;
    private final ProblemWriter problems;

    RateLimitGatewayFilterFactory(
            RateLimiter<?> limiter, KeyResolver keys, RateLimitSettings properties, ProblemWriter problems) {
        this.limiter = limiter;
        this.keys = keys;
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    public String name() {
        return "RateLimit";
    }

    @Override
    public GatewayFilter apply(Object config) {
        return new OrderedGatewayFilter(this::filter, ORDER);
    }

    Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        String routeId = route != null ? route.getId() : "unrouted";
        return keys.resolve(exchange)
                .flatMap(key -> limiter.isAllowed(routeId, key))
                .defaultIfEmpty(FAIL_OPEN)
                .onErrorResume(error -> {
                    // Fail open (see the class comment): the limiter is a guard, not a dependency of every request.
                    failedOpen(error.toString());
                    return Mono.just(FAIL_OPEN);
                })
                .flatMap(response -> {
                    if (UNKNOWN_TOKENS.equals(response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER))) {
                        failedOpen("Redis did not answer (see spring.data.redis.*)");
                        return chain.filter(exchange);
                    }
                    if (properties.includeHeaders()) {
                        response.getHeaders().forEach(exchange.getResponse().getHeaders()::set);
                    }
                    return response.isAllowed() ? chain.filter(exchange) : refuse(exchange, response);
                });
    }

    private void failedOpen(String reason) {
        long letThrough = letThroughSinceWarning.incrementAndGet();
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARNING_INTERVAL.toNanos() && lastWarning.compareAndSet(last, now)) {
            letThroughSinceWarning.addAndGet(-letThrough);
            log.warn(
                    "rate limiter unavailable, letting requests through unlimited ({} since the last warning): {}",
                    letThrough,
                    reason);
        }
    }

    private Mono<Void> refuse(ServerWebExchange exchange, RateLimiter.Response response) {
        long retryAfter =
                RetryAfter.seconds(tokensLeft(response), properties.requestedTokens(), properties.replenishRate());
        return problems.write(
                exchange,
                Problem.standard(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests")
                        .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)));
    }

    private static long tokensLeft(RateLimiter.Response response) {
        String remaining = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
        try {
            return remaining == null ? 0 : Long.parseLong(remaining);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
