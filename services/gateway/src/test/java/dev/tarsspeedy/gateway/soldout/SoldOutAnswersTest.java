package dev.tarsspeedy.gateway.soldout;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The filter on its own, with a chain that answers as the order service does for a sold-out drop. */
class SoldOutAnswersTest {

    private static final String BODY = "{\"quantity\":1}";

    private final AtomicInteger reachedService = new AtomicInteger();
    private final GatewayFilterChain soldOutService = exchange -> {
        reachedService.incrementAndGet();
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.CONFLICT);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set("Content-Language", "en");
        response.getHeaders().set("Sold-Out-Max-Age", "60000");
        return response.writeWith(Mono.just(DefaultDataBufferFactory.sharedInstance.wrap(
                "{\"type\":\"sold-out\"}".getBytes(StandardCharsets.UTF_8))));
    };

    @Test
    void switchedOffNothingIsRepeatedButTheHeaderStillStaysInside() {
        SoldOutAnswers filter = filter(false);

        for (int i = 0; i < 2; i++) {
            MockServerWebExchange exchange = attempt();
            filter.filter(exchange, soldOutService).block(Duration.ofSeconds(5));
            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(exchange.getResponse().getHeaders().containsHeader("Sold-Out-Max-Age"))
                    .isFalse();
        }
        assertThat(reachedService).hasValue(2);
    }

    @Test
    void switchedOnTheSecondAttemptIsAnsweredWithTheFirstAnswer() {
        SoldOutAnswers filter = filter(true);
        MockServerWebExchange first = attempt();
        filter.filter(first, soldOutService).block(Duration.ofSeconds(5));

        MockServerWebExchange second = attempt();
        filter.filter(second, soldOutService).block(Duration.ofSeconds(5));

        assertThat(reachedService).hasValue(1);
        assertThat(second.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getResponse().getBodyAsString().block()).isEqualTo("{\"type\":\"sold-out\"}");
    }

    @Test
    void otherMethodsAndPathsPassUntouched() {
        SoldOutAnswers filter = filter(true);
        filter.filter(attempt(), soldOutService).block(Duration.ofSeconds(5));

        filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/drops/d1/orders")), soldOutService)
                .block(Duration.ofSeconds(5));
        filter.filter(
                        MockServerWebExchange.from(MockServerHttpRequest.post("/api/drops/d1/other")
                                .contentType(MediaType.APPLICATION_JSON)
                                .header("Idempotency-Key", "k")
                                .body(BODY)),
                        soldOutService)
                .block(Duration.ofSeconds(5));

        assertThat(reachedService).hasValue(3);
    }

    private static SoldOutAnswers filter(boolean enabled) {
        return new SoldOutAnswers(
                new SoldOutSettings(enabled, "/api/drops/{dropId}/orders", Duration.ofSeconds(5), 100),
                JsonMapper.builder().build(),
                new SimpleMeterRegistry());
    }

    /** A well-formed attempt of one unit, its body read as Spring Cloud Gateway reads it for a route with a fallback. */
    private static MockServerWebExchange attempt() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/drops/d1/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "key-1")
                .body(BODY));
        exchange.getAttributes()
                .put(
                        ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR,
                        DefaultDataBufferFactory.sharedInstance.wrap(BODY.getBytes(StandardCharsets.UTF_8)));
        return exchange;
    }
}
