package dev.tarsspeedy.bench.market;

import dev.tarsspeedy.bench.buy.NoOpRoute;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The market stand-in (demo session: every market open around the clock), the market-data service and the gateway in
 * front of it, each in its own JVM from its built jar, as the local stack runs them, on the benchmark's
 * infrastructure. The quote paths are public: no tokens.
 */
final class MarketStack implements AutoCloseable {

    static final String SERVICE = "market-data-service";
    static final String GATEWAY = "gateway";
    /** The gateway's no-op route, the ceiling of part 1 (bench/buy's {@link NoOpRoute}). */
    static final String NO_OP_PATH = "/api/market/bench-noop";

    static final String STAND_IN = "market-stand-in";
    /** The gateway's per-client rate limit, lifted for the run: the benchmark measures the path, not the limit. */
    static final String RATE_LIMIT = "1000000";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<ServiceProcess> processes = new ArrayList<>();
    private final ServiceProcess service;
    private final ServiceProcess gateway;

    MarketStack(Path repository, Path home, Infrastructure infrastructure) throws IOException {
        int standInPort = NetworkPorts.freePort();
        int servicePort = NetworkPorts.freePort();
        int gatewayPort = NetworkPorts.freePort();
        // Nothing else runs: the other routes and the key set point at a closed port (public GETs need no token).
        String nowhere = "http://127.0.0.1:" + NetworkPorts.freePort();

        Map<String, String> common = new LinkedHashMap<>();
        common.putAll(SpringProperties.asEnvironment(SpringProperties.redis(infrastructure)));
        common.putAll(SpringProperties.asEnvironment(SpringProperties.kafka(infrastructure)));
        common.put("PLATFORM_SECURITY_JWKS_URI", nowhere + "/.well-known/jwks.json");
        common.put("JWKS_URI", nowhere + "/.well-known/jwks.json");

        Map<String, String> serviceEnvironment = new LinkedHashMap<>(common);
        serviceEnvironment.putAll(database(infrastructure.postgres(), "market_data_service"));
        serviceEnvironment.put("MARKET_DATA_PORT", Integer.toString(servicePort));
        serviceEnvironment.put("MARKET_STAND_IN_URL", "http://127.0.0.1:" + standInPort);
        serviceEnvironment.put("MARKET_SIMULATED_SESSION", "true");

        Map<String, String> gatewayEnvironment = new LinkedHashMap<>(common);
        gatewayEnvironment.put("GATEWAY_PORT", Integer.toString(gatewayPort));
        gatewayEnvironment.put("MARKET_DATA_URL", "http://127.0.0.1:" + servicePort);
        for (String route :
                List.of("IDENTITY_URL", "NOTIFICATION_URL", "CATALOG_URL", "ORDER_URL", "PAYMENT_URL", "ALERT_URL")) {
            gatewayEnvironment.put(route, nowhere);
        }
        gatewayEnvironment.put("GATEWAY_RATE_LIMIT_REPLENISH_RATE", RATE_LIMIT);
        gatewayEnvironment.put("GATEWAY_RATE_LIMIT_BURST_CAPACITY", RATE_LIMIT);
        // The ceiling's route: under /api/market/, public like the quotes, to the market-data service's /livez.
        gatewayEnvironment.putAll(new NoOpRoute(NO_OP_PATH, "http://127.0.0.1:" + servicePort).gatewayEnvironment());

        ServiceProcess standIn = new ServiceProcess(
                new StackService(
                        STAND_IN,
                        standInPort,
                        standInPort, // no actuator: its health is on its one port
                        standInJar(repository),
                        List.of("--port", Integer.toString(standInPort), "--demo-session", "true"),
                        Map.of(),
                        "/__stand-in/health"),
                home);
        service = new ServiceProcess(
                StackService.spring(SERVICE, servicePort, jar(repository, SERVICE), serviceEnvironment), home);
        gateway = new ServiceProcess(
                StackService.spring(GATEWAY, gatewayPort, jar(repository, GATEWAY), gatewayEnvironment), home);
        try {
            for (ServiceProcess process : List.of(standIn, service, gateway)) {
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
        return List.of(jar(repository, SERVICE), jar(repository, GATEWAY), standInJar(repository)).stream()
                .filter(path -> !Files.isRegularFile(path))
                .toList();
    }

    String serviceUrl() {
        return service.service().baseUrl();
    }

    String gatewayUrl() {
        return gateway.service().baseUrl();
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

    /**
     * Asks the service for each symbol until it answers 200: the symbol master loads at start, and a listed symbol
     * without a quote is fetched on demand (the demo session is open), so afterwards every quote comes from the cache.
     */
    void warmCache(List<String> symbols, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String symbol : symbols) {
            while (status(serviceUrl() + "/api/market/quotes/" + symbol) != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "no cached quote of " + symbol + " within " + timeout + "; see " + logs());
                }
                Sleep.millis(500);
            }
        }
    }

    static int status(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Map<String, String> database(PostgresServer postgres, String name) {
        return SpringProperties.asEnvironment(SpringProperties.database(postgres, postgres.createDatabase(name)));
    }

    static Path jar(Path repository, String service) {
        return repository.resolve("services").resolve(service).resolve("target").resolve(service + ".jar");
    }

    /** The stand-in's shaded jar, named with the version. */
    static Path standInJar(Path repository) {
        Path target = repository.resolve("stand-ins/market/target");
        try (var files = Files.list(target)) {
            return files.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith("market-standin-") && name.endsWith("-all.jar");
                    })
                    .findFirst()
                    .orElse(target.resolve("market-standin-all.jar"));
        } catch (IOException e) {
            return target.resolve("market-standin-all.jar");
        }
    }

    @Override
    public void close() {
        processes.reversed().forEach(ServiceProcess::stop);
    }
}
