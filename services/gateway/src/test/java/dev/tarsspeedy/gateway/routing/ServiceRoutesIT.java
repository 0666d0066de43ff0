package dev.tarsspeedy.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.gateway.fixture.GatewayTestBase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The routes the running gateway derived from the services' declarations: the real services' (all down in the test
 * profile, so the fallback's {@code service} member says which route took a request) and a stand-in's.
 */
class ServiceRoutesIT extends GatewayTestBase {

    @Test
    void eachPathGoesToItsServiceMoreSpecificPathsFirst() {
        String drop = "/api/drops/" + UUID.randomUUID();
        String order = "/api/orders/" + UUID.randomUUID();
        assertThat(serviceAnswering(HttpMethod.POST, drop + "/orders")).isEqualTo("order");
        assertThat(serviceAnswering(HttpMethod.GET, drop + "/stream")).isEqualTo("order");
        assertThat(serviceAnswering(HttpMethod.GET, drop)).isEqualTo("catalog");
        assertThat(serviceAnswering(HttpMethod.POST, order + "/payment")).isEqualTo("payment");
        assertThat(serviceAnswering(HttpMethod.GET, order)).isEqualTo("order");
        assertThat(serviceAnswering(HttpMethod.GET, "/api/admin/drops/" + UUID.randomUUID() + "/stats"))
                .isEqualTo("order");
        assertThat(serviceAnswering(HttpMethod.GET, "/api/users/me")).isEqualTo("identity");
        assertThat(serviceAnswering(HttpMethod.GET, "/health/notification-service"))
                .isEqualTo("notification");
        assertThat(serviceAnswering(HttpMethod.GET, "/v3/api-docs/payment")).isEqualTo("payment");
    }

    @Test
    void aServiceDeclaredOnceServesItsHealthAndDocumentThroughTheGateway() {
        client().get().uri("/health/echo-service").exchange().expectStatus().isOk();
        assertThat(DOWNSTREAM.received())
                .anySatisfy(received -> assertThat(received.pathAndQuery()).isEqualTo("/healthz"));
        client().get()
                .uri("/v3/api-docs/echo")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.info.title")
                .isEqualTo("echo");
    }

    private String serviceAnswering(HttpMethod method, String path) {
        Map<String, Object> problem = assertProblem(
                client().method(method)
                        .uri(path)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
                        .exchange(),
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable");
        return (String) problem.get("service");
    }
}
