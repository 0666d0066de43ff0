package dev.tarsspeedy.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The production route table: the routes the gateway derives from the services declared in {@code application.yml}
 * (with every variable at its default; the ITs run on the test profile's services instead), as the README describes
 * them.
 */
class RouteTableTest {

    @Test
    void identityServesAuthUsersAndTheJwksBehindItsBreaker() throws IOException {
        List<RouteDefinition> routes = routes();
        RouteDefinition identity = route(routes, "identity");
        assertThat(identity.getUri()).isEqualTo(URI.create("http://localhost:8081"));
        assertThat(path(identity)).isEqualTo("/api/auth/**,/api/users/**,/.well-known/jwks.json");
        FilterDefinition breaker = identity.getFilters().getFirst();
        assertThat(breaker.getName()).isEqualTo("CircuitBreaker");
        assertThat(breaker.getArgs())
                .containsEntry("name", "identity")
                .containsEntry("fallbackUri", "forward:/fallback/identity");

        assertThat(path(route(routes, "identity-docs"))).isEqualTo("/v3/api-docs/identity");
    }

    /** The local stack, the end-to-end tests and the benchmark pass each service's address in these variables. */
    @Test
    void eachServiceAddressComesFromItsOwnVariable() throws IOException {
        PropertySource<?> yaml = applicationYaml();
        assertThat(Map.of(
                        "identity", "IDENTITY_URL:http://localhost:8081",
                        "notification", "NOTIFICATION_URL:http://localhost:8082",
                        "catalog", "CATALOG_URL:http://localhost:8085",
                        "order", "ORDER_URL:http://localhost:8086",
                        "payment", "PAYMENT_URL:http://localhost:8087"))
                .allSatisfy((service, variable) -> assertThat(value(yaml, "gateway.services." + service + ".uri"))
                        .isEqualTo("${" + variable + "}"));
    }

    @Test
    void signingUpAndLoggingInNeedNoTokenAtTheEdge() throws IOException {
        List<String> publicPaths = publicPaths(applicationYaml());
        assertThat(publicPaths).contains("/api/auth/**", "/.well-known/**");
        assertThat(publicPaths).noneMatch(path -> path.startsWith("/api/users"));
    }

    @Test
    void orderRoutesComeBeforeTheCatalogsBroaderDropPaths() throws IOException {
        List<RouteDefinition> routes = routes();
        int order = index(routes, "order");
        int stream = index(routes, "order-stream");
        int catalog = index(routes, "catalog");
        assertThat(order).isLessThan(catalog);
        assertThat(stream).isLessThan(catalog);
        assertThat(path(routes.get(order)))
                .isEqualTo("/api/drops/*/orders,/api/orders/**,/api/admin/drops/*/stats,/api/admin/drops/*/reconcile");
        assertThat(routes.get(order).getUri()).isEqualTo(URI.create("http://localhost:8086"));
        assertThat(path(routes.get(stream))).isEqualTo("/api/drops/*/stream");
        assertThat(routes.get(stream).getMetadata().get("response-timeout"))
                .as("an event stream outlives any response timeout")
                .isEqualTo(-1L);
        assertThat(routes.get(stream).getMetadata().get("connect-timeout")).isEqualTo(2000);
        assertThat(path(routes.get(catalog)))
                .isEqualTo(
                        "/api/drops/**,/api/products/**,/api/wishlist/**,/api/admin/products/**,/api/admin/drops/**");
        assertThat(routes.get(catalog).getUri()).isEqualTo(URI.create("http://localhost:8085"));
        assertThat(path(route(routes, "catalog-health"))).isEqualTo("/health/catalog-service");
        assertThat(path(route(routes, "order-health"))).isEqualTo("/health/order-service");
    }

    @Test
    void paymentComesBeforeTheOrdersBroaderPathsAndItsCallbacksArePublic() throws IOException {
        List<RouteDefinition> routes = routes();
        int payment = index(routes, "payment");
        assertThat(payment).isLessThan(index(routes, "order"));
        assertThat(path(routes.get(payment))).isEqualTo("/api/orders/*/payment,/api/payments/**");
        assertThat(routes.get(payment).getUri()).isEqualTo(URI.create("http://localhost:8087"));
        assertThat(routes.get(payment).getMetadata())
                .as("starting a payment waits for Kakaopay")
                .containsEntry("response-timeout", 15000L)
                .containsEntry("connect-timeout", 2000);
        assertThat(publicPaths(applicationYaml()))
                .contains(
                        "GET /api/payments/*/approve",
                        "GET /api/payments/*/cancel",
                        "GET /api/payments/*/fail",
                        "GET /api/payments/*/result")
                .noneMatch(path -> path.contains("/api/orders/*/payment") || path.equals("/api/payments/**"));
    }

    @Test
    void browsingIsPublicBuyingIsNot() throws IOException {
        List<String> publicPaths = publicPaths(applicationYaml());
        assertThat(publicPaths).contains("GET /api/drops/**", "GET /api/products/**");
        assertThat(publicPaths).noneMatch(path -> path.contains("/api/orders") || path.equals("/api/drops/**"));
    }

    /**
     * The web interface's pages: matched after every API route, and none of its paths reach into the API, the
     * actuator, the API documents or the health routes, which stay with their own routes.
     */
    @Test
    void theWebInterfaceServesItsPagesAfterEveryApiRoute() throws IOException {
        List<RouteDefinition> routes = routes();
        int web = index(routes, "web");
        assertThat(web).isGreaterThan(index(routes, "catalog")).isGreaterThan(index(routes, "identity"));
        assertThat(routes.get(web).getUri()).isEqualTo(URI.create("http://localhost:8088"));
        assertThat(List.of(path(routes.get(web)).split(",")))
                .contains("/", "/static/**", "/login", "/drops/**", "/orders/**", "/admin/**", "/operators/**")
                .noneMatch(path -> path.startsWith("/api")
                        || path.startsWith("/actuator")
                        || path.startsWith("/v3")
                        || path.startsWith("/swagger-ui")
                        || path.startsWith("/health")
                        || path.equals("/**"));
        assertThat(routes.get(web).getMetadata()).containsEntry("response-timeout", 20000L);
        assertThat(routes)
                .as("pages have no API document: no docs route (Swagger UI would list a 404)")
                .extracting(RouteDefinition::getId)
                .doesNotContain("web-docs");
        assertThat(publicPaths(applicationYaml()))
                .as("pages need no token at the edge: the web service keeps the session")
                .contains("/", "/static/**", "/login", "/drops/**", "/orders/**")
                .noneMatch(path -> path.equals("/**") || path.equals("/api/**"));
    }

    @Test
    void onlyTheReportsOneClickUnsubscribeIsPublicInTars() throws IOException {
        List<String> publicPaths = publicPaths(applicationYaml());
        assertThat(publicPaths)
                .contains("POST /api/reports/schedules/*/unsubscribe", "GET /api/reports/schedules/*/unsubscribe");
        assertThat(publicPaths)
                .noneMatch(path -> path.contains("/api/watchlist")
                        || path.contains("/api/alerts")
                        || path.endsWith("/api/reports/**")
                        || path.endsWith("/api/reports/schedules"));
    }

    @Test
    void everyServiceHealthIsReachableThroughTheGateway() throws IOException {
        List<RouteDefinition> routes = routes();
        for (String service : List.of("identity", "notification", "catalog", "order", "payment")) {
            RouteDefinition health = route(routes, service + "-health");
            assertThat(path(health)).isEqualTo("/health/" + service + "-service");
            assertThat(health.getFilters().get(1).getName()).isEqualTo("SetPath");
            assertThat(health.getFilters().get(1).getArgs()).containsValue("/healthz");
            assertThat(health.getMetadata()).as("the gateway's own timeouts").isEmpty();
        }
        assertThat(route(routes, "notification-health").getUri()).isEqualTo(URI.create("http://localhost:8082"));
    }

    /** The operators' delivery log: routed, for operators only at the edge too, and without an API document. */
    @Test
    void theNotificationServiceServesOnlyTheOperatorsDeliveryLog() throws IOException {
        List<RouteDefinition> routes = routes();
        RouteDefinition notification = route(routes, "notification");
        assertThat(path(notification)).isEqualTo("/api/notifications/**");
        assertThat(notification.getUri()).isEqualTo(URI.create("http://localhost:8082"));
        assertThat(routes)
                .as("its template preview is internal: no route reaches /internal/**, and it has no API document")
                .extracting(RouteDefinition::getId)
                .doesNotContain("notification-docs");
        assertThat(adminPaths(applicationYaml())).contains("/api/admin/**", "/api/notifications/**");
        assertThat(publicPaths(applicationYaml())).noneMatch(path -> path.contains("/api/notifications"));
    }

    /**
     * The breaker's fallback is what turns a service that is down or slow into the 503 problem: without it a refused
     * connection is a 500. So every route has one, health and API documents included, named after the route and
     * falling back as its service.
     */
    @Test
    void everyRouteFallsBackToTheServiceUnavailableProblem() throws IOException {
        List<String> ids = new ArrayList<>();
        for (RouteDefinition route : routes()) {
            String id = route.getId();
            ids.add(id);
            FilterDefinition breaker = route.getFilters().getFirst();
            assertThat(breaker.getName()).as(id).isEqualTo("CircuitBreaker");
            assertThat(breaker.getArgs().get("name")).as(id).isEqualTo(id);
            String fallback = breaker.getArgs().get("fallbackUri");
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
        ServiceRouteDefinitions definitions = new ServiceRouteDefinitions(services());
        List<String> docsPaths = definitions.routes().stream()
                .map(RouteTableTest::path)
                .filter(path -> path.startsWith("/v3/api-docs/"))
                .toList();
        assertThat(definitions.documentPaths())
                .containsExactlyInAnyOrderElementsOf(docsPaths)
                .containsExactlyInAnyOrder(
                        "/v3/api-docs/identity",
                        "/v3/api-docs/catalog",
                        "/v3/api-docs/order",
                        "/v3/api-docs/payment",
                        "/v3/api-docs/market-data",
                        "/v3/api-docs/alert");
        assertThat(value(applicationYaml(), "springdoc.swagger-ui.urls[0].url")).isEqualTo("/v3/api-docs");
    }

    static ServiceRoutesSettings services() throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(applicationYaml());
        // Only application.yml: every ${VARIABLE:default} at its default, whatever this machine's environment holds.
        Binder binder = new Binder(
                ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
        return binder.bind("gateway", ServiceRoutesSettings.class).get();
    }

    private static List<RouteDefinition> routes() throws IOException {
        return new ServiceRouteDefinitions(services()).routes();
    }

    private static RouteDefinition route(List<RouteDefinition> routes, String id) {
        return routes.get(index(routes, id));
    }

    private static int index(List<RouteDefinition> routes, String id) {
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).getId().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no route " + id);
    }

    /** The patterns of the route's one predicate, {@code Path=...}. */
    private static String path(RouteDefinition route) {
        assertThat(route.getPredicates()).hasSize(1);
        assertThat(route.getPredicates().getFirst().getName()).isEqualTo("Path");
        return String.join(",", route.getPredicates().getFirst().getArgs().values());
    }

    private static List<String> adminPaths(PropertySource<?> yaml) {
        List<String> adminPaths = new ArrayList<>();
        for (int i = 0; yaml.containsProperty("platform.security.admin-paths[" + i + "]"); i++) {
            adminPaths.add(value(yaml, "platform.security.admin-paths[" + i + "]"));
        }
        return adminPaths;
    }

    private static List<String> publicPaths(PropertySource<?> yaml) {
        List<String> publicPaths = new ArrayList<>();
        for (int i = 0; yaml.containsProperty("platform.security.public-paths[" + i + "]"); i++) {
            publicPaths.add(value(yaml, "platform.security.public-paths[" + i + "]"));
        }
        return publicPaths;
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
}
