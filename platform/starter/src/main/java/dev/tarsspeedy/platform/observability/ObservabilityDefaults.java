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
 *   <li>common metric tags {@code service} and {@code instance};
 *   <li>trace and span ids in every log line (Micrometer Tracing puts them in the MDC);
 *   <li>JSON (ECS) logs on the console when the {@code prod} profile is active.
 * </ul>
 */
public final class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "platformObservabilityDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "never");
        defaults.put("management.metrics.tags.service", "${spring.application.name:unknown}");
        defaults.put("management.metrics.tags.instance", "${HOSTNAME:local}:${server.port:8080}");
        // Every request gets a trace; sampling decides only what would be exported, not what is logged.
        defaults.put("management.tracing.sampling.probability", "1.0");
        // Carries the trace context across Reactor operators, so log lines on any thread keep their ids.
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
