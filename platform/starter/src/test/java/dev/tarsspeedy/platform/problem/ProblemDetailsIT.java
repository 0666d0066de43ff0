package dev.tarsspeedy.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.platform.fixture.StarterTestBase;
import dev.tarsspeedy.platform.test.ProblemAssertions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every client mistake is a 4xx problem with a precise detail; nothing else leaks. */
class ProblemDetailsIT extends StarterTestBase {

    private static final String TYPES = ProblemAssertions.TYPES;

    @Test
    void validationListsTheOffendingFields() {
        Map<String, Object> problem = post("{\"name\":\"\",\"quantity\":0,\"contact\":\"not-an-email\"}")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();

        assertThat(problem)
                .containsEntry("type", TYPES + "validation")
                .containsEntry("title", "Invalid request")
                .containsEntry("status", 400)
                .containsEntry("instance", "/api/things");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) problem.get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("name", "quantity", "contact");
        assertThat(problem.get("detail").toString()).contains("name", "quantity", "contact");
    }

    @Test
    void malformedJsonIsA400() {
        assertProblem(post("{\"name\": \"x\", "), HttpStatus.BAD_REQUEST, "malformed-request");
    }

    @Test
    void aWrongJsonTypeNamesTheField() {
        Map<String, Object> problem =
                assertProblem(post("{\"name\":\"x\",\"quantity\":\"many\"}"), HttpStatus.BAD_REQUEST, "wrong-type");
        assertThat(problem.get("detail").toString()).contains("quantity");
    }

    @Test
    void aFractionForAWholeNumberIsRefusedNotCut() {
        Map<String, Object> problem =
                assertProblem(post("{\"name\":\"x\",\"quantity\":1.5}"), HttpStatus.BAD_REQUEST, "wrong-type");
        assertThat(problem.get("detail").toString()).contains("quantity");
    }

    @Test
    void aMissingBodyAndAMissingHeaderAre400s() {
        assertProblem(
                client.post()
                        .uri("/api/things")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                        .header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "missing-body");
        Map<String, Object> missingHeader = assertProblem(
                client.post()
                        .uri("/api/things")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"name\":\"x\",\"quantity\":1}")
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "missing-value");
        assertThat(missingHeader.get("detail").toString()).contains("Idempotency-Key");
    }

    @Test
    void unknownRouteIs404() {
        assertProblem(
                client.get()
                        .uri("/api/nothing-here")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "not-found");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        WebTestClient.ResponseSpec response = client.delete()
                .uri("/api/things")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .exchange();
        response.expectHeader().valueEquals(HttpHeaders.ALLOW, "POST");
        assertProblem(response, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed");
    }

    @Test
    void unsupportedMediaTypeIs415() {
        assertProblem(
                client.post()
                        .uri("/api/things")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                        .header("Idempotency-Key", "k-1")
                        .contentType(MediaType.TEXT_PLAIN)
                        .bodyValue("name=x")
                        .exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"name\":\"" + "가".repeat(100_000) + "\",\"quantity\":1}";
        assertProblem(post(huge), HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
    }

    @Test
    void aServiceProblemKeepsItsTypeAndExtensions() {
        Map<String, Object> problem = assertProblem(
                client.get()
                        .uri("/api/things/42")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "thing-not-found");
        assertThat(problem)
                .containsEntry("title", "Thing not found")
                .containsEntry("detail", "No thing 42.")
                .containsEntry("thingId", 42);
    }

    @Test
    void unexpectedErrorsAre500WithoutInternals() {
        Map<String, Object> problem = assertProblem(
                client.get()
                        .uri("/api/boom")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                        .exchange(),
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error");
        assertThat(problem.toString()).doesNotContain("hunter2", "IllegalStateException", "at dev.");
    }

    @Test
    void answersInKoreanWhenAsked() {
        Map<String, Object> problem = client.get()
                .uri("/api/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ko-KR,ko;q=0.9,en;q=0.5")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .valueEquals(HttpHeaders.CONTENT_LANGUAGE, "ko")
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(problem).containsEntry("title", "찾을 수 없음").containsEntry("detail", "이 주소에는 아무것도 없습니다.");
    }

    @Test
    void aValidRequestStillWorks() {
        post("{\"name\":\"삼성전자\",\"quantity\":2}")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("삼성전자");
    }

    private WebTestClient.ResponseSpec post(String json) {
        return client.post()
                .uri("/api/things")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .header("Idempotency-Key", "k-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    static Map<String, Object> assertProblem(WebTestClient.ResponseSpec response, HttpStatus status, String type) {
        return ProblemAssertions.assertProblem(response, status, type);
    }

    static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP =
            ProblemAssertions.JSON_OBJECT;
}
