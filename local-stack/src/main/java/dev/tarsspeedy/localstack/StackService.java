package dev.tarsspeedy.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One process of the local stack: a service from the same executable jar as production, configured through the same
 * environment variables production uses, or a stand-in for something that lives on the internet.
 *
 * @param name the process's name, for a service also its module folder under {@code services/}
 * @param port the HTTP port it listens on
 * @param managementPort the port of its actuator (metrics, health details): {@code port} when it has none of its own
 * @param jar the executable jar built by Maven
 * @param arguments program arguments after the jar
 * @param environment variables on top of the inherited environment
 * @param readinessPath answers 200 once the process serves
 */
public record StackService(
        String name,
        int port,
        int managementPort,
        Path jar,
        List<String> arguments,
        Map<String, String> environment,
        String readinessPath) {

    /** Readiness on the public port: the platform serves it there even when the actuator has a port of its own. */
    private static final String SPRING_READINESS = "/readyz";

    /** The variable the platform starter reads to move the actuator to a port of its own. */
    static final String MANAGEMENT_PORT = "MANAGEMENT_PORT";

    /** A Spring Boot service with its actuator on its public port. */
    public static StackService spring(String name, int port, Path jar, Map<String, String> environment) {
        return new StackService(name, port, port, jar, List.of(), environment, SPRING_READINESS);
    }

    /** A Spring Boot service with its actuator (metrics, health details) on a management port of its own. */
    public static StackService spring(
            String name, int port, int managementPort, Path jar, Map<String, String> environment) {
        Map<String, String> withManagement = new java.util.LinkedHashMap<>(environment);
        withManagement.put(MANAGEMENT_PORT, Integer.toString(managementPort));
        return new StackService(name, port, managementPort, jar, List.of(), withManagement, SPRING_READINESS);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String readinessUrl() {
        return baseUrl() + readinessPath;
    }

    /** Only Spring Boot services serve Prometheus metrics. */
    public boolean hasMetrics() {
        return readinessPath.equals(SPRING_READINESS);
    }

    /** {@code host:port} Prometheus scrapes. */
    public String metricsTarget() {
        return "127.0.0.1:" + managementPort;
    }

    /** Where the service's metrics are: its management port, never the public one when it has its own. */
    public String metricsUrl() {
        return "http://" + metricsTarget() + "/actuator/prometheus";
    }
}
