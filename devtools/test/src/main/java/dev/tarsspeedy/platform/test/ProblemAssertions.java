package dev.tarsspeedy.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The one check that a response is the platform's RFC 9457 problem of a given type. */
public final class ProblemAssertions {

    /** The base of every problem type URI ({@code platform.problems.type-base}'s default). */
    public static final String TYPES = "https://tars-speedy.dev/problems/";

    public static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};

    private ProblemAssertions() {}

    /** Asserts status, media type, type URI and the RFC's members; returns the body for further checks. */
    public static Map<String, Object> assertProblem(
            WebTestClient.ResponseSpec response, HttpStatus status, String type) {
        Map<String, Object> problem = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
        assertThat(problem)
                .containsEntry("type", TYPES + type)
                .containsEntry("status", status.value())
                .containsKeys("title", "detail", "instance");
        return problem;
    }
}
