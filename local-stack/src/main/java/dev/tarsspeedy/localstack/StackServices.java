package dev.tarsspeedy.localstack;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.postgres.PostgresServer;
import dev.tarsspeedy.infra.process.NetworkPorts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services the local stack runs, with their ports and the environment that connects them to the
 * infrastructure. A service joins the stack by adding a line here once its module exists.
 */
final class StackServices {

    /** The documented ports of the services the stack runs (see README). */
    static final Map<String, Integer> PORTS = Map.of("gateway", 8080, "identity-service", 8081);

    private StackServices() {}

    /**
     * @param admin the operator account the identity service creates at start
     * @param identityDataKey the identity service's data key, the same at every start of this stack
     */
    static List<StackService> all(
            Path repository,
            Infrastructure infrastructure,
            boolean freePorts,
            AdminCredentials admin,
            String identityDataKey) {
        int gatewayPort = port("gateway", freePorts);
        int identityPort = port("identity-service", freePorts);
        String identityUrl = "http://127.0.0.1:" + identityPort;

        Map<String, String> common = new LinkedHashMap<>();
        common.put("SPRING_DATA_REDIS_URL", infrastructure.redis().uri());
        common.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafka().bootstrapServers());
        common.put("SPRING_MAIL_HOST", infrastructure.mail().smtpHost());
        common.put("SPRING_MAIL_PORT", Integer.toString(infrastructure.mail().smtpPort()));
        common.put("PLATFORM_SECURITY_JWKS_URI", identityUrl + "/.well-known/jwks.json");

        Map<String, String> gateway = new LinkedHashMap<>(common);
        gateway.put("GATEWAY_PORT", Integer.toString(gatewayPort));
        gateway.put("IDENTITY_URL", identityUrl);

        Map<String, String> identity = new LinkedHashMap<>(common);
        identity.putAll(database(infrastructure, "identity_service"));
        identity.put("IDENTITY_PORT", Integer.toString(identityPort));
        identity.put("IDENTITY_DATA_KEY", identityDataKey);
        identity.put("IDENTITY_ADMIN_EMAIL", admin.email());
        identity.put("IDENTITY_ADMIN_PASSWORD", admin.password());
        // Requests arrive through the gateway, which adds X-Forwarded-For: login throttles see the client.
        identity.put("FORWARD_HEADERS_STRATEGY", "framework");

        // The gateway first: its URL is the stack's entry point (printed as READY).
        return List.of(
                new StackService("gateway", gatewayPort, jar(repository, "gateway"), gateway),
                new StackService("identity-service", identityPort, jar(repository, "identity-service"), identity));
    }

    /** A database of the service's own, over R2DBC for the service and JDBC for its migrations. */
    private static Map<String, String> database(Infrastructure infrastructure, String name) {
        PostgresServer postgres = infrastructure.postgres();
        String database = postgres.createDatabase(name);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_R2DBC_URL", postgres.r2dbcUrl(database));
        environment.put("SPRING_R2DBC_USERNAME", postgres.username());
        environment.put("SPRING_R2DBC_PASSWORD", postgres.password());
        environment.put("SPRING_FLYWAY_URL", postgres.jdbcUrl(database));
        environment.put("SPRING_FLYWAY_USER", postgres.username());
        environment.put("SPRING_FLYWAY_PASSWORD", postgres.password());
        return environment;
    }

    private static int port(String service, boolean freePorts) {
        return freePorts ? NetworkPorts.freePort() : PORTS.get(service);
    }

    private static Path jar(Path repository, String service) {
        return repository.resolve("services").resolve(service).resolve("target").resolve(service + ".jar");
    }
}
