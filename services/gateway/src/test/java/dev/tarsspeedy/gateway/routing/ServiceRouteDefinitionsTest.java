package dev.tarsspeedy.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

/** A service declared once gets all its routes, each with its breaker and the service's fallback. */
class ServiceRouteDefinitionsTest {

    private static final URI ALERT = URI.create("http://localhost:8084");

    @Test
    void aServiceDeclaredOnceGetsItsApiDocumentAndHealthRoutesEachWithItsBreaker() {
        ServiceRouteDefinitions definitions = definitions(Map.of(
                "alert",
                new ServiceRoutesSettings.Service(
                        ALERT,
                        List.of("/api/watchlist/**", "/api/alerts/**"),
                        List.of(),
                        0,
                        Duration.ofMillis(1500),
                        Duration.ofSeconds(4),
                        true)));

        List<RouteDefinition> routes = definitions.routes();

        assertThat(routes).extracting(RouteDefinition::getId).containsExactly("alert", "alert-docs", "alert-health");
        assertThat(routes).allSatisfy(route -> {
            assertThat(route.getUri()).isEqualTo(ALERT);
            FilterDefinition breaker = route.getFilters().getFirst();
            assertThat(breaker.getName()).isEqualTo("CircuitBreaker");
            assertThat(breaker.getArgs())
                    .containsEntry("name", route.getId())
                    .containsEntry("fallbackUri", "forward:/fallback/alert");
        });

        RouteDefinition api = routes.get(0);
        assertThat(pathPatterns(api)).containsExactly("/api/watchlist/**", "/api/alerts/**");
        assertThat(api.getFilters()).hasSize(1);
        assertThat(api.getMetadata()).containsEntry("connect-timeout", 1500).containsEntry("response-timeout", 4000L);

        RouteDefinition docs = routes.get(1);
        assertThat(pathPatterns(docs)).containsExactly("/v3/api-docs/alert");
        assertThat(docs.getFilters().get(1)).isEqualTo(new FilterDefinition("SetPath=/v3/api-docs"));
        assertThat(docs.getMetadata()).as("the gateway's default timeouts").isEmpty();

        RouteDefinition health = routes.get(2);
        assertThat(pathPatterns(health)).containsExactly("/health/alert-service");
        assertThat(health.getFilters().get(1)).isEqualTo(new FilterDefinition("SetPath=/healthz"));
        assertThat(health.getMetadata()).isEmpty();

        assertThat(definitions.documentPaths()).containsExactly("/v3/api-docs/alert");
    }

    @Test
    void streamPathsComeFirstWithoutAResponseTimeoutAndWithABreakerOfTheirOwn() {
        List<RouteDefinition> routes = definitions(Map.of(
                        "order",
                        new ServiceRoutesSettings.Service(
                                ALERT,
                                List.of("/api/orders/**"),
                                List.of("/api/drops/*/stream"),
                                0,
                                Duration.ofMillis(2000),
                                Duration.ofMillis(5000),
                                true)))
                .routes();

        assertThat(routes).extracting(RouteDefinition::getId).startsWith("order-stream", "order");
        RouteDefinition stream = routes.getFirst();
        assertThat(pathPatterns(stream)).containsExactly("/api/drops/*/stream");
        assertThat(stream.getFilters().getFirst().getArgs())
                .containsEntry("name", "order-stream")
                .containsEntry("fallbackUri", "forward:/fallback/order");
        assertThat(stream.getMetadata()).containsEntry("response-timeout", -1L).containsEntry("connect-timeout", 2000);
    }

    @Test
    void aServiceWithoutAnApiHasItsHealthRouteOnly() {
        ServiceRouteDefinitions definitions = definitions(Map.of(
                "notification", new ServiceRoutesSettings.Service(ALERT, List.of(), List.of(), 0, null, null, true)));

        assertThat(definitions.routes()).extracting(RouteDefinition::getId).containsExactly("notification-health");
        assertThat(definitions.documentPaths()).isEmpty();
    }

