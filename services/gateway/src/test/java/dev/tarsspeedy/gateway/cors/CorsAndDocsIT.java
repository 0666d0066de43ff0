package dev.tarsspeedy.gateway.cors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.gateway.fixture.GatewayTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/** Browsers: CORS before the token check, and Swagger UI listing every service's document. */
class CorsAndDocsIT extends GatewayTestBase {

    private static final String WEB = "http://localhost:8080";

    @Test
    void aPreflightFromTheWebOriginIsAnsweredWithoutAToken() {
        client().options()
                .uri("/api/echo/items")
                .header(HttpHeaders.ORIGIN, WEB)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, WEB)
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                        methods -> assertThat(methods).contains(HttpMethod.POST.name()));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        client().options()
                .uri("/api/echo/items")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void refusalsCarryCorsHeadersSoScriptsCanReadThem() {
        client().get()
                .uri("/api/echo/items")
                .header(HttpHeaders.ORIGIN, WEB)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, WEB);
    }

    @Test
    void swaggerUiListsTheGatewayAndEachServiceDocument() {
        String ui = client().get()
                .uri("/swagger-ui.html")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation()
                .getPath();
        assertThat(ui).isEqualTo("/swagger-ui/index.html");
        client().get().uri(ui).exchange().expectStatus().isOk();
        client().get()
                .uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.urls[?(@.name == 'gateway')].url")
                .isEqualTo("/v3/api-docs")
                .jsonPath("$.urls[?(@.name == 'echo')].url")
                .isEqualTo("/v3/api-docs/echo");
        client().get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.info.title")
                .isEqualTo("TARS and Speedy API gateway");
    }

    @Test
    void aServiceDocumentComesThroughItsDocsRouteWithoutAToken() {
        client().get()
                .uri("/v3/api-docs/echo")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.info.title")
                .isEqualTo("echo");
    }
}
