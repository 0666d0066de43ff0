package dev.tarsspeedy.bench.buy;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.SpringProperties;
import dev.tarsspeedy.infra.postgres.PostgresServer;
import dev.tarsspeedy.infra.process.NetworkPorts;
import dev.tarsspeedy.infra.process.Sleep;
import dev.tarsspeedy.localstack.ServiceProcess;
import dev.tarsspeedy.localstack.StackService;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.EventHeaders;
import dev.tarsspeedy.platform.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * The order service and the gateway in front of it, each in its own JVM from its production jar (as the local stack
 * runs them), on the benchmark's infrastructure and trusting the benchmark's signing key. Drops reach the order
 * service the production way: a {@link DropChanged} event on Kafka.
 */
final class OrderStack implements AutoCloseable {

    static final String ORDER_SERVICE = "order-service";
    static final String GATEWAY = "gateway";
    /** The gateway's per-user rate limit, lifted for the run: the benchmark measures the path, not the limit. */
    static final String RATE_LIMIT = "1000000";
    /**
     * The reference rows' no-op: the order service's liveness status on its public port, answered from memory (after
     * the JWT check, as every request with a token), and the gateway's route to it ({@link NoOpRoute}).
     */
    static final String NO_OP_PATH = NoOpRoute.SERVICE_PATH;

    static final String GATEWAY_NO_OP_PATH = "/bench/noop";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Infrastructure infrastructure;
    private final Tokens tokens;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final KafkaProducer<String, String> producer;
    private final ServiceProcess order;
    private final ServiceProcess gateway;

