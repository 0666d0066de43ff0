package dev.tarsspeedy.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * One service of the local stack: the same executable jar as production, configured through the same
 * environment variables production uses.
 *
 * @param name the service's name, also its module folder under {@code services/}
 * @param port the HTTP port it listens on
 * @param jar the executable jar built by Maven
 * @param environment variables on top of the inherited environment
 */
public record StackService(String name, int port, Path jar, Map<String, String> environment) {

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String readinessUrl() {
        return baseUrl() + "/actuator/health/readiness";
    }
}
