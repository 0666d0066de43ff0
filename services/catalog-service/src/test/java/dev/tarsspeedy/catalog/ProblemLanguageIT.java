package dev.tarsspeedy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.catalog.support.CatalogMother;
import dev.tarsspeedy.catalog.support.CatalogTestBase;
import dev.tarsspeedy.platform.test.problem.ProblemLanguageContract;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers.Detail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every problem type of the catalog service (every type its bundle titles), and the platform's validation problem
 * with the service's own rules, triggered for real: in Korean with {@code Accept-Language: ko}, in English with
 * {@code en}; titles, details and field messages alike.
 */
class ProblemLanguageIT extends CatalogTestBase implements ProblemLanguageContract {

    @Test
    void theRulesOfADropAreInBothLanguages() {
        Object productId = createProduct().get("id");
        Instant now = clock.instant();
        Map<String, Object> body = CatalogMother.drop(productId, now)
                .price(-5)
                .quantity(0)
                .perUserLimit(0)
                .opensAt(now.minusSeconds(60))
                .closesAt(now.minusSeconds(120))
                .build();

        Map<String, Object> korean = validation(send(HttpMethod.POST, "/api/admin/drops", body, "ko"));
        assertThat(korean)
                .containsEntry("title", "잘못된 요청")
                .containsEntry("detail", "유효하지 않은 필드가 있습니다: price, quantity, perUserLimit, closesAt, opensAt.");
        assertThat(fieldMessages(korean))
                .containsExactly(
                        Map.entry("price", "0 이상이어야 합니다"),
                        Map.entry("quantity", "1 이상이어야 합니다"),
                        Map.entry("perUserLimit", "1 이상이어야 합니다"),
                        Map.entry("closesAt", "opensAt보다 뒤여야 합니다"),
                        Map.entry("opensAt", "미래 시각이어야 합니다"));

        Map<String, Object> english = validation(send(HttpMethod.POST, "/api/admin/drops", body, "en"));
        assertThat(english)
                .containsEntry("title", "Invalid request")
                .containsEntry("detail", "Some fields are invalid: price, quantity, perUserLimit, closesAt, opensAt.");
        assertThat(fieldMessages(english))
                .containsExactly(
                        Map.entry("price", "must be greater than or equal to 0"),
                        Map.entry("quantity", "must be greater than or equal to 1"),
                        Map.entry("perUserLimit", "must be greater than or equal to 1"),
                        Map.entry("closesAt", "must be after opensAt"),
                        Map.entry("opensAt", "must be in the future"));

        Map<String, Object> overLimit =
                CatalogMother.drop(productId, now).quantity(3).perUserLimit(4).build();
        assertThat(fieldMessages(validation(send(HttpMethod.POST, "/api/admin/drops", overLimit, "ko"))))
                .containsExactly(Map.entry("perUserLimit", "quantity보다 클 수 없습니다"));
        assertThat(fieldMessages(validation(send(HttpMethod.POST, "/api/admin/drops", overLimit, "en"))))
                .containsExactly(Map.entry("perUserLimit", "must not be greater than quantity"));
    }

    @Test
    void theListingsParametersAreInBothLanguages() {
        String path = "/api/drops?status=SOON&page=-1&size=1000";
        Map<String, Object> korean = validation(send(HttpMethod.GET, path, null, "ko"));
        assertThat(korean).containsEntry("detail", "유효하지 않은 필드가 있습니다: status, page, size.");
        assertThat(fieldMessages(korean))
                .containsExactly(
                        Map.entry("status", "UPCOMING, OPEN, SOLD_OUT, CLOSED 중 하나여야 합니다"),
                        Map.entry("page", "0 이상이어야 합니다"),
                        Map.entry("size", "1에서 100 사이여야 합니다"));

        Map<String, Object> english = validation(send(HttpMethod.GET, path, null, "en"));
        assertThat(english).containsEntry("detail", "Some fields are invalid: status, page, size.");
        assertThat(fieldMessages(english))
                .containsExactly(
                        Map.entry("status", "must be one of UPCOMING, OPEN, SOLD_OUT, CLOSED"),
                        Map.entry("page", "must be greater than or equal to 0"),
                        Map.entry("size", "must be between 1 and 100"));
    }

