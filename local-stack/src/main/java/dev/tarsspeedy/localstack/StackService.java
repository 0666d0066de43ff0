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
 * @param jar the executable jar built by Maven
 * @param arguments program arguments after the jar
 * @param environment variables on top of the inherited environment
 * @param readinessPath answers 200 once the process serves
 */
public record StackService(
        String name,
        int port,
        Path jar,
        List<String> arguments,
        Map<String, String> environment,
        String readinessPath) {

    private static final String SPRING_READINESS = "/actuator/health/readiness";

    /** A Spring Boot service: readiness and metrics from its actuator. */
    public static StackService spring(String name, int port, Path jar, Map<String, String> environment) {
        return new StackService(name, port, jar, List.of(), environment, SPRING_READINESS);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String readinessUrl() {
        return baseUrl() + readinessPath;
    }

    /** Only Spring Boot services serve Prometheus metrics. */
    boolean hasMetrics() {
        return readinessPath.equals(SPRING_READINESS);
    }
}
