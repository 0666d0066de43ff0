package dev.tarsspeedy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.localstack.StackServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose.yaml without a Docker engine: it parses, runs every service of the platform with the monitoring, a
 * health check and a restart policy each; every variable it passes to a service is one the service reads (documented
 * in docs/configuration.md or the service's README); every variable it takes from the environment is in .env.example.
 */
class ComposeFileTest {

    private static final Path DEPLOY = MonitoringFiles.REPOSITORY.resolve("deploy");
    private static final Pattern DOCUMENTED = Pattern.compile("`([A-Z][A-Z0-9_]+)(\\*?)(=[^`]*)?`");
    private static final Pattern INTERPOLATED = Pattern.compile("(?<!\\$)\\$\\{([A-Z][A-Z0-9_]*)");

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceRunsWithAHealthCheckAndARestartPolicy() {
        Map<String, Object> services = services();
        assertThat(services)
                .containsKeys("postgres", "redis", "kafka", "prometheus", "alertmanager", "grafana")
                .containsKeys(platformServices().toArray(String[]::new));
        services.forEach((name, definition) -> {
            Map<String, Object> service = (Map<String, Object>) definition;
            assertThat(service).as(name).containsKey("healthcheck");
            assertThat(service.get("restart")).as(name).isEqualTo("unless-stopped");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyVariableAServiceGetsIsOneItReads() throws Exception {
        String shared = Files.readString(MonitoringFiles.REPOSITORY.resolve("docs/configuration.md"));
        for (String name : platformServices()) {
            Map<String, Object> service = (Map<String, Object>) services().get(name);
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            String readme = Files.readString(
                    StackServices.moduleOf(MonitoringFiles.REPOSITORY, name).resolve("README.md"));
            Set<String> exact = new HashSet<>();
            Set<String> prefixes = new HashSet<>();
            for (String text : List.of(shared, readme)) {
                Matcher documented = DOCUMENTED.matcher(text);
                while (documented.find()) {
                    (documented.group(2).isEmpty() ? exact : prefixes).add(documented.group(1));
                }
            }
            for (String variable : environment.keySet()) {
                assertThat(exact.contains(variable) || prefixes.stream().anyMatch(variable::startsWith))
                        .as(name + " gets " + variable + ", which neither docs/configuration.md nor its README lists")
                        .isTrue();
            }
            // Metrics on the management port (service port + 1000), which is never published.
            assertThat(environment).as(name).containsKey("MANAGEMENT_PORT");
            assertThat(String.valueOf(service.getOrDefault("ports", List.of())))
                    .as(name + " publishes its management port")
                    .doesNotContain(String.valueOf(environment.get("MANAGEMENT_PORT")));
        }
    }

    @Test
    void everyVariableTakenFromTheEnvironmentIsInEnvExample() throws Exception {
        String compose = Files.readString(DEPLOY.resolve("compose.yaml"));
        Set<String> example = new HashSet<>();
        for (String line : Files.readAllLines(DEPLOY.resolve(".env.example"))) {
            if (line.matches("[A-Z][A-Z0-9_]*=.*")) {
                example.add(line.substring(0, line.indexOf('=')));
            }
        }
        Matcher interpolated = INTERPOLATED.matcher(compose);
        Set<String> used = new HashSet<>();
        while (interpolated.find()) {
            used.add(interpolated.group(1));
        }
        assertThat(used).contains("POSTGRES_PASSWORD", "PUBLIC_BASE_URL", "GRAFANA_ADMIN_PASSWORD");
        assertThat(example).containsAll(used);
        assertThat(used).as(".env.example lists only what compose.yaml reads").containsAll(example);
    }

    /** Prometheus scrapes what compose runs: each job's target is a compose service on its management port. */
    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheComposeServicesOnTheirManagementPorts() throws Exception {
        Map<String, Object> services = services();
        for (String name : platformServices()) {
            Map<String, Object> environment =
                    (Map<String, Object>) ((Map<String, Object>) services.get(name)).get("environment");
            assertThat(Files.readString(MonitoringFiles.PROMETHEUS_CONFIG))
                    .contains("\"" + name + ":" + environment.get("MANAGEMENT_PORT") + "\"");
        }
        Map<String, Object> kafka = (Map<String, Object>) services.get("kafka");
        assertThat(String.valueOf(kafka.get("environment"))).contains("jmx_prometheus_javaagent.jar=9404");
        assertThat(Files.readString(DEPLOY.resolve("kafka/Dockerfile")))
                .contains("monitoring/jmx/kafka-broker.yml", "jmx_prometheus_javaagent-${JMX_EXPORTER_VERSION}.jar");
        assertThat(Files.readString(MonitoringFiles.PROMETHEUS_CONFIG)).contains("\"kafka:9404\"");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() {
        return (Map<String, Object>)
                MonitoringFiles.yaml(DEPLOY.resolve("compose.yaml")).get("services");
    }

    /** The Spring services of this checkout (the local stack's list), without the stand-ins. */
    private static List<String> platformServices() {
        return StackServices.healthChecks(MonitoringFiles.REPOSITORY).stream()
                .map(StackServices.HealthCheck::name)
                .filter(name -> !name.endsWith("stand-in"))
                .toList();
    }
}