    @Test
    void theConstraintsOfAProductAreInBothLanguages() {
        Map<String, Object> body = CatalogMother.product(" ");
        body.put("imageUrl", "javascript:alert(1)");
        body.remove("description");

        assertThat(fieldMessages(validation(send(HttpMethod.POST, "/api/admin/products", body, "ko"))))
                .containsOnly(
                        Map.entry("name", "비어 있을 수 없습니다"),
                        Map.entry("description", "필수 값입니다"),
                        Map.entry("imageUrl", "http 또는 https로 시작하는 절대 URL이어야 합니다"));
        assertThat(fieldMessages(validation(send(HttpMethod.POST, "/api/admin/products", body, "en"))))
                .containsOnly(
                        Map.entry("name", "must not be blank"),
                        Map.entry("description", "must not be null"),
                        Map.entry("imageUrl", "must be an absolute http(s) URL"));
    }

    @Test
    void anUnknownProductIsNamedInBothLanguages() {
        Map<String, Object> body =
                CatalogMother.drop(UUID.randomUUID(), clock.instant()).build();

        Map<String, Object> korean = assertProblem(
                send(HttpMethod.POST, "/api/admin/drops", body, "ko"),
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown-product");
        assertThat(korean).containsEntry("title", "알 수 없는 상품").containsEntry("detail", "요청에 있는 상품이 존재하지 않습니다.");
        assertThat(fieldMessages(korean)).containsExactly(Map.entry("productId", "이 ID의 상품이 없습니다"));

        Map<String, Object> english = assertProblem(
                send(HttpMethod.POST, "/api/admin/drops", body, "en"),
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown-product");
        assertThat(english)
                .containsEntry("title", "Unknown product")
                .containsEntry("detail", "The request names a product that does not exist.");
        assertThat(fieldMessages(english)).containsExactly(Map.entry("productId", "no product has this id"));
    }

    @Override
    public ProblemTriggers problemTriggers() {
        return ProblemTriggers.create()
                .trigger(
                        "product-not-found",
                        HttpStatus.NOT_FOUND,
                        () -> request(HttpMethod.GET, "/api/products/" + UUID.randomUUID(), null))
                .trigger(
                        "unknown-product",
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        () -> request(
                                HttpMethod.POST,
                                "/api/admin/drops",
                                CatalogMother.drop(UUID.randomUUID(), clock.instant())
                                        .build()))
                .trigger(
                        "drop-not-found",
                        HttpStatus.NOT_FOUND,
                        () -> request(HttpMethod.GET, "/api/drops/" + UUID.randomUUID(), null))
                .trigger("drop-already-open", HttpStatus.CONFLICT, () -> {
                    Map<String, Object> drop = newDrop(Duration.ofMinutes(1));
                    clock.advance(Duration.ofMinutes(2));
                    return request(HttpMethod.PATCH, "/api/admin/drops/" + drop.get("id"), Map.of("price", 1));
                })
                .trigger(
                        "unsubscribe-link-unknown",
                        HttpStatus.NOT_FOUND,
                        () -> request(HttpMethod.POST, "/api/wishlist/reminders/no-such-token/unsubscribe", null))
                // The platform's type with the service's rules; the tests above check its detail word for word.
                .trigger(
                        "validation",
                        HttpStatus.BAD_REQUEST,
                        Detail.inReadersLanguage(),
                        () -> request(
                                HttpMethod.POST,
                                "/api/admin/drops",
                                CatalogMother.drop(createProduct().get("id"), clock.instant())
                                        .price(-1)
                                        .build()));
    }

    /** An operator's request in the language; {@code body} {@code null} sends none. */
    private WebTestClient.ResponseSpec send(HttpMethod method, String path, Object body, String language) {
        return request(method, path, body)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }

    /** An operator's request, not yet sent; {@code body} {@code null} sends none. */
    private WebTestClient.RequestHeadersSpec<?> request(HttpMethod method, String path, Object body) {
        WebTestClient.RequestBodySpec request =
                client(adminToken()).method(method).uri(path);
        if (body == null) {
            return request;
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private static Map<String, Object> validation(WebTestClient.ResponseSpec response) {
        return assertProblem(response, HttpStatus.BAD_REQUEST, "validation");
    }

    /** The field messages in the order the problem lists them. */
    private static List<Map.Entry<String, String>> fieldMessages(Map<String, Object> problem) {
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) problem.get("errors");
        return errors.stream()
                .map(error -> Map.entry(error.get("field"), error.get("message")))
                .toList();
    }
}
