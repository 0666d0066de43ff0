package dev.tarsspeedy.identity;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.identity.support.IdentityTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** What operators and the gateway need without a token: probes, metrics, the API description. */
class OperationsIT extends IdentityTestBase {

    @Test
    void probesAndMetricsAreOpen() {
        client().get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk();
        client().get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk();
        client().get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("service=\"identity-service\"")
                        .contains("events_outbox_pending"));
    }

    @Test
    void theOpenApiDocumentListsTheEndpoints() {
        client().get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("\"title\":\"Identity service\"")
                        .contains("/api/auth/signup")
                        .contains("/api/auth/token/refresh")
                        .contains("/api/users/me")
                        .contains("/.well-known/jwks.json"));
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        // Only POST is open on /api/auth/**: anything else needs a token first.
        assertProblem(client().get().uri("/api/auth/signup").exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
        String token = (String) login(activeAccount("Kim"), PASSWORD).get("accessToken");
        assertProblem(
                client().get()
                        .uri("/api/auth/signup")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .exchange(),
                HttpStatus.METHOD_NOT_ALLOWED,
                "method-not-allowed");
        assertProblem(
                client().get()
                        .uri("/api/users/someone/else")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "not-found");
    }
}
