package dev.tarsspeedy.catalog;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static dev.tarsspeedy.platform.test.problem.ProblemBundles.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.catalog.support.CatalogMother;
import dev.tarsspeedy.catalog.support.CatalogTestBase;
import dev.tarsspeedy.platform.test.problem.ProblemBundles;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
class ProblemLanguageIT extends CatalogTestBase {

    /** How to cause a type, its status, and the bundle key of its detail. */
    private record Trigger(HttpStatus status, String detailKey, Function<String, WebTestClient.ResponseSpec> request) {}

    static Stream<Arguments> typesAndLanguages() {
        Stream<String> types =
                Stream.concat(ProblemBundles.types(ProblemBundles.SERVICE).stream(), Stream.of("validation"));
        return types.flatMap(type -> Stream.of(Arguments.of(type, "ko"), Arguments.of(type, "en")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("typesAndLanguages")
    void everyProblemTypeAnswersInTheReadersLanguage(String type, String language) {
        Trigger trigger = triggers().get(type);
        assertThat(trigger).as("a way to cause %s", type).isNotNull();

        WebTestClient.ResponseSpec response = trigger.request().apply(language);
        response.expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, language);
        Map<String, Object> problem = assertProblem(response, trigger.status(), type);

        String title = (String) problem.get("title");
        String detail = (String) problem.get("detail");
        assertThat(title).isEqualTo(text(type + ".title", language));
        if (trigger.detailKey() != null) {
            assertThat(detail).isEqualTo(text(trigger.detailKey(), language));
        }
        ProblemBundles.assertInLanguage(problem, language);
    }

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

    private Map<String, Trigger> triggers() {
        Map<String, Trigger> triggers = new LinkedHashMap<>();
        triggers.put(
                "product-not-found",
                new Trigger(
                        HttpStatus.NOT_FOUND,
                        "product-not-found.detail",
                        language -> send(HttpMethod.GET, "/api/products/" + UUID.randomUUID(), null, language)));
        triggers.put(
                "unknown-product",
                new Trigger(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "unknown-product.detail",
                        language -> send(
                                HttpMethod.POST,
                                "/api/admin/drops",
                                CatalogMother.drop(UUID.randomUUID(), clock.instant())
                                        .build(),
                                language)));
        triggers.put(
                "drop-not-found",
                new Trigger(
                        HttpStatus.NOT_FOUND,
                        "drop-not-found.detail",
                        language -> send(HttpMethod.GET, "/api/drops/" + UUID.randomUUID(), null, language)));
        triggers.put("drop-already-open", new Trigger(HttpStatus.CONFLICT, "drop-already-open.detail", language -> {
            Map<String, Object> drop = newDrop(Duration.ofMinutes(1));
            clock.advance(Duration.ofMinutes(2));
            return send(HttpMethod.PATCH, "/api/admin/drops/" + drop.get("id"), Map.of("price", 1), language);
        }));
        triggers.put(
                "unsubscribe-link-unknown",
                new Trigger(
                        HttpStatus.NOT_FOUND,
                        "unsubscribe-link-unknown.detail",
                        language -> send(
                                HttpMethod.POST, "/api/wishlist/reminders/no-such-token/unsubscribe", null, language)));
        triggers.put(
                "validation",
                new Trigger(
                        HttpStatus.BAD_REQUEST,
                        null,
                        language -> send(
                                HttpMethod.POST,
                                "/api/admin/drops",
                                CatalogMother.drop(createProduct().get("id"), clock.instant())
                                        .price(-1)
                                        .build(),
                                language)));
        return triggers;
    }

    /** An operator's request in the language; {@code body} {@code null} sends none. */
    private WebTestClient.ResponseSpec send(HttpMethod method, String path, Object body, String language) {
        WebTestClient.RequestBodySpec request = client().method(method)
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
                .header(HttpHeaders.ACCEPT_LANGUAGE, language);
        if (body == null) {
            return request.exchange();
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
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