    OrderStack(
            Path orderJar,
            Path gatewayJar,
            Path home,
            Infrastructure infrastructure,
            Tokens tokens,
            Optional<Path> profileFolder,
            Optional<String> jvmOptions)
            throws IOException {
        this.infrastructure = infrastructure;
        this.tokens = tokens;
        int orderPort = NetworkPorts.freePort();
        int gatewayPort = NetworkPorts.freePort();
        String orderUrl = "http://127.0.0.1:" + orderPort;

        Map<String, String> common = new LinkedHashMap<>();
        common.putAll(SpringProperties.asEnvironment(SpringProperties.redis(infrastructure)));
        common.putAll(SpringProperties.asEnvironment(SpringProperties.kafka(infrastructure)));
        common.put("PLATFORM_SECURITY_JWKS_URI", tokens.jwksUri());
        common.put("JWKS_URI", tokens.jwksUri());
        jvmOptions.ifPresent(options -> common.put(ServiceProcess.JVM_OPTIONS_VARIABLE, options));

        Map<String, String> orderEnvironment = new LinkedHashMap<>(common);
        orderEnvironment.putAll(database(infrastructure.postgres(), "order_service"));
        orderEnvironment.put("ORDER_PORT", Integer.toString(orderPort));
        profileFolder.ifPresent(folder -> orderEnvironment.put("JAVA_TOOL_OPTIONS", jfr(folder, ORDER_SERVICE)));

        Map<String, String> gatewayEnvironment = new LinkedHashMap<>(common);
        gatewayEnvironment.put("GATEWAY_PORT", Integer.toString(gatewayPort));
        gatewayEnvironment.put("ORDER_URL", orderUrl);
        // Nothing else runs: the other routes point at a closed port.
        String nowhere = "http://127.0.0.1:" + NetworkPorts.freePort();
        gatewayEnvironment.put("IDENTITY_URL", nowhere);
        gatewayEnvironment.put("NOTIFICATION_URL", nowhere);
        gatewayEnvironment.put("CATALOG_URL", nowhere);
        gatewayEnvironment.put("PAYMENT_URL", nowhere);
        gatewayEnvironment.put("GATEWAY_RATE_LIMIT_REPLENISH_RATE", RATE_LIMIT);
        gatewayEnvironment.put("GATEWAY_RATE_LIMIT_BURST_CAPACITY", RATE_LIMIT);
        // (e)'s route: authenticated, so the gateway checks the buyer's token as on the buy path.
        gatewayEnvironment.putAll(new NoOpRoute(GATEWAY_NO_OP_PATH, orderUrl).gatewayEnvironment());
        profileFolder.ifPresent(folder -> gatewayEnvironment.put("JAVA_TOOL_OPTIONS", jfr(folder, GATEWAY)));

        order = new ServiceProcess(StackService.spring(ORDER_SERVICE, orderPort, orderJar, orderEnvironment), home);
        gateway = new ServiceProcess(StackService.spring(GATEWAY, gatewayPort, gatewayJar, gatewayEnvironment), home);
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infrastructure.kafka().bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer());
        try {
            for (ServiceProcess process : List.of(order, gateway)) {
                processes.add(process);
                process.start();
            }
            for (ServiceProcess process : processes) {
                process.awaitReady(Duration.ofSeconds(120));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    static boolean built(Path orderJar, Path gatewayJar) {
        return Files.isRegularFile(orderJar) && Files.isRegularFile(gatewayJar);
    }

    String orderUrl() {
        return order.service().baseUrl();
    }

    String gatewayUrl() {
        return gateway.service().baseUrl();
    }

    /** The service processes, for CPU accounting. */
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
     * Publishes a new drop that opens at {@code opensAt} and stays open for an hour, as the catalog would, and waits
     * until the order service has loaded it (its stats endpoint knows it).
     */
    UUID openDrop(int quantity, Instant opensAt) throws Exception {
        UUID dropId = UUID.randomUUID();
        DropChanged drop = new DropChanged(
                dropId,
                1,
                UUID.randomUUID(),
                "Benchmark drop",
                10_000,
                quantity,
                1,
                opensAt,
                opensAt.plus(Duration.ofHours(1)),
                null);
        EventEnvelope envelope = EventEnvelope.of(DropChanged.TYPE, DropChanged.VERSION, dropId.toString(), drop);
        ProducerRecord<String, String> record =
                new ProducerRecord<>(DropChanged.TOPIC, envelope.key(), envelope.toJson());
        record.headers().add(EventHeaders.ID, envelope.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.TYPE, envelope.type().getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(EventHeaders.VERSION, Integer.toString(envelope.version()).getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (stats(dropId).isPresent()) {
                return dropId;
            }
            Sleep.millis(200);
        }
        throw new IllegalStateException(
                "the order service did not load drop " + dropId + " within 60 s; see " + order.logFile());
    }

    /**
     * A drop's sales as the order service reports them: {@code sold} is what left the stock (quantity minus the
     * remaining units in Redis, where buying happens), {@code orders} the live orders in its database, and
     * {@code soldInDatabase} the service's own {@code sold} figure, counted from its database.
     */
    record Sales(long quantity, long sold, long remaining, long orders, long soldInDatabase, String json) {}

    /**
     * The drop's sales once they settle: orders reach the database through Redis, a stream relay and Kafka, so the
     * database may trail the stock for a while after the load stops. Waits until orders == sold, or until the count
     * of orders has not moved for 20 s (at most 3 minutes).
     */
    Sales settledSales(UUID dropId) {
        Sales last = stats(dropId).orElseThrow(() -> new IllegalStateException("no stats for drop " + dropId));
        long lastProgress = System.nanoTime();
        long deadline = lastProgress + Duration.ofMinutes(3).toNanos();
        while (last.orders() != last.sold()
                && System.nanoTime() < deadline
                && System.nanoTime() - lastProgress < Duration.ofSeconds(20).toNanos()) {
            Sleep.millis(500);
            Optional<Sales> next = stats(dropId);
            if (next.isPresent()) {
                if (next.get().orders() != last.orders()) {
                    lastProgress = System.nanoTime();
                }
                last = next.get();
            }
        }
        System.out.printf(
                "  after the run: quantity %d, remaining %d, sold %d, live orders %d (the order service's stats)%n",
                last.quantity(), last.remaining(), last.soldInDatabase(), last.orders());
        return last;
    }

    /**
     * The one place that knows how the order service reports a drop:
     * {@code GET /api/admin/drops/{id}/stats -> {dropId, quantity, sold, remaining, liveOrders, ...}}.
     */
    Optional<Sales> stats(UUID dropId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(orderUrl() + "/api/admin/drops/" + dropId + "/stats"))
                .header("Authorization", "Bearer " + tokens.adminToken())
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(sales(response.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Sales sales(String json) {
        JsonNode stats = EventJson.mapper().readTree(json);
        long quantity = stats.path("quantity").asLong();
        long remaining = stats.path("remaining").asLong();
        return new Sales(
                quantity,
                quantity - remaining,
                remaining,
                stats.path("liveOrders").asLong(),
                stats.path("sold").asLong(),
                json);
    }

    private static Map<String, String> database(PostgresServer postgres, String name) {
        return SpringProperties.asEnvironment(SpringProperties.database(postgres, postgres.createDatabase(name)));
    }

    private static String jfr(Path folder, String service) {
        return "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                + folder.resolve(service + ".jfr").toAbsolutePath();
    }

    static Path jar(Path repository, String service) {
        return repository.resolve("services").resolve(service).resolve("target").resolve(service + ".jar");
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        processes.reversed().forEach(ServiceProcess::stop);
    }
}
