package dev.tarsspeedy.bench.web;

import dev.tarsspeedy.bench.buy.Tokens;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.SpringProperties;
import dev.tarsspeedy.infra.postgres.PostgresServer;
import dev.tarsspeedy.infra.process.NetworkPorts;
import dev.tarsspeedy.infra.process.Sleep;
import dev.tarsspeedy.localstack.ServiceProcess;
import dev.tarsspeedy.localstack.StackService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a drop's page needs, each in its own JVM from its built jar as the local stack runs them: the catalog (the
 * drop), the order service (its live stock, which the catalog asks for), the gateway in front of both and the web
 * interface behind the gateway (it calls the API through the gateway, as in production), trusting the benchmark's
 * signing key (bench/buy's {@link Tokens}) instead of an identity service.
 */
final class WebStack implements AutoCloseable {

    static final List<String> SERVICES = List.of("catalog-service", "order-service", "gateway", "web");
    /** The gateway's per-client rate limit, lifted for the run: the benchmark measures the path, not the limit. */
    static final String RATE_LIMIT = "1000000";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final Tokens tokens;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final ServiceProcess gateway;

    WebStack(Path repository, Path home, Infrastructure infrastructure, Tokens tokens) throws IOException {
        this.tokens = tokens;
        int catalogPort = NetworkPorts.freePort();
        int orderPort = NetworkPorts.freePort();
        int gatewayPort = NetworkPorts.freePort();
        int webPort = NetworkPorts.freePort();
        String gatewayUrl = "http://127.0.0.1:" + gatewayPort;
        String orderUrl = "http://127.0.0.1:" + orderPort;
        String nowhere = "http://127.0.0.1:" + NetworkPorts.freePort();

        Map<String, String> common = new LinkedHashMap<>();
        common.putAll(SpringProperties.asEnvironment(SpringProperties.redis(infrastructure)));
        common.putAll(SpringProperties.asEnvironment(SpringProperties.kafka(infrastructure)));
        common.put("PLATFORM_SECURITY_JWKS_URI", tokens.jwksUri());
        common.put("JWKS_URI", tokens.jwksUri());

        Map<String, String> catalog = new LinkedHashMap<>(common);
        catalog.putAll(database(infrastructure.postgres(), "catalog_service"));
        catalog.put("CATALOG_PORT", Integer.toString(catalogPort));
        catalog.put("ORDER_URL", orderUrl);
        catalog.put("CATALOG_PUBLIC_BASE_URL", gatewayUrl);

        Map<String, String> order = new LinkedHashMap<>(common);
        order.putAll(database(infrastructure.postgres(), "order_service"));
        order.put("ORDER_PORT", Integer.toString(orderPort));

        Map<String, String> gatewayEnvironment = new LinkedHashMap<>(common);
        gatewayEnvironment.put("GATEWAY_PORT", Integer.toString(gatewayPort));
        gatewayEnvironment.put("CATALOG_URL", "http://127.0.0.1:" + catalogPort);
        gatewayEnvironment.put("ORDER_URL", orderUrl);
        gatewayEnvironment.put("WEB_URL", "http://127.0.0.1:" + webPort);
        for (String route :
                List.of("IDENTITY_URL", "NOTIFICATION_URL", "PAYMENT_URL", "MARKET_DATA_URL", "ALERT_URL")) {
            gatewayEnvironment.put(route, nowhere);
        }
        gatewayEnvironment.put("GATEWAY_RATE_LIMIT_REPLENISH_RATE", RATE_LIMIT);
        gatewayEnvironment.put("GATEWAY_RATE_LIMIT_BURST_CAPACITY", RATE_LIMIT);

        Map<String, String> web = new LinkedHashMap<>(common);
        web.put("WEB_PORT", Integer.toString(webPort));
        web.put("GATEWAY_URL", gatewayUrl);

        gateway = new ServiceProcess(
                StackService.spring("gateway", gatewayPort, jar(repository, "gateway"), gatewayEnvironment), home);
        try {
            for (ServiceProcess process : List.of(
                    new ServiceProcess(
                            StackService.spring(
                                    "catalog-service", catalogPort, jar(repository, "catalog-service"), catalog),
                            home),
                    new ServiceProcess(
                            StackService.spring("order-service", orderPort, jar(repository, "order-service"), order),
                            home),
                    gateway,
                    new ServiceProcess(StackService.spring("web", webPort, jar(repository, "web"), web), home))) {
                processes.add(process);
                process.start();
            }
            for (ServiceProcess process : processes) {
                process.awaitReady(Duration.ofSeconds(180));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    static List<Path> missingJars(Path repository) {
        return SERVICES.stream()
                .map(service -> jar(repository, service))
                .filter(path -> !Files.isRegularFile(path))
                .toList();
    }

    String gatewayUrl() {
        return gateway.service().baseUrl();
    }

    /**
     * An open drop, created as an operator does (product, then drop, through the gateway), once the catalog serves it
     * open and the order service, told by the catalog's event, knows its stock.
     */
    UUID openDrop(Duration timeout) throws IOException, InterruptedException {
        String admin = tokens.adminToken();
        String product = post("/api/admin/products", admin, """
                {"name":"Benchmark sneakers","description":"The drop page benchmark's product"}""");
        Instant opens = Instant.now().plusSeconds(5);
        String drop =
                post("/api/admin/drops", admin, """
                {"productId":"%s","price":89000,"quantity":100000,"perUserLimit":1,"opensAt":"%s","closesAt":"%s"}""".formatted(id(product), opens, opens.plus(Duration.ofHours(3))));
        UUID id = UUID.fromString(id(drop));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(get("/api/drops/" + id).contains("\"OPEN\"") && status("/drops/" + id) == 200)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("drop " + id + " not open within " + timeout + "; see " + logs());
            }
            Sleep.millis(500);
        }
        return id;
    }

    Map<String, ProcessHandle> handles() {
        Map<String, ProcessHandle> handles = new LinkedHashMap<>();
        for (ServiceProcess process : processes) {
            process.handle().ifPresent(handle -> handles.put(process.service().name(), handle));
        }
        return handles;
    }

    List<Path> logs() {
        return processes.stream().map(ServiceProcess::logFile).toList();
    }

    private String post(String path, String token, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(gatewayUrl() + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(gatewayUrl() + path))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private int status(String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(gatewayUrl() + path))
                                    .timeout(Duration.ofSeconds(10))
                                    .header("Accept", "text/html")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String id(String json) {
        Matcher id = ID.matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return id.group(1);
    }

    private static Map<String, String> database(PostgresServer postgres, String name) {
        return SpringProperties.asEnvironment(SpringProperties.database(postgres, postgres.createDatabase(name)));
    }

    static Path jar(Path repository, String service) {
        return repository.resolve("services").resolve(service).resolve("target").resolve(service + ".jar");
    }

    @Override
    public void close() {
        processes.reversed().forEach(ServiceProcess::stop);
    }
}
