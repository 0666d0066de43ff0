package dev.tarsspeedy.bench.buy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmarks' reference route: one more gateway route, declared through the gateway's environment, from
 * {@code path} to a service's {@code /livez} (its liveness status on the public port, answered from memory). The
 * gateway's default filters (rate limit, size limit) apply to it and it has a circuit breaker, like every API route;
 * what it adds to a request is the gateway's own cost, its ceiling on this machine.
 *
 * @param path the path on the gateway; authenticated unless under a public prefix (e.g. {@code /api/market/})
 * @param upstream the service's base URL
 */
public record NoOpRoute(String path, String upstream) {

    /** What the service answers, from memory. */
    public static final String SERVICE_PATH = "/livez";

    /** The gateway's environment for the route: first in its table (order -1), before any service's routes. */
    public Map<String, String> gatewayEnvironment() {
        String route = "SPRING_CLOUD_GATEWAY_SERVER_WEBFLUX_ROUTES_0_";
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(route + "ID", "bench-noop");
        environment.put(route + "URI", upstream);
        environment.put(route + "ORDER", "-1");
        environment.put(route + "PREDICATES_0", "Path=" + path);
        environment.put(route + "FILTERS_0", "SetPath=" + SERVICE_PATH);
        environment.put(route + "FILTERS_1", "CircuitBreaker=bench-noop");
        return environment;
    }
}
