package dev.tarsspeedy.notification.delivery.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.notification.delivery.DeliveryState;
import dev.tarsspeedy.notification.support.NotificationTestBase;
import dev.tarsspeedy.notification.support.Requests;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

/**
 * GET /api/notifications/deliveries: the operators' delivery log, filtered and paged, newest first; operators only;
 * bad filters are 400 problems.
 */
class DeliveryLogIT extends NotificationTestBase {

    private static final String PATH = "/api/notifications/deliveries";

    private String recipient;
    private String signUp;
    private String reset;
    private String unknown;

    /** Three requests to one new address, one after another: a sign-up code, a reset code, an unknown template. */
    @BeforeEach
    void threeMailsToOneAddress() {
        String run = run();
        recipient = "ops." + run + "@example.com";
        signUp = "ops:" + run + ":signup";
        reset = "ops:" + run + ":reset";
        unknown = "ops:" + run + ":unknown";
        Requests.send(TOPIC, Requests.signUpCode(signUp, "ko", recipient));
        awaitState(signUp, DeliveryState.SENT);
        Requests.send(
                TOPIC,
                Requests.transactional(
                        reset,
                        "password-reset",
                        "en",
                        recipient,
                        Map.of("name", "Minjun", "code", "123456", "expiresInMinutes", 10)));
        awaitState(reset, DeliveryState.SENT);
        Requests.send(TOPIC, Requests.transactional(unknown, "weekly-digest", "en", recipient, Map.of()));
        awaitState(unknown, DeliveryState.DEAD_LETTERED);
    }

    @Test
    void anOperatorSeesARecipientsMailsNewestFirst() {
        Map<String, Object> page =
                deliveries(adminToken(), uri -> uri.queryParam("recipient", recipient.toUpperCase()));

        assertThat(keys(page)).containsExactly(unknown, reset, signUp);
        assertThat(page).containsEntry("total", 3).containsEntry("page", 0).containsEntry("size", 20);
        Map<String, Object> signUpRow = items(page).get(2);
        assertThat(signUpRow)
                .containsEntry("template", "signup-verification")
                .containsEntry("recipient", recipient)
                .containsEntry("locale", "ko")
                .containsEntry("category", "TRANSACTIONAL")
                .containsEntry("status", "SENT")
                .containsEntry("attempts", 1)
                .containsKeys("messageId", "receivedAt", "sentAt");
        assertThat(items(page).getFirst()).containsEntry("status", "DEAD_LETTERED");
        assertThat((String) items(page).getFirst().get("lastError")).contains("weekly-digest");
    }

    @Test
    void filtersByTemplateStatusAndPeriod() {
        assertThat(keys(deliveries(
                        adminToken(),
                        uri -> uri.queryParam("recipient", recipient).queryParam("template", "password-reset"))))
                .containsExactly(reset);
        assertThat(keys(deliveries(
                        adminToken(),
                        uri -> uri.queryParam("recipient", recipient).queryParam("status", "SENT"))))
                .containsExactly(reset, signUp);

        Instant resetReceived = record(reset).orElseThrow().receivedAt();
        assertThat(keys(deliveries(
                        adminToken(),
                        uri -> uri.queryParam("recipient", recipient)
                                .queryParam("from", resetReceived.toString())
                                .queryParam("to", resetReceived.plusNanos(1000).toString()))))
                .as("from inclusive, to exclusive")
                .containsExactly(reset);
        assertThat(keys(deliveries(
                        adminToken(),
                        uri -> uri.queryParam("recipient", recipient).queryParam("to", resetReceived.toString()))))
                .containsExactly(signUp);
    }

    @Test
    void pagesOfOne() {
        Map<String, Object> second = deliveries(
                adminToken(),
                uri -> uri.queryParam("recipient", recipient)
                        .queryParam("page", 1)
                        .queryParam("size", 1));

        assertThat(keys(second)).containsExactly(reset);
        assertThat(second).containsEntry("total", 3).containsEntry("page", 1).containsEntry("size", 1);
        assertThat(keys(deliveries(
                        adminToken(),
                        uri -> uri.queryParam("recipient", recipient)
                                .queryParam("page", 3)
                                .queryParam("size", 1))))
                .isEmpty();
    }

    @Test
    void onlyOperatorsMayReadIt() {
        assertProblem(get(null, uri -> uri), HttpStatus.UNAUTHORIZED, "unauthorized");
        assertProblem(get(userToken(UUID.randomUUID()), uri -> uri), HttpStatus.FORBIDDEN, "forbidden");
    }

    @Test
    void badFiltersAreProblems() {
        Map<String, Object> status = assertProblem(
                get(adminToken(), uri -> uri.queryParam("status", "LOST")), HttpStatus.BAD_REQUEST, "bad-request");
        assertThat(status).containsEntry("detail", "Query parameter 'status' has no valid value.");
        assertProblem(
                get(adminToken(), uri -> uri.queryParam("from", "yesterday")), HttpStatus.BAD_REQUEST, "bad-request");

        Map<String, Object> size = assertProblem(
                get(adminToken(), uri -> uri.queryParam("size", 101)), HttpStatus.BAD_REQUEST, "invalid-page");
        assertThat(size).containsEntry("detail", "page must be 0 or more and size between 1 and 100.");
        assertProblem(get(adminToken(), uri -> uri.queryParam("page", -1)), HttpStatus.BAD_REQUEST, "invalid-page");

        Instant now = Instant.now();
        Map<String, Object> period = assertProblem(
                get(adminToken(), uri -> uri.queryParam("from", now.toString()).queryParam("to", now.toString())),
                HttpStatus.BAD_REQUEST,
                "invalid-period");
        assertThat(period)
                .containsEntry("detail", "The period must end (to) after it starts (from).")
                .containsEntry("field", "to");
    }

    private WebTestClient.ResponseSpec get(String token, java.util.function.Function<UriBuilder, UriBuilder> query) {
        return client(token)
                .get()
                .uri(uri -> query.apply(uri.path(PATH)).build())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange();
    }

    private Map<String, Object> deliveries(String token, java.util.function.Function<UriBuilder, UriBuilder> query) {
        return get(token, query)
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static List<Object> keys(Map<String, Object> page) {
        return items(page).stream().map(item -> item.get("idempotencyKey")).toList();
    }
}
