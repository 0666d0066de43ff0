package dev.tarsspeedy.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.gateway.fixture.Downstream;
import dev.tarsspeedy.gateway.fixture.GatewayTestBase;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Who gets through the gateway, what reaches the service, and how everyone else is told. */
class EdgeSecurityIT extends GatewayTestBase {

    @Test
    void aValidRequestReachesTheServiceWithPathQueryAndAuthorizationIntact() {
        String token = userToken();
        String path = unique("/api/echo/items") + "/%ED%95%9C?q=a%20b&page=2";

        client().get()
                .uri(URI.create("http://127.0.0.1:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists("X-RateLimit-Remaining")
                .expectBody()
                .jsonPath("$.path")
                .isEqualTo(path);

        Downstream.Received received = DOWNSTREAM.receivedAt(path).orElseThrow();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.authorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void noTokenIs401Problem() {
        String path = unique("/api/echo/items");
        assertProblem(client().get().uri(path).exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
        assertThat(DOWNSTREAM.receivedAt(path)).isEmpty();
    }

    @Test
    void aUserOnAnAdminRouteIs403Problem() {
        String path = unique("/api/admin/echo/products");
        assertProblem(
                client().get()
                        .uri(path)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "forbidden");
        assertThat(DOWNSTREAM.receivedAt(path)).isEmpty();
    }

    @Test
    void anAdminOnAnAdminRouteReachesTheService() {
        String path = unique("/api/admin/echo/products");
        client().post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
                .bodyValue(Map.of("name", "limited sneakers"))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(DOWNSTREAM.receivedAt(path)).hasValueSatisfying(received -> {
            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.bodyBytes()).isPositive();
        });
    }

    @Test
    void anUnknownRouteIs404Problem() {
        Map<String, Object> problem = assertProblem(
                client().get()
                        .uri("/api/nothing-here")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "not-found");
        assertThat(problem).containsEntry("instance", "/api/nothing-here");
    }

    @Test
    void aWrongMethodOnTheGatewaysOwnEndpointsIs405Problem() {
        client().delete()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader()
                .valueEquals(HttpHeaders.ALLOW, "GET");
        assertProblem(
                client().delete().uri("/actuator/health/liveness").exchange(),
                HttpStatus.METHOD_NOT_ALLOWED,
                "method-not-allowed");
    }

    @Test
    void probesAndMetricsAreOpenButTheGatewayEndpointIsNotExposed() {
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
                .value(body -> assertThat(body).contains("service=\"gateway\""));

        assertProblem(
                client().get().uri("/actuator/gateway/routes").exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
        assertProblem(
                client().get()
                        .uri("/actuator/gateway/routes")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "not-found");
    }

    /**
     * Values no service should see are refused at the edge as a problem (Spring Security's firewall answered an
     * empty 400): an encoded slash or NUL in the path. A blank id passes (it is the service's to refuse).
     */
    @Test
    void aPathTheFirewallRefusesIs400ProblemAndNeverReachesTheService() {
        String token = userToken();
        for (String suffix : List.of("/..%2F..%2Fetc%2Fpasswd/return", "/%00")) {
            String prefix = unique("/api/echo/orders");
            String path = prefix + suffix;
            Map<String, Object> problem = assertProblem(
                    client().get()
                            .uri(URI.create("http://127.0.0.1:" + port + path))
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                            .exchange(),
                    HttpStatus.BAD_REQUEST,
                    "bad-request");
            assertThat(problem).containsEntry("instance", path);
            assertThat(DOWNSTREAM.receivedAt(prefix)).isEmpty();
        }
    }
}
