package dev.tarsspeedy.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The route table, derived from the services' declarations ({@link ServiceRoutesSettings}). For a service
 * {@code <name>}, in this order:
 *
 * <ul>
 *   <li>{@code <name>-stream}: its stream paths, without a response timeout;
 *   <li>{@code <name>}: its API paths, with its connect and response timeouts;
 *   <li>{@code <name>-docs}: {@code /v3/api-docs/<name>}, its OpenAPI document (only for a service with API paths
 *       that serves one: not with {@code api-document: false});
 *   <li>{@code <name>-health}: {@code /health/<name>-service}, its {@code /healthz} (the status of every health indicator, on its public port).
 * </ul>
 *
 * Every route has a {@code CircuitBreaker} filter of its own name (polling health never opens the API's breaker)
 * falling back to {@code /fallback/<name>}: a service that is down or slow is the 503 problem there, never a 500, and
 * the body is read (at most the size limit) before the service is called. Route definitions, not Java DSL routes, so
 * that the gateway's default filters (rate limit, size limit) apply to them as to any configured route.
 */
@Component
public class ServiceRouteDefinitions implements RouteDefinitionLocator {

    static final String DOCS_PATH = "/v3/api-docs/";
    static final String HEALTH_PATH = "/health/";

    private final ServiceRoutesSettings properties;

    ServiceRouteDefinitions(ServiceRoutesSettings properties) {
        this.properties = properties;
        routes(); // a declaration that cannot become routes stops the gateway at startup, not at the first request
    }

    @Override
    public Flux<RouteDefinition> getRouteDefinitions() {
        // New definitions each time: the gateway may keep and change what it is given.
        return Flux.defer(() -> Flux.fromIterable(routes()));
    }

    /** Every service's routes, in the order they are matched. */
    public List<RouteDefinition> routes() {
        List<RouteDefinition> routes = new ArrayList<>();
        properties.services().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, ServiceRoutesSettings.Service> entry) ->
                                entry.getValue().routeOrder())
                        .thenComparing(Map.Entry::getKey))
                .forEach(entry -> routes.addAll(routes(entry.getKey(), entry.getValue())));
        return routes;
    }

    /** The API document routes' paths, one per service with an API document: what Swagger UI lists. */
    public List<String> documentPaths() {
        return properties.services().entrySet().stream()
                .filter(entry -> hasDocument(entry.getValue()))
                .map(entry -> DOCS_PATH + entry.getKey())
                .sorted()
                .toList();
    }

    static List<RouteDefinition> routes(String name, ServiceRoutesSettings.Service service) {
        List<RouteDefinition> routes = new ArrayList<>();
        if (!service.streamPaths().isEmpty()) {
            Map<String, Object> metadata = timeouts(service);
            metadata.put(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1L);
            routes.add(route(name + "-stream", name, service, service.streamPaths(), metadata));
        }
        if (!service.paths().isEmpty()) {
            routes.add(route(name, name, service, service.paths(), timeouts(service)));
        }
        if (hasDocument(service)) {
            RouteDefinition docs = route(name + "-docs", name, service, List.of(DOCS_PATH + name), Map.of());
            docs.getFilters().add(new FilterDefinition("SetPath=/v3/api-docs"));
            routes.add(docs);
        }
        // The status without details on the public port (platform default), so it is public; for operators and the
        // end-to-end tests. The actuator itself may be on a management port the gateway does not know.
        RouteDefinition health =
                route(name + "-health", name, service, List.of(HEALTH_PATH + name + "-service"), Map.of());
        health.getFilters().add(new FilterDefinition("SetPath=/healthz"));
        routes.add(health);
        return routes;
    }

    private static boolean hasDocument(ServiceRoutesSettings.Service service) {
        return !service.paths().isEmpty() && service.apiDocument();
    }

    private static RouteDefinition route(
            String id,
            String serviceName,
            ServiceRoutesSettings.Service service,
            List<String> paths,
            Map<String, Object> metadata) {
        RouteDefinition route = new RouteDefinition();
        route.setId(id);
        route.setUri(service.uri());
        route.setOrder(service.routeOrder());
        route.getPredicates().add(new PredicateDefinition("Path=" + String.join(",", paths)));
        FilterDefinition breaker = new FilterDefinition();
        breaker.setName("CircuitBreaker");
        breaker.addArg("name", id);
        breaker.addArg("fallbackUri", "forward:/fallback/" + serviceName);
        route.getFilters().add(breaker);
        route.setMetadata(new LinkedHashMap<>(metadata));
        return route;
    }

    private static Map<String, Object> timeouts(ServiceRoutesSettings.Service service) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (service.connectTimeout() != null) {
            metadata.put(
                    RouteMetadataUtils.CONNECT_TIMEOUT_ATTR,
                    Math.toIntExact(service.connectTimeout().toMillis()));
        }
        if (service.responseTimeout() != null) {
            metadata.put(
                    RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR,
                    service.responseTimeout().toMillis());
        }
        return metadata;
    }
}
