package dev.tarsspeedy.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.MockServerConfigurer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Path variables, query parameters and headers a controller cannot convert are the client's mistake: a 400 problem
 * naming the value, never a 500. A path variable of a single space used to be one: Spring converts a blank text to
 * {@code null} (a UUID, an enum), and WebFlux reports a required path variable that is {@code null} as a server
 * error, as if the mapping had no such variable.
 */
class MalformedParametersTest {

    private static final String TYPES = "https://tars-speedy.dev/problems/";
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    enum Kind {
        BOOK,
        PEN
    }

    @RestController
    static class Things {

        @GetMapping("/things/{id}")
        Mono<String> thing(@PathVariable UUID id) {
            return Mono.just(id.toString());
        }

        @GetMapping("/kinds/{kind}/things")
        Mono<String> kind(@PathVariable Kind kind) {
            return Mono.just(kind.name());
        }

        @GetMapping("/things")
        Mono<String> list(
                @RequestParam(required = false) UUID owner,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(name = "X-Since", required = false) Long since) {
            return Mono.just(owner + " " + page + " " + since);
        }
    }

    private final WebTestClient client = WebTestClient.bindToController(new Things())
            .apply(new MockServerConfigurer() {
                @Override
                public void beforeServerCreated(WebHttpHandlerBuilder builder) {
                    ProblemWriter writer = new ProblemWriter(
                            URI.create(TYPES), JsonMapper.builder().build());
                    builder.exceptionHandlers(
                            handlers -> handlers.addFirst(new ProblemWebExceptionHandler(new ProblemMapper(), writer)));
                }
            })
            .build();

    @Test
    void aBlankPathVariableIs400ProblemNamingIt() {
        Map<String, Object> problem = badRequest("/things/%20", "en");
        assertThat(problem)
                .containsEntry("title", "Bad request")
                .containsEntry("detail", "Path variable 'id' has no valid value.")
                .containsEntry("instance", "/things/%20");
        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "id", "message", "must not be blank")));

        Map<String, Object> korean = badRequest("/things/%20", "ko");
        assertThat(korean).containsEntry("title", "잘못된 요청").containsEntry("detail", "경로 변수 'id'의 값이 올바르지 않습니다.");
        assertThat(korean.get("errors")).isEqualTo(List.of(Map.of("field", "id", "message", "비어 있을 수 없습니다")));

        // An enum converts a blank text to null too.
        assertThat(badRequest("/kinds/%20%20/things", "en"))
                .containsEntry("detail", "Path variable 'kind' has no valid value.");
    }

    @Test
    void aPathVariableOfTheWrongTypeIs400ProblemNamingIt() {
        for (String id : List.of("not-a-uuid", "%00", "x".repeat(3000), "..%2F..%2Fetc%2Fpasswd")) {
            Map<String, Object> problem = badRequest("/things/" + id, "en");
            assertThat(problem).as(id).containsEntry("detail", "Path variable 'id' has no valid value.");
            assertThat(problem.get("errors"))
                    .as(id)
                    .isEqualTo(List.of(Map.of("field", "id", "message", "has the wrong type")));
        }
        assertThat(badRequest("/kinds/SPOON/things", "ko")).containsEntry("detail", "경로 변수 'kind'의 값이 올바르지 않습니다.");
    }

    @Test
    void aQueryParameterOrHeaderOfTheWrongTypeIs400ProblemNamingIt() {
        assertThat(badRequest("/things?owner=nobody", "en"))
                .containsEntry("detail", "Query parameter 'owner' has no valid value.");
        assertThat(badRequest("/things?page=%20", "en"))
                .containsEntry("detail", "Query parameter 'page' has no valid value.");
        assertThat(badRequest("/things?page=%00", "ko")).containsEntry("detail", "쿼리 매개변수 'page'의 값이 올바르지 않습니다.");
        Map<String, Object> header = client.get()
                .uri("/things")
                .header("X-Since", "yesterday")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(header).containsEntry("detail", "Header 'X-Since' has no valid value.");
    }

    @Test
    void goodValuesStillPass() {
        UUID id = UUID.randomUUID();
        client.get().uri("/things/" + id).exchange().expectStatus().isOk();
        client.get().uri("/kinds/PEN/things").exchange().expectStatus().isOk();
        client.get()
                .uri("/things?owner=" + id + "&page=2")
                .exchange()
                .expectStatus()
                .isOk();
        // An optional query parameter left blank is absent, as Spring has always read it.
        client.get()
                .uri(URI.create("/things?owner=%20"))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private Map<String, Object> badRequest(String pathAndQuery, String language) {
        Map<String, Object> problem = client.get()
                .uri(URI.create(pathAndQuery))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(problem)
                .as(pathAndQuery)
                .containsEntry("type", TYPES + "bad-request")
                .containsEntry("status", HttpStatus.BAD_REQUEST.value());
        return problem;
    }
}