    @Test
    void routesAreInRouteOrderThenByName() {
        Map<String, ServiceRoutesSettings.Service> services = new LinkedHashMap<>();
        services.put("catalog", service(List.of("/api/drops/**"), 0));
        services.put("order", service(List.of("/api/drops/*/orders"), -1));
        services.put("identity", service(List.of("/api/auth/**"), 0));
        services.put("payment", service(List.of("/api/orders/*/payment"), -2));

        assertThat(definitions(services).routes())
                .filteredOn(route -> !route.getId().contains("-"))
                .extracting(RouteDefinition::getId)
                .containsExactly("payment", "order", "catalog", "identity");
        assertThat(definitions(services).routes())
                .filteredOn(route -> route.getId().startsWith("order"))
                .extracting(RouteDefinition::getOrder)
                .containsOnly(-1);
    }

    @Test
    void aServiceWithoutAnAddressOrWithAnOddNameIsRefusedAtStartup() {
        assertThatThrownBy(
                        () -> new ServiceRoutesSettings(Map.of("alert", service(List.of("/api/alerts/**"), 0, null))))
                .hasMessageContaining("gateway.services.alert.uri");
        assertThatThrownBy(() -> new ServiceRoutesSettings(Map.of("Alert/x", service(List.of(), 0))))
                .hasMessageContaining("gateway.services.Alert/x");
    }

    @Test
    void swaggerUiListsTheConfiguredDocumentsThenEveryServicesDocument() {
        ServiceRouteDefinitions definitions = definitions(Map.of(
                "catalog", service(List.of("/api/drops/**"), 0),
                "notification", service(List.of(), 0),
                "identity", service(List.of("/api/auth/**"), 0)));
        SwaggerUiConfigProperties swaggerUi = new SwaggerUiConfigProperties();
        swaggerUi.setUrls(new LinkedHashSet<>(List.of(new SwaggerUrl("gateway", "/v3/api-docs", "gateway"))));

        new SwaggerUiDocuments(null, definitions).listServiceDocuments(swaggerUi);

        assertThat(swaggerUi.getUrls())
                .extracting(SwaggerUrl::getName, SwaggerUrl::getUrl)
                .containsExactly(
                        tuple("gateway", "/v3/api-docs"),
                        tuple("catalog", "/v3/api-docs/catalog"),
                        tuple("identity", "/v3/api-docs/identity"));
    }

    private static ServiceRoutesSettings.Service service(List<String> paths, int routeOrder) {
        return service(paths, routeOrder, ALERT);
    }

    /** Pages, not an API: no docs route, so Swagger UI lists no document that would answer 404. */
    @Test
    void aServiceWithoutAnApiDocumentHasNoDocsRouteAndIsNotListed() {
        ServiceRouteDefinitions definitions = definitions(Map.of(
                "web",
                new ServiceRoutesSettings.Service(ALERT, List.of("/", "/drops/**"), List.of(), 10, null, null, false),
                "alert",
                service(List.of("/api/alerts/**"), 0, ALERT)));

        assertThat(definitions.routes())
                .extracting(RouteDefinition::getId)
                .containsExactly("alert", "alert-docs", "alert-health", "web", "web-health");
        assertThat(definitions.documentPaths()).containsExactly("/v3/api-docs/alert");

        SwaggerUiConfigProperties swaggerUi = new SwaggerUiConfigProperties();
        new SwaggerUiDocuments(null, definitions).listServiceDocuments(swaggerUi);
        assertThat(swaggerUi.getUrls()).extracting(SwaggerUrl::getUrl).containsExactly("/v3/api-docs/alert");
    }

    private static ServiceRoutesSettings.Service service(List<String> paths, int routeOrder, URI uri) {
        return new ServiceRoutesSettings.Service(uri, paths, List.of(), routeOrder, null, null, true);
    }

    private static ServiceRouteDefinitions definitions(Map<String, ServiceRoutesSettings.Service> services) {
        return new ServiceRouteDefinitions(new ServiceRoutesSettings(services));
    }

    private static List<String> pathPatterns(RouteDefinition route) {
        assertThat(route.getPredicates()).hasSize(1);
        assertThat(route.getPredicates().getFirst().getName()).isEqualTo("Path");
        return List.copyOf(route.getPredicates().getFirst().getArgs().values());
    }
}
