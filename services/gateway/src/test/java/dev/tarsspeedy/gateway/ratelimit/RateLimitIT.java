package dev.tarsspeedy.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.gateway.fixture.GatewayTestBase;
import dev.tarsspeedy.platform.redis.LuaScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Limits in real Redis: replenish 1/s, burst 5 in application-test.yml. */
class RateLimitIT extends GatewayTestBase {

    @Autowired
    ApplicationContext context;

    @Test
    void aBurstBeyondTheLimitIs429ProblemWithRetryAfterForThatUserOnly() {
        String greedy = userToken();
        List<EntityExchangeResult<byte[]>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            results.add(get(greedy));
        }
        List<Integer> statuses =
                results.stream().map(r -> r.getStatus().value()).toList();
        // The bucket starts full: the first five pass, then the refusals start (one token comes back per second).
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses).contains(429);

        EntityExchangeResult<byte[]> refused = results.stream()
                .filter(r -> r.getStatus().value() == 429)
                .findFirst()
                .orElseThrow();
        assertThat(refused.getResponseHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("1");
        assertThat(refused.getResponseHeaders().getFirst("X-RateLimit-Remaining"))
                .isEqualTo("0");
        assertThat(new String(refused.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"type\":\"" + PROBLEMS + "too-many-requests\"", "\"status\":429");

        // Another user has a bucket of their own.
        assertThat(get(userToken()).getStatus()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theRefusalIsAProblemInTheReadersLanguage() {
        String token = userToken();
        Map<String, Object> problem = null;
        for (int i = 0; i < 20 && problem == null; i++) {
            EntityExchangeResult<Map<String, Object>> result = client().get()
                    .uri(unique("/api/echo/items"))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "ko")
                    .exchange()
                    .expectBody(MAP)
                    .returnResult();
            if (result.getStatus() == HttpStatus.TOO_MANY_REQUESTS) {
                problem = result.getResponseBody();
            }
        }
        assertThat(problem)
                .containsEntry("type", PROBLEMS + "too-many-requests")
                .containsEntry("title", "요청이 너무 많음")
                .containsEntry("status", 429);
    }

    @Test
    void theBucketsScriptIsReadOnceNotPerRequest() {
        Object script = ReflectionTestUtils.getField(context.getBean(RedisRateLimiter.class), "script");

        assertThat(script).isInstanceOf(LuaScript.class);
        assertThat(((LuaScript<?>) script).getScriptAsString()).contains("redis.call");
    }

    private EntityExchangeResult<byte[]> get(String token) {
        return client().get()
                .uri(unique("/api/echo/items"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectBody()
                .returnResult();
    }
}
