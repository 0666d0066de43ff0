package dev.tarsspeedy.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.platform.fixture.StarterTestBase;
import dev.tarsspeedy.platform.test.ProblemAssertions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every client mistake is a 4xx problem with a precise detail; nothing else leaks. */
@ExtendWith(OutputCaptureExtension.class)
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
    void fieldMessagesAreInTheReadersLanguage() {
        String invalid = "{\"name\":\"\",\"quantity\":0,\"contact\":\"not-an-email\"}";
        assertThat(messages(post(invalid, "ko")))
                .containsEntry("name", "비어 있을 수 없습니다")
                .containsEntry("quantity", "1 이상이어야 합니다")
                .containsEntry("contact", "올바른 형식의 이메일 주소여야 합니다");
        assertThat(messages(post(invalid, "en")))
                .containsEntry("name", "must not be blank")
                .containsEntry("quantity", "must be greater than or equal to 1")
                .containsEntry("contact", "must be a well-formed email address");

        // Arguments of the constraint: @Size(max = 100) on a text.
        String longName = "{\"name\":\"" + "x".repeat(101) + "\",\"quantity\":1}";
        assertThat(messages(post(longName, "ko"))).containsEntry("name", "100자 이하여야 합니다");
        assertThat(messages(post(longName, "en"))).containsEntry("name", "must have at most 100 characters");
    }

    @Test
    void aWrongJsonTypeIsExplainedInTheReadersLanguage() {
        String wrong = "{\"name\":\"x\",\"quantity\":\"many\"}";
        assertThat(messages(post(wrong, "ko"))).containsEntry("quantity", "값의 형식이 올바르지 않습니다");
        assertThat(messages(post(wrong, "en"))).containsEntry("quantity", "has the wrong type");
    }

    @Test
    void constraintsOnRequestParametersListTheParameters() {
        Map<String, Object> problem =
                assertProblem(get("/api/things/search?q=x&limit=99", "en"), HttpStatus.BAD_REQUEST, "validation");
        assertThat(messages(problem))
                .containsOnly(
                        Map.entry("q", "must have 2 to 20 characters"),
                        Map.entry("limit", "must be less than or equal to 50"));
        assertThat(problem.get("detail").toString()).contains("q", "limit");

        Map<String, Object> korean =
                assertProblem(get("/api/things/search?q=x&limit=0", "ko"), HttpStatus.BAD_REQUEST, "validation");
        assertThat(korean).containsEntry("title", "잘못된 요청");
        assertThat(messages(korean))
                .containsOnly(Map.entry("q", "2자에서 20자 사이여야 합니다"), Map.entry("limit", "1 이상이어야 합니다"));

        Map<String, Object> path =
                assertProblem(get("/api/things/by-code/abc", "en"), HttpStatus.BAD_REQUEST, "validation");
        assertThat(messages(path)).containsOnly(Map.entry("code", "must match \"[A-Z]{3}-\\d{3}\""));
        Map<String, Object> koreanPath =
                assertProblem(get("/api/things/by-code/abc", "ko"), HttpStatus.BAD_REQUEST, "validation");
        assertThat(messages(koreanPath)).containsOnly(Map.entry("code", "\"[A-Z]{3}-\\d{3}\" 형식과 일치해야 합니다"));

        get("/api/things/search?q=kim&limit=5", "en").expectStatus().isOk();
    }

    @Test
    void aConflictStatusIsAConflictProblem() {
        Map<String, Object> problem = assertProblem(get("/api/things/conflict", "en"), HttpStatus.CONFLICT, "conflict");
        assertThat(problem).containsEntry("title", "Conflict");
        assertThat(problem.toString()).doesNotContain("order 9");
        assertThat(assertProblem(get("/api/things/conflict", "ko"), HttpStatus.CONFLICT, "conflict"))
                .containsEntry("title", "충돌");
    }

    @Test
    void aDuplicateKeyIsAConflictThatNamesNoSql(CapturedOutput output) {
        String name = "tag-" + UUID.randomUUID();
        tag(name).expectStatus().isCreated();

        Map<String, Object> problem = assertProblem(tag(name), HttpStatus.CONFLICT, "conflict");
        assertThat(problem)
                .containsEntry("title", "Conflict")
                .containsEntry("detail", "The request conflicts with the current state.");
        assertThat(problem.toString().toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("insert", "duplicate", "tag_pkey", "constraint", "sql", name);
        // The log keeps what happened, in one line, for whoever looks.
        assertThat(output.getOut()).contains("write refused as a conflict").contains("DuplicateKeyException");
    }

    @Test
    void aServiceThatCannotBeReachedIsA503WithRetryAfter(CapturedOutput output) {
        WebTestClient.ResponseSpec response = get("/api/things/unreachable", "en");
        response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "10");
        Map<String, Object> problem = assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable");
        assertThat(problem).containsEntry("title", "Service unavailable");
        assertThat(problem.toString()).doesNotContain("127.0.0.1", "Connection refused");

        Map<String, Object> korean = assertProblem(
                get("/api/things/unreachable", "ko"), HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable");
        assertThat(korean).containsEntry("title", "서비스를 사용할 수 없음");

        // One WARN line naming the failure, no stack trace, and no "unexpected error" (that is for real bugs).
        List<String> lines = output.getOut().lines().toList();
        int warning = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("cannot reach a service")) {
                warning = i;
            }
        }
        assertThat(warning).as("the warning line").isNotNegative();
        assertThat(lines.get(warning))
                .contains("WARN")
                .contains("ConnectException")
                .doesNotContain("stack_trace");
        if (warning + 1 < lines.size()) {
            assertThat(lines.get(warning + 1)).doesNotStartWith("\tat ").doesNotContain("Exception:");
        }
        assertThat(output.getOut()).doesNotContain("unexpected error");
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
    void aSlowServiceBehindIsA504NotA500() {
        Map<String, Object> problem = assertProblem(
                client.get()
                        .uri("/api/things/upstream-slow")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                        .exchange(),
                HttpStatus.GATEWAY_TIMEOUT,
                "upstream-timeout");
        assertThat(problem.get("detail").toString()).doesNotContain("PT5S");
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

    private WebTestClient.ResponseSpec post(String json, String language) {
        return client.post()
                .uri("/api/things")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .header("Idempotency-Key", "k-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    private WebTestClient.ResponseSpec get(String path, String language) {
        return client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }

    private WebTestClient.ResponseSpec tag(String name) {
        return client.post()
                .uri(uri -> uri.path("/api/tags").queryParam("name", name).build())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .exchange();
    }

    /** {@code errors[]} as field to message, from a 400 validation problem. */
    private static Map<String, String> messages(WebTestClient.ResponseSpec response) {
        return messages(response.expectStatus()
                .isBadRequest()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody());
    }

    private static Map<String, String> messages(Map<String, Object> problem) {
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) problem.get("errors");
        Map<String, String> messages = new java.util.LinkedHashMap<>();
        errors.forEach(error -> messages.put(error.get("field"), error.get("message")));
        assertThat(messages).as("one message per field").hasSameSizeAs(errors);
        return messages;
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
