package dev.tarsspeedy.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.platform.problem.ProblemWriter;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

class RateLimitGatewayFilterFactoryTest {

    private static final RateLimitSettings LIMITS = new RateLimitSettings(2, 10, 4, true);
    private static final ProblemWriter PROBLEMS = new ProblemWriter(
            URI.create("https://tars-speedy.dev/problems/"),
            JsonMapper.builder().build());

    private final AtomicBoolean passedOn = new AtomicBoolean();
    private final GatewayFilterChain chain = exchange -> {
        passedOn.set(true);
        return Mono.empty();
    };

    @Test
    void aRefusalIsA429ProblemWithRetryAfter() {
        MockServerWebExchange exchange = exchange();
        filter(answering(new RateLimiter.Response(false, Map.of("X-RateLimit-Remaining", "1"))))
                .filter(exchange, chain)
                .block();

        assertThat(passedOn).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        // 4 tokens per request, 1 left, 2 per second: 1.5 s, rounded up.
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("2");
        assertThat(exchange.getResponse().getHeaders().getFirst("X-RateLimit-Remaining"))
                .isEqualTo("1");
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"type\":\"https://tars-speedy.dev/problems/too-many-requests\"");
    }

    @Test
    void anAllowedRequestGoesOn() {
        MockServerWebExchange exchange = exchange();
        filter(answering(new RateLimiter.Response(true, Map.of("X-RateLimit-Remaining", "9"))))
                .filter(exchange, chain)
                .block();

        assertThat(passedOn).isTrue();
        assertThat(exchange.getResponse().getHeaders().getFirst("X-RateLimit-Remaining"))
                .isEqualTo("9");
    }

    @Test
    void failsOpenWhenTheLimiterFails() {
        MockServerWebExchange exchange = exchange();
        filter(failing(Mono.error(new IllegalStateException("Redis is down"))))
                .filter(exchange, chain)
                .block();
        assertThat(passedOn).isTrue();
        assertThat(exchange.getResponse().getStatusCode()).isNull();
    }

    @Test
    void failsOpenWhenRedisRateLimiterCouldNotReachRedis() {
        // RedisRateLimiter's own fallback: allowed, -1 tokens left. Those headers would only confuse clients.
        MockServerWebExchange exchange = exchange();
        filter(answering(new RateLimiter.Response(true, Map.of("X-RateLimit-Remaining", "-1"))))
                .filter(exchange, chain)
                .block();

        assertThat(passedOn).isTrue();
        assertThat(exchange.getResponse().getHeaders().containsHeader("X-RateLimit-Remaining"))
                .isFalse();
    }

    @Test
    void failsOpenWhenTheLimiterThrows() {
        filter(new TestLimiter() {
                    @Override
                    public Mono<Response> isAllowed(String routeId, String id) {
                        throw new IllegalStateException("RedisRateLimiter is not initialized");
                    }
                })
                .filter(exchange(), chain)
                .block();
        assertThat(passedOn).isTrue();
    }

    private static RateLimitGatewayFilterFactory filter(RateLimiter<?> limiter) {
        return new RateLimitGatewayFilterFactory(limiter, exchange -> Mono.just("user:u"), LIMITS, PROBLEMS);
    }

    private static MockServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/drops/1"));
    }

    private static RateLimiter<Object> answering(RateLimiter.Response response) {
        return failing(Mono.just(response));
    }

    private static RateLimiter<Object> failing(Mono<RateLimiter.Response> answer) {
        return new TestLimiter() {
            @Override
            public Mono<Response> isAllowed(String routeId, String id) {
                return answer;
            }
        };
    }

    private abstract static class TestLimiter implements RateLimiter<Object> {
        @Override
        public Map<String, Object> getConfig() {
            return Map.of();
        }

        @Override
        public Class<Object> getConfigClass() {
            return Object.class;
        }

        @Override
        public Object newConfig() {
            return new Object();
        }
    }
}
