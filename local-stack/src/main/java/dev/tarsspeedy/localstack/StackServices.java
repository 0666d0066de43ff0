package dev.tarsspeedy.localstack;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.SpringProperties;
import dev.tarsspeedy.infra.postgres.PostgresServer;
import dev.tarsspeedy.infra.process.NetworkPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The services the local stack runs, with their ports and the environment that connects them to the
 * infrastructure: the same variables production sets. A service joins the stack when its module exists.
 */
public final class StackServices {

    static final String KAKAOPAY = "kakaopay-stand-in";

    static final String MARKET = "market-stand-in";

    /** The web interface's name in the stack and the gateway ({@code /health/web-service}); its module is services/web. */
    static final String WEB = "web-service";

    /** The stand-ins' own health path; they are not behind the gateway. */
    static final String STAND_IN_HEALTH = "/__stand-in/health";

    /** The documented ports (see docs/local-stack.md); the gateway comes first, it fronts the others. */
    static final Map<String, Integer> PORTS = ports();

    /** A Spring service's management port (metrics, health details) is its port plus this: 9080 to 9088. */
    static final int MANAGEMENT_OFFSET = 1000;

    private StackServices() {}

    private static Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway", 8080);
        ports.put("identity-service", 8081);
        ports.put("notification-service", 8082);
        ports.put("market-data-service", 8083);
        ports.put("alert-service", 8084);
        ports.put("catalog-service", 8085);
        ports.put("order-service", 8086);
        ports.put("payment-service", 8087);
        // The web interface (services/web): pages through the gateway, like the APIs.
        ports.put(WEB, 8088);
        // Not a service of ours: Kakaopay's online payment API as a local stand-in (stand-ins/kakaopay).
        ports.put(KAKAOPAY, 8090);
        // Not a service of ours either: the market-data providers (KIS, FSC, Finnhub) as one stand-in
        // (stand-ins/market).
        ports.put(MARKET, 8091);
        return ports;
    }

    /**
     * How an operator checks a process's health.
     *
     * @param name the process's name
     * @param throughGateway the path is the gateway's; otherwise the process's own (it is not behind the gateway)
     * @param path the health path, answering 200 with {@code "status":"UP"}
     */
    public record HealthCheck(String name, boolean throughGateway, String path) {}

    /**
     * The health check of every process in this checkout: the gateway's own, each Spring service's through the
     * gateway's {@code /health/<name>} route, the stand-in's at its own port. A new service is in it once it is here.
     */
    public static List<HealthCheck> healthChecks(Path repository) {
        return present(repository).stream()
                .map(name -> switch (name) {
                    case "gateway" -> new HealthCheck(name, true, "/healthz");
                    case KAKAOPAY, MARKET -> new HealthCheck(name, false, STAND_IN_HEALTH);
                    default -> new HealthCheck(name, true, "/health/" + name);
                })
                .toList();
    }

    /** The fixed management ports of the Spring services present, for the check that they are free. */
    static Map<String, Integer> managementPorts(Path repository) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        present(repository).stream()
                .filter(name -> !name.equals(KAKAOPAY) && !name.equals(MARKET))
                .forEach(name -> ports.put(name + " management", PORTS.get(name) + MANAGEMENT_OFFSET));
        return ports;
    }

    /** The names of the services whose modules exist in this checkout, gateway first. */
    static List<String> present(Path repository) {
        return PORTS.keySet().stream()
                .filter(name -> Files.isRegularFile(moduleOf(repository, name).resolve("pom.xml")))
                .toList();
    }

    /** The module a process of the stack is built from ({@code web-service}: {@code services/web}). */
    public static Path moduleOf(Path repository, String name) {
        return switch (name) {
            case KAKAOPAY -> repository.resolve("stand-ins").resolve("kakaopay");
            case MARKET -> repository.resolve("stand-ins").resolve("market");
            case WEB -> repository.resolve("services").resolve("web");
            default -> repository.resolve("services").resolve(name);
        };
    }

    static List<StackService> all(
            Path repository, Infrastructure infrastructure, StackSecrets secrets, boolean freePorts) {
        Map<String, Integer> port = new LinkedHashMap<>();
        PORTS.forEach((name, fixed) -> port.put(name, freePorts ? NetworkPorts.freePort() : fixed));
        Map<String, Integer> managementPort = new LinkedHashMap<>();
        PORTS.forEach((name, fixed) ->
                managementPort.put(name, freePorts ? NetworkPorts.freePort() : fixed + MANAGEMENT_OFFSET));
        String identityUrl = "http://127.0.0.1:" + port.get("identity-service");
        String gatewayUrl = "http://127.0.0.1:" + port.get("gateway");
        String catalogUrl = "http://127.0.0.1:" + port.get("catalog-service");
        String orderUrl = "http://127.0.0.1:" + port.get("order-service");
        String paymentUrl = "http://127.0.0.1:" + port.get("payment-service");
        String kakaopayUrl = "http://127.0.0.1:" + port.get(KAKAOPAY);
        String marketStandInUrl = "http://127.0.0.1:" + port.get(MARKET);
        // The stand-in checks the key like Kakaopay does; a new one each run is enough (it keeps no data).
        String kakaopayKey = "DEV" + UUID.randomUUID().toString().replace("-", "");

        Map<String, String> common = new LinkedHashMap<>();
        common.putAll(SpringProperties.asEnvironment(SpringProperties.redis(infrastructure)));
        common.putAll(SpringProperties.asEnvironment(SpringProperties.kafka(infrastructure)));
        common.put("PLATFORM_SECURITY_JWKS_URI", identityUrl + "/.well-known/jwks.json");

        List<StackService> services = new ArrayList<>();
        for (String name : present(repository)) {
            Map<String, String> environment = new LinkedHashMap<>(common);
            switch (name) {
                case "gateway" -> {
                    environment.put("GATEWAY_PORT", port.get(name).toString());
                    environment.put("IDENTITY_URL", identityUrl);
                    environment.put("NOTIFICATION_URL", "http://127.0.0.1:" + port.get("notification-service"));
                    environment.put("CATALOG_URL", catalogUrl);
                    environment.put("ORDER_URL", orderUrl);
                    environment.put("PAYMENT_URL", paymentUrl);
                    environment.put("MARKET_DATA_URL", "http://127.0.0.1:" + port.get("market-data-service"));
                    // The report preview is rendered by the notification service's internal endpoint.
                    environment.put("NOTIFICATION_URL", "http://127.0.0.1:" + port.get("notification-service"));
                    environment.put("ALERT_URL", "http://127.0.0.1:" + port.get("alert-service"));
                    environment.put("WEB_URL", "http://127.0.0.1:" + port.get(WEB));
                }
                case "identity-service" -> {
                    environment.putAll(database(infrastructure.postgres(), "identity_service"));
                    environment.put("IDENTITY_PORT", port.get(name).toString());
                    environment.put("IDENTITY_ISSUER", identityUrl);
                    environment.put("IDENTITY_DATA_KEY", secrets.identityDataKey());
                    environment.put("IDENTITY_ADMIN_EMAIL", secrets.admin().email());
                    environment.put("IDENTITY_ADMIN_PASSWORD", secrets.admin().password());
                    // Requests arrive through the gateway, which adds X-Forwarded-For: login throttles see the client.
                    environment.put("FORWARD_HEADERS_STRATEGY", "framework");
                }
                case "notification-service" -> {
                    environment.putAll(database(infrastructure.postgres(), "notification_service"));
                    environment.put("NOTIFICATION_PORT", port.get(name).toString());
                    environment.put("SPRING_MAIL_HOST", infrastructure.mail().smtpHost());
                    environment.put(
                            "SPRING_MAIL_PORT",
                            Integer.toString(infrastructure.mail().smtpPort()));
                }
                case "catalog-service" -> {
                    environment.putAll(database(infrastructure.postgres(), "catalog_service"));
                    environment.put("CATALOG_PORT", port.get(name).toString());
                    environment.put("ORDER_URL", orderUrl);
                    // Links in emails (one-click unsubscribe) point at the public entry point.
                    environment.put("CATALOG_PUBLIC_BASE_URL", gatewayUrl);
                }
                case "order-service" -> {
                    environment.putAll(database(infrastructure.postgres(), "order_service"));
                    environment.put("ORDER_PORT", port.get(name).toString());
                }
                case "payment-service" -> {
                    environment.putAll(database(infrastructure.postgres(), "payment_service"));
                    environment.put("PAYMENT_PORT", port.get(name).toString());
                    environment.put("ORDER_URL", orderUrl);
                    environment.put("KAKAOPAY_BASE_URL", kakaopayUrl);
                    environment.put("KAKAOPAY_SECRET_KEY", kakaopayKey);
                    // Kakaopay sends the browser back here: the public entry point.
                    environment.put("PAYMENT_PUBLIC_BASE_URL", gatewayUrl);
                    if (present(repository).contains(WEB)) {
                        // Back from Kakaopay to the web interface's order page (through its /payments/{id} hop).
                        environment.put("PAYMENT_RESULT_URL", "/payments/{paymentId}");
                    }
                }
                case WEB -> {
                    environment.put("WEB_PORT", port.get(name).toString());
                    // Every API call goes through the gateway; the sessions live in the stack's Redis (common).
                    environment.put("GATEWAY_URL", gatewayUrl);
                }
                case "market-data-service" -> {
                    environment.putAll(database(infrastructure.postgres(), "market_data_service"));
                    environment.put("MARKET_DATA_PORT", port.get(name).toString());
                    // No provider keys here: the service talks to the market stand-in and says so in its health.
                    environment.put("MARKET_STAND_IN_URL", marketStandInUrl);
                    // The stand-in plays a session around the clock; the service says so in its status and quotes.
                    environment.put("MARKET_SIMULATED_SESSION", "true");
                }
                case "alert-service" -> {
                    environment.putAll(database(infrastructure.postgres(), "alert_service"));
                    environment.put("ALERT_PORT", port.get(name).toString());
                    environment.put("MARKET_DATA_URL", "http://127.0.0.1:" + port.get("market-data-service"));
                    // The report preview is rendered by the notification service's internal endpoint.
                    environment.put("NOTIFICATION_URL", "http://127.0.0.1:" + port.get("notification-service"));
                    // Links in report and alert mails (manage, one-click unsubscribe) point at the public entry point.
                    environment.put("ALERT_PUBLIC_BASE_URL", gatewayUrl);
                }
                case MARKET -> {
                    // The demo session: every market "open" around the clock, so prices move at any hour.
                    services.add(new StackService(
                            name,
                            port.get(name),
                            port.get(name),
                            standInJar(repository, "market", "market-standin"),
                            List.of("--port", port.get(name).toString(), "--demo-session", "true"),
                            Map.of(),
                            STAND_IN_HEALTH));
                    continue;
                }
                case KAKAOPAY -> {
                    services.add(new StackService(
                            name,
                            port.get(name),
                            port.get(name),
                            standInJar(repository, "kakaopay", "kakaopay-standin"),
                            List.of("--port", port.get(name).toString(), "--secret-key", kakaopayKey),
                            Map.of(),
                            STAND_IN_HEALTH));
                    continue;
                }
                default -> throw new IllegalStateException("no local-stack settings for " + name);
            }
            services.add(StackService.spring(
                    name, port.get(name), managementPort.get(name), jar(repository, name), environment));
        }
        return services;
    }

    /** The service's own database, created on first start, as R2DBC and Flyway settings. */
    private static Map<String, String> database(PostgresServer postgres, String name) {
        return SpringProperties.asEnvironment(SpringProperties.database(postgres, postgres.createDatabase(name)));
    }

    /** A stand-in's jar with its dependencies (the shade plugin's {@code -all} jar, named with the version). */
    private static Path standInJar(Path repository, String module, String artifactId) {
        Path target = repository.resolve("stand-ins").resolve(module).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith(artifactId + "-") && name.endsWith("-all.jar");
                    })
                    .findFirst()
                    .orElse(target.resolve(artifactId + "-all.jar"));
        } catch (java.io.IOException e) {
            return target.resolve(artifactId + "-all.jar"); // not built: the start says so
        }
    }

    private static Path jar(Path repository, String service) {
        if (WEB.equals(service)) {
            return repository
                    .resolve("services")
                    .resolve("web")
                    .resolve("target")
                    .resolve("web.jar");
        }
        return repository.resolve("services").resolve(service).resolve("target").resolve(service + ".jar");
    }
}
