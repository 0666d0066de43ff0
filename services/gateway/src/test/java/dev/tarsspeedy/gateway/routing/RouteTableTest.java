package dev.tarsspeedy.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The production route table in {@code application.yml} (the ITs run on the test profile's routes instead): each
 * service's block as the README describes it.
 */
class RouteTableTest {

    private static final String ROUTES = "spring.cloud.gateway.server.webflux.routes";

    @Test
    void identityServesAuthUsersAndTheJwksBehindItsBreaker() throws IOException {
        PropertySource<?> yaml = applicationYaml();
        assertThat(value(yaml, ROUTES + "[0].id")).isEqualTo("identity");
        assertThat(value(yaml, ROUTES + "[0].uri")).isEqualTo("${IDENTITY_URL:http://localhost:8081}");
        assertThat(value(yaml, ROUTES + "[0].predicates[0]"))
                .isEqualTo("Path=/api/auth/**,/api/users/**,/.well-known/jwks.json");
        assertThat(value(yaml, ROUTES + "[0].filters[0].name")).isEqualTo("CircuitBreaker");
        assertThat(value(yaml, ROUTES + "[0].filters[0].args.name")).isEqualTo("identity");
        assertThat(value(yaml, ROUTES + "[0].filters[0].args.fallbackUri")).isEqualTo("forward:/fallback/identity");

        assertThat(value(yaml, ROUTES + "[1].id")).isEqualTo("identity-docs");
        assertThat(value(yaml, ROUTES + "[1].predicates[0]")).isEqualTo("Path=/v3/api-docs/identity");
    }

    @Test
    void signingUpAndLoggingInNeedNoTokenAtTheEdge() throws IOException {
        PropertySource<?> yaml = applicationYaml();
        List<String> publicPaths = new ArrayList<>();
        for (int i = 0; yaml.containsProperty("platform.security.public-paths[" + i + "]"); i++) {
            publicPaths.add(value(yaml, "platform.security.public-paths[" + i + "]"));
        }
        assertThat(publicPaths).contains("/api/auth/**", "/.well-known/**");
        assertThat(publicPaths).noneMatch(path -> path.startsWith("/api/users"));
    }

    @Test
    void orderRoutesComeBeforeTheCatalogsBroaderDropPaths() throws IOException {
        PropertySource<?> yaml = applicationYaml();
        int order = routeIndex(yaml, "order");
        int stream = routeIndex(yaml, "order-stream");
        int catalog = routeIndex(yaml, "catalog");
        assertThat(order).isLessThan(catalog);
        assertThat(stream).isLessThan(catalog);
        assertThat(value(yaml, ROUTES + "[" + order + "].predicates[0]"))
                .isEqualTo(
                        "Path=/api/drops/*/orders,/api/orders/**,/api/admin/drops/*/stats,/api/admin/drops/*/reconcile");
        assertThat(value(yaml, ROUTES + "[" + order + "].uri")).isEqualTo("${ORDER_URL:http://localhost:8086}");
        assertThat(value(yaml, ROUTES + "[" + stream + "].predicates[0]")).isEqualTo("Path=/api/drops/*/stream");
        assertThat(value(yaml, ROUTES + "[" + stream + "].metadata.response-timeout"))
                .as("an event stream outlives any response timeout")
                .isEqualTo("-1");
        assertThat(value(yaml, ROUTES + "[" + catalog + "].predicates[0]"))
                .isEqualTo(
                        "Path=/api/drops/**,/api/products/**,/api/wishlist/**,/api/admin/products/**,/api/admin/drops/**");
        assertThat(value(yaml, ROUTES + "[" + catalog + "].uri")).isEqualTo("${CATALOG_URL:http://localhost:8085}");
        assertThat(value(yaml, ROUTES + "[" + routeIndex(yaml, "catalog-health") + "].predicates[0]"))
                .isEqualTo("Path=/health/catalog-service");
        assertThat(value(yaml, ROUTES + "[" + routeIndex(yaml, "order-health") + "].predicates[0]"))
                .isEqualTo("Path=/health/order-service");
    }

    @Test
    void paymentComesBeforeTheOrdersBroaderPathsAndItsCallbacksArePublic() throws IOException {
        PropertySource<?> yaml = applicationYaml();
        int payment = routeIndex(yaml, "payment");
        assertThat(payment).isLessThan(routeIndex(yaml, "order"));
        assertThat(value(yaml, ROUTES + "[" + payment + "].predicates[0]"))
                .isEqualTo("Path=/api/orders/*/payment,/api/payments/**");
        assertThat(value(yaml, ROUTES + "[" + payment + "].uri")).isEqualTo("${PAYMENT_URL:http://localhost:8087}");
        List<String> publicPaths = new ArrayList<>();
        for (int i = 0; yaml.containsProperty("platform.security.public-paths[" + i + "]"); i++) {
            publicPaths.add(value(yaml, "platform.security.public-paths[" + i + "]"));
        }
        assertThat(publicPaths)
                .contains(
                        "GET /api/payments/*/approve",
                        "GET /api/payments/*/cancel",
                        "GET /api/payments/*/fail",
                        "GET /api/payments/*/result")
                .noneMatch(path -> path.contains("/api/orders/*/payment") || path.equals("/api/payments/**"));
    }

    @Test
    void browsingIsPublicBuyingIsNot() throws IOException {
        PropertySource<?> yaml = applicationYaml();
        List<String> publicPaths = new ArrayList<>();
        for (int i = 0; yaml.containsProperty("platform.security.public-paths[" + i + "]"); i++) {
            publicPaths.add(value(yaml, "platform.security.public-paths[" + i + "]"));
        }
        assertThat(publicPaths).contains("GET /api/drops/**", "GET /api/products/**");
        assertThat(publicPaths).noneMatch(path -> path.contains("/api/orders") || path.equals("/api/drops/**"));
    }

    private static int routeIndex(PropertySource<?> yaml, String id) {
        for (int i = 0; yaml.containsProperty(ROUTES + "[" + i + "].id"); i++) {
            if (id.equals(value(yaml, ROUTES + "[" + i + "].id"))) {
                return i;
            }
        }
        throw new AssertionError("no route " + id);
    }

    private static PropertySource<?> applicationYaml() throws IOException {
        return new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml"))
                .getFirst();
    }

    private static String value(PropertySource<?> yaml, String name) {
        Object value = yaml.getProperty(name);
        return value == null ? null : value.toString();
    }

    @Test
    void everyServiceHealthIsReachableThroughTheGateway() throws IOException {
        PropertySource<?> yaml = applicationYaml();
        assertThat(value(yaml, ROUTES + "[2].id")).isEqualTo("identity-health");
        assertThat(value(yaml, ROUTES + "[2].predicates[0]")).isEqualTo("Path=/health/identity-service");
        assertThat(value(yaml, ROUTES + "[2].filters[1]")).isEqualTo("SetPath=/actuator/health");
        assertThat(value(yaml, ROUTES + "[3].id")).isEqualTo("notification-health");
        assertThat(value(yaml, ROUTES + "[3].uri")).isEqualTo("${NOTIFICATION_URL:http://localhost:8082}");
        assertThat(value(yaml, ROUTES + "[3].filters[1]")).isEqualTo("SetPath=/actuator/health");
    }

    /**
     * The breaker's fallback is what turns a service that is down or slow into the 503 problem: without it a refused
     * connection is a 500. So every route has one, health and API documents included, named after the route and
     * falling back as its service.
     */
    @Test
    void everyRouteFallsBackToTheServiceUnavailableProblem() throws IOException {
        PropertySource<?> yaml = applicationYaml();
        List<String> ids = new ArrayList<>();
        for (int i = 0; yaml.containsProperty(ROUTES + "[" + i + "].id"); i++) {
            String id = value(yaml, ROUTES + "[" + i + "].id");
            ids.add(id);
            String route = ROUTES + "[" + i + "]";
            assertThat(value(yaml, route + ".filters[0].name")).as(id).isEqualTo("CircuitBreaker");
            assertThat(value(yaml, route + ".filters[0].args.name")).as(id).isEqualTo(id);
            String fallback = value(yaml, route + ".filters[0].args.fallbackUri");
            assertThat(fallback).as(id).startsWith("forward:/fallback/");
            String service = fallback.substring("forward:/fallback/".length());
            assertThat(id).as("the fallback names the route's service").matches(service + "(-.+)?");
        }
        assertThat(ids)
                .contains(
                        "identity-health",
                        "notification-health",
                        "catalog-health",
                        "order-health",
                        "payment-health",
                        "identity-docs",
                        "catalog-docs",
                        "order-docs",
                        "payment-docs");
    }

    @Test
    void swaggerUiListsEveryDocumentARouteServes() throws IOException {
        PropertySource<?> yaml = applicationYaml();
        List<String> docsPaths = new ArrayList<>();
        for (int i = 0; yaml.containsProperty(ROUTES + "[" + i + "].id"); i++) {
            String predicate = value(yaml, ROUTES + "[" + i + "].predicates[0]");
            if (predicate.startsWith("Path=/v3/api-docs/")) {
                docsPaths.add(predicate.substring("Path=".length()));
            }
        }
        List<String> listed = new ArrayList<>();
        for (int i = 0; yaml.containsProperty("springdoc.swagger-ui.urls[" + i + "].url"); i++) {
            listed.add(value(yaml, "springdoc.swagger-ui.urls[" + i + "].url"));
        }
        assertThat(listed).first().isEqualTo("/v3/api-docs");
        assertThat(listed.subList(1, listed.size())).containsExactlyInAnyOrderElementsOf(docsPaths);
    }
}
