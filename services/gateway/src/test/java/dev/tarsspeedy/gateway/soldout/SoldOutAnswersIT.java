package dev.tarsspeedy.gateway.soldout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.gateway.fixture.Downstream;
import dev.tarsspeedy.gateway.fixture.GatewayTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The flood after a sell-out answered by the gateway: the stand-in service ({@link Downstream}) refuses buys as the
 * order service does, and counts what reaches it.
 */
class SoldOutAnswersIT extends GatewayTestBase {

    private static final String ONE_UNIT = "{\"quantity\":1}";

    @Autowired
    MeterRegistry meters;

    @Test
    void afterTheServiceSaidSoldOutTheNextBuyersGetTheSameAnswerFromTheGateway() {
        String drop = "sold-out-" + UUID.randomUUID();
        double before = answeredFromMemory();

        EntityExchangeResult<byte[]> first = attempt(drop, ONE_UNIT, request -> {});
        assertThat(first.getStatus().value()).isEqualTo(409);
        assertThat(first.getResponseHeaders().containsHeader("Sold-Out-Max-Age"))
                .as("the service's permission stays between it and the gateway")
                .isFalse();
        assertThat(reachedService(drop)).isEqualTo(1);

        for (int i = 0; i < 3; i++) {
            EntityExchangeResult<byte[]> repeated = attempt(drop, ONE_UNIT, request -> {});
            assertThat(repeated.getStatus().value()).isEqualTo(409);
            assertThat(repeated.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(repeated.getResponseHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE))
                    .isEqualTo("en");
            assertThat(repeated.getResponseBodyContent()).isEqualTo(first.getResponseBodyContent());
            assertThat(repeated.getResponseHeaders().getContentLength())
                    .isEqualTo(first.getResponseBodyContent().length);
        }
        assertThat(reachedService(drop)).as("answered by the gateway").isEqualTo(1);
        assertThat(answeredFromMemory() - before).isEqualTo(3);
    }

    @Test
    void eachLanguageIsLearnedFromTheServiceAndRepeatedToItsReadersOnly() {
        String drop = "sold-out-" + UUID.randomUUID();
        attempt(drop, ONE_UNIT, request -> {});

        EntityExchangeResult<byte[]> korean = attempt(drop, ONE_UNIT, korean());
        assertThat(reachedService(drop)).as("no Korean answer to repeat yet").isEqualTo(2);
        assertThat(body(korean)).contains("품절");

        EntityExchangeResult<byte[]> repeated = attempt(drop, ONE_UNIT, korean());
        assertThat(reachedService(drop)).isEqualTo(2);
        assertThat(repeated.getResponseHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE))
                .isEqualTo("ko");
        assertThat(repeated.getResponseBodyContent()).isEqualTo(korean.getResponseBodyContent());
        assertThat(body(attempt(drop, ONE_UNIT, request -> {}))).contains("Sold out");
        assertThat(reachedService(drop)).isEqualTo(2);
    }

    @Test
    void anAnswerInAnotherLanguageThanTheReadersIsNotKept() {
        String drop = "korean-only-" + UUID.randomUUID();
        attempt(drop, ONE_UNIT, request -> {});
        attempt(drop, ONE_UNIT, request -> {});

        assertThat(reachedService(drop)).isEqualTo(2);
    }

    @Test
    void anythingButAWellFormedAttemptOfOneUnitStillReachesTheService() {
        String drop = "sold-out-" + UUID.randomUUID();
        attempt(drop, ONE_UNIT, request -> {});
        int reached = reachedService(drop);

        attempt(drop, "{\"quantity\":2}", request -> {});
        attempt(drop, "{\"quantity\":\"1\"}", request -> {});
        attempt(drop, "{\"quantity\":1.5}", request -> {});
        attempt(drop, "{\"quantity\":1,\"note\":\"x\"}", request -> {});
        attempt(drop, "{\"quantity\":", request -> {});
        attempt(drop, ONE_UNIT, request -> request.headers(headers -> headers.remove("Idempotency-Key")));
        attempt(drop, ONE_UNIT, request -> request.headers(headers -> headers.set("Idempotency-Key", "k".repeat(101))));
        attempt(drop, ONE_UNIT, request -> request.header("Idempotency-Key", "a second key"));
        attempt(drop, ONE_UNIT, request -> request.contentType(MediaType.TEXT_PLAIN));

        assertThat(reachedService(drop)).isEqualTo(reached + 9);
        // Whitespace is no reason to ask the service.
        attempt(drop, " { \"quantity\" : 1 }\n", request -> {});
        assertThat(reachedService(drop)).isEqualTo(reached + 9);
    }

    @Test
    void aBuyerWithoutATokenIsStillRefusedAsUnauthenticated() {
        String drop = "sold-out-" + UUID.randomUUID();
        attempt(drop, ONE_UNIT, request -> {});

        client().post()
                .uri(Downstream.BUY_PREFIX + drop + "/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(ONE_UNIT)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(reachedService(drop)).isEqualTo(1);
    }

    @Test
    void otherRefusalsAreNeverRepeated() {
        String drop = "limit-" + UUID.randomUUID();
        attempt(drop, ONE_UNIT, request -> {});
        attempt(drop, ONE_UNIT, request -> {});

        assertThat(reachedService(drop)).isEqualTo(2);
    }

    @Test
    void theAnswerIsRepeatedNoLongerThanTheServiceAllowed() {
        String drop = "brief-" + UUID.randomUUID();
        attempt(drop, ONE_UNIT, request -> {});
        attempt(drop, ONE_UNIT, request -> {});
        assertThat(reachedService(drop)).as("repeated while allowed").isEqualTo(1);

        // Downstream.BRIEF_MAX_AGE_MILLIS later the service is asked again.
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    attempt(drop, ONE_UNIT, request -> {});
                    return reachedService(drop) == 2;
                });
    }

    /** One attempt to buy, by a buyer of its own (the rate limit is per buyer). */
    private EntityExchangeResult<byte[]> attempt(
            String drop, String body, Consumer<WebTestClient.RequestBodySpec> adjust) {
        WebTestClient.RequestBodySpec request = client().post()
                .uri(Downstream.BUY_PREFIX + drop + "/orders")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString());
        adjust.accept(request);
        return request.bodyValue(body).exchange().expectBody().returnResult();
    }

    private static Consumer<WebTestClient.RequestBodySpec> korean() {
        return request -> request.header(HttpHeaders.ACCEPT_LANGUAGE, "ko-KR,ko;q=0.9");
    }

    private static int reachedService(String drop) {
        return (int) DOWNSTREAM.received().stream()
                .filter(received -> received.pathAndQuery().equals(Downstream.BUY_PREFIX + drop + "/orders"))
                .count();
    }

    private static String body(EntityExchangeResult<byte[]> result) {
        return new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
    }

    private double answeredFromMemory() {
        return meters.get("speedy.buy.attempts")
                .tag("outcome", "sold_out")
                .counter()
                .count();
    }
}
