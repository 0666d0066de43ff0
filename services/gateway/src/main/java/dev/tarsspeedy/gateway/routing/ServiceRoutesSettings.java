package dev.tarsspeedy.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The services behind the gateway, each declared once under {@code gateway.services.<name>}; {@link
 * ServiceRouteDefinitions} derives every route of a service from its declaration: its API, its stream paths, its
 * API document ({@code /v3/api-docs/<name>}) and its health ({@code /health/<name>-service}), each behind a circuit
 * breaker that falls back to {@code /fallback/<name>}.
 *
 * @param services by name: the name is the route id, the circuit breaker's name and the fallback's
 */
@ConfigurationProperties("gateway")
public record ServiceRoutesSettings(@DefaultValue Map<String, Service> services) {

    public ServiceRoutesSettings {
        services = Map.copyOf(services);
        services.forEach((name, service) -> {
            if (!name.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException(
                        "gateway.services." + name + ": a service name is lower case letters, digits and '-'");
            }
            if (service.uri() == null) {
                throw new IllegalArgumentException("gateway.services." + name + ".uri is not set");
            }
        });
    }

    /**
     * One service.
     *
     * @param uri where the service listens ({@code http://localhost:8085})
     * @param paths path patterns of its API ({@code /api/drops/**}); none: the service has no API for clients, and
     *     so no API document (only its health route)
     * @param streamPaths path patterns of responses that stay open (server-sent events): no response timeout, and a
     *     circuit breaker of their own ({@code <name>-stream}); matched before the service's other paths
     * @param routeOrder where the service's routes stand in the route table: lower first, equal ones by name. Routes
     *     are matched in that order, so a service whose paths are more specific than another's broader ones comes
     *     first
     * @param connectTimeout connect timeout of its API and stream routes; unset: the gateway's
     *     ({@code spring.cloud.gateway.server.webflux.httpclient.connect-timeout}). A plain number is milliseconds
     * @param responseTimeout time the service has to start answering on its API routes; unset: the gateway's. A plain
     *     number is milliseconds
     * @param apiDocument whether the service serves an OpenAPI document at {@code /v3/api-docs}: its docs route and
     *     its entry in Swagger UI (default {@code true} for a service with API paths). {@code false} for one whose
     *     paths are pages, not an API (the web interface), which would otherwise be listed as a 404
     */
    public record Service(
            URI uri,
            @DefaultValue List<String> paths,
            @DefaultValue List<String> streamPaths,
            @DefaultValue("0") int routeOrder,
            Duration connectTimeout,
            Duration responseTimeout,
            @DefaultValue("true") boolean apiDocument) {

        public Service {
            paths = List.copyOf(paths);
            streamPaths = List.copyOf(streamPaths);
        }
    }
}
