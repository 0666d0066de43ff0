package dev.tarsspeedy.platform.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Observability defaults every service shares, added with the lowest precedence so a service or the
 * environment can still override each one:
 *
 * <ul>
 *   <li>{@code /actuator/health} with liveness and readiness groups, {@code /actuator/prometheus}, {@code info};
 *   <li>the actuator on a management port of its own when {@code MANAGEMENT_PORT} is set (the local stack and
 *       {@code deploy/} always set it), so the public port never serves metrics; the status alone stays on the
 *       public port at {@code /livez}, {@code /readyz} and {@code /healthz} (every health indicator), for load
 *       balancers and the gateway's {@code /health/<name>} routes;
 *   <li>a latency histogram of a few buckets on {@code http.server.requests}, for p99 per service and route;
 *   <li>common metric tags {@code service} and {@code instance};
 *   <li>trace and span ids in every log line (Micrometer Tracing puts them in the MDC), one request in ten sampled
 *       ({@code TRACING_SAMPLING_PROBABILITY}); services on the buy path trade the ids of some lines for CPU
 *       ({@code spring.reactor.context-propagation=limited}), and keep them in the problem handler's lines;
 *   <li>no observations of Spring Security's filters (nothing reads them; they cost CPU on every request);
 *   <li>JSON (ECS) logs on the console when the {@code prod} profile is active.
 * </ul>
 */
public final class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "platformObservabilityDefaults";

    /** The environment variable that moves the actuator to a port of its own. */
    public static final String MANAGEMENT_PORT = "MANAGEMENT_PORT";

    /** The Prometheus client's switch for exemplars on every sample, {@code _count} and gauges included. */
    static final String EXEMPLARS_ON_ALL_METRIC_TYPES = "io.prometheus.exporter.exemplarsOnAllMetricTypes";

    /** Every health indicator's combined status (no details) on the public port. */
    public static final String OVERALL_HEALTH_PATH = "/healthz";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "never");
        if (environment.containsProperty(MANAGEMENT_PORT)) {
            defaults.put("management.server.port", "${" + MANAGEMENT_PORT + "}");
        }
        defaults.put("management.endpoint.health.probes.add-additional-paths", "true");
        defaults.put("management.endpoint.health.group.overall.include", "*");
        defaults.put("management.endpoint.health.group.overall.additional-path", "server:" + OVERALL_HEALTH_PATH);
        // Exemplars (trace ids) only where OpenMetrics 1.0 allows them, on histogram buckets and counters: Micrometer
        // puts them on every type by default, and Prometheus 2.42 (Debian's) then refuses the whole scrape of a service
        // ("metric name http_server_requests_seconds_count does not support exemplars"). A property, not an
        // autoconfigure exclusion, which a service's own spring.autoconfigure.exclude would silently replace.
        defaults.put("management.prometheus.metrics.export.properties[" + EXEMPLARS_ON_ALL_METRIC_TYPES + "]", "false");
        // Service-level buckets instead of a percentile histogram: a dozen series per route, not a hundred.
        defaults.put(
                "management.metrics.distribution.slo[http.server.requests]",
                "25ms,50ms,100ms,250ms,500ms,1s,2500ms,5s");
        defaults.put("management.metrics.tags.service", "${spring.application.name:unknown}");
        defaults.put("management.metrics.tags.instance", "${HOSTNAME:local}:${server.port:8080}");
        // Every request gets trace and span ids in its log lines; one in ten is sampled (its spans recorded, its
        // metrics' exemplars). Sampling every request cost the buy path measurable CPU (docs/benchmarks.md).
        defaults.put("management.tracing.sampling.probability", "${TRACING_SAMPLING_PROBABILITY:0.1}");
        // Spring Security observes each of its filters, the authentication and the authorization of every request:
        // three observations (timers, spans, context switches) per request that no dashboard or alert reads.
        // http.server.requests, the one every dashboard uses, stays.
        defaults.put("management.observations.enable.spring.security", "false");
        // Carries the trace context across Reactor operators, so log lines on any thread keep their ids. It costs: the
        // gateway and the order service, the buy path, set "limited" (docs/benchmarks.md: "auto" took about a third
        // of their CPU); there the ids are restored where code asks (Reactor's handle and tap, the problem handler).
        defaults.put("spring.reactor.context-propagation", "auto");
        defaults.put("logging.pattern.correlation", "[${spring.application.name:},%X{traceId:-},%X{spanId:-}] ");
        defaults.put("logging.include-application-name", "false");
        defaults.put("spring.webflux.problemdetails.enabled", "false");
        // 1.5 for a whole number (a quantity, a price in won) is a client's mistake, answered with a 400 problem;
        // Jackson would otherwise cut it to 1 without a word.
        defaults.put("spring.jackson.deserialization.accept-float-as-int", "false");
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            defaults.put("logging.structured.format.console", "ecs");
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
