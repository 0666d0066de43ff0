package dev.tarsspeedy.localstack;

import dev.tarsspeedy.infra.Infrastructure;
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
    static final Map<String, Integer> PORTS = Map.of("gateway", 8080);

    /** Where the identity service will listen; the gateway and services already fetch its signing keys there. */
    static final int IDENTITY_PORT = 8081;

    private StackServices() {}

    static List<StackService> all(Path repository, Infrastructure infrastructure, boolean freePorts) {
        int gatewayPort = port("gateway", freePorts);
        int identityPort = freePorts ? NetworkPorts.freePort() : IDENTITY_PORT;
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

        return List.of(new StackService("gateway", gatewayPort, jar(repository, "gateway"), gateway));
    }

    private static int port(String service, boolean freePorts) {
        return freePorts ? NetworkPorts.freePort() : PORTS.get(service);
    }

    private static Path jar(Path repository, String service) {
        return repository.resolve("services").resolve(service).resolve("target").resolve(service + ".jar");
    }
}
