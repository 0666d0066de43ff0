package dev.tarsspeedy.infra.kafka;

import dev.tarsspeedy.infra.AbstractManagedServer;
import dev.tarsspeedy.infra.InfraSettings;
import dev.tarsspeedy.infra.process.BinaryCache;
import dev.tarsspeedy.infra.process.Folders;
import dev.tarsspeedy.infra.process.NetworkPorts;
import dev.tarsspeedy.infra.process.OsProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real single-node Kafka KRaft broker (broker and controller in one process) running Kafka's own jars in a
 * child JVM, or an external cluster from {@code INFRA_KAFKA_BOOTSTRAP_SERVERS}.
 *
 * <p>The broker keeps its ports and data across {@link #stop()} and {@link #start()}, so tests can take it
 * away and bring it back as an outage would.
 */
public final class KafkaServer extends AbstractManagedServer {

    private static final String BROKER_JAR = "/dev/tarsspeedy/infra/kafka/kafka-broker.jar";
    /** The Prometheus JMX exporter java agent and its rules (monitoring/jmx/kafka-broker.yml), copied in by the build. */
    private static final String JMX_AGENT_JAR = "/dev/tarsspeedy/infra/kafka/jmx_prometheus_javaagent.jar";

    private static final String JMX_RULES = "/dev/tarsspeedy/infra/kafka/kafka-broker.yml";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String PID_FILE = "broker.pid";

    private final Path dataDirectory;
    private final Path logFile;
    private int port;
    private int controllerPort;
    private int metricsPort;
    private Process process;
    private String externalBootstrapServers;

    public KafkaServer(InfraSettings settings) {
        super("kafka", settings);
        this.dataDirectory = settings.dataDirectory().resolve("kafka");
        this.logFile = settings.dataDirectory().resolve("logs").resolve("kafka.log");
        this.port = settings.ports().kafka();
        this.controllerPort = settings.ports().kafkaController();
        this.metricsPort = settings.ports().kafkaMetrics();
        this.externalBootstrapServers =
                settings.external().kafkaBootstrapServers().orElse(null);
    }

    @Override
    public boolean isExternal() {
        return externalBootstrapServers != null;
    }

    @Override
    protected void startServer() throws Exception {
        Folders.create(dataDirectory);
        Folders.create(logFile.getParent());
        // The broker of a killed run ends once it sees its standard input close; until then it holds the data.
        stopLeftover(settings.dataDirectory());
        port = NetworkPorts.orFree(port);
        controllerPort = NetworkPorts.orFree(controllerPort);
        metricsPort = NetworkPorts.orFree(metricsPort);
        Path config = dataDirectory.resolve("server.properties");
        Files.writeString(config, configuration(), StandardCharsets.UTF_8);
        Path brokerJar = BinaryCache.extract(KafkaServer.class, BROKER_JAR, "kafka-broker.jar", false);
        Path agentJar = BinaryCache.extract(KafkaServer.class, JMX_AGENT_JAR, "jmx_prometheus_javaagent.jar", false);
        Path agentRules = BinaryCache.extract(KafkaServer.class, JMX_RULES, "kafka-broker.yml", false);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m",
                "-Xmx" + heap(),
                "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20",
                "-Djava.awt.headless=true",
                // Broker metrics for Prometheus at http://127.0.0.1:<metrics port>/metrics, as in deploy/.
                "-javaagent:" + agentJar + "=" + NetworkPorts.LOOPBACK + ":" + metricsPort + ":" + agentRules,
                // Marks the process as belonging to this data folder, for humans reading `ps` and for tests.
                marker(dataDirectory),
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka=warn",
                "-Dorg.slf4j.simpleLogger.log.state.change.logger=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                "-jar",
                brokerJar.toString(),
                config.toString()));
        // Standard input stays a pipe to this JVM: when this JVM dies, the pipe closes and the broker exits.
        process = new ProcessBuilder(command)
                .directory(dataDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            Files.writeString(dataDirectory.resolve(PID_FILE), process.pid() + "\n", StandardCharsets.UTF_8);
            NetworkPorts.awaitOpen(
                    "Kafka broker (log: " + logFile + ")",
                    NetworkPorts.LOOPBACK,
                    port,
                    START_TIMEOUT,
                    process::isAlive);
            awaitCluster(bootstrapServers(), START_TIMEOUT);
        } catch (RuntimeException | IOException | ExecutionException | TimeoutException e) {
            OsProcesses.terminate(process.toHandle(), STOP_GRACE);
            throw new IllegalStateException("Kafka broker failed to start, see " + logFile + ": " + e.getMessage(), e);
        }
    }

    /** The argument that ties a broker process to its data folder. */
    private static String marker(Path brokerFolder) {
        return "-Dinfra.dataDirectory=" + brokerFolder;
    }

    /**
     * Stops a broker that a killed run left on its data folder in {@code runFolder}, found through the pid file
     * written at start and checked against the data folder named on its command line.
     */
    public static void stopLeftover(Path runFolder) {
        Path brokerFolder = runFolder.resolve("kafka");
        OsProcesses.stopLeftover(brokerFolder.resolve(PID_FILE), "java", marker(brokerFolder), STOP_GRACE);
    }

    private static String heap() {
        return System.getProperty("infra.kafka.heap", System.getenv().getOrDefault("INFRA_KAFKA_HEAP", "512m"));
    }

    private String configuration() {
        String loopback = NetworkPorts.LOOPBACK;
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        entries.put("process.roles", "broker,controller");
        entries.put("node.id", "1");
        entries.put(
                "listeners",
                "PLAINTEXT://" + loopback + ":" + port + ",CONTROLLER://" + loopback + ":" + controllerPort);
        entries.put("advertised.listeners", "PLAINTEXT://" + loopback + ":" + port);
        entries.put("controller.listener.names", "CONTROLLER");
        entries.put("inter.broker.listener.name", "PLAINTEXT");
        entries.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        entries.put("controller.quorum.bootstrap.servers", loopback + ":" + controllerPort);
        entries.put("log.dirs", dataDirectory.resolve("data").toString());
        entries.put("num.partitions", "3");
        entries.put("auto.create.topics.enable", "true");
        // One broker: every internal topic has one replica.
        entries.put("offsets.topic.replication.factor", "1");
        entries.put("offsets.topic.num.partitions", "10");
        entries.put("transaction.state.log.replication.factor", "1");
        entries.put("transaction.state.log.min.isr", "1");
        entries.put("transaction.state.log.num.partitions", "10");
        entries.put("share.coordinator.state.topic.replication.factor", "1");
        entries.put("share.coordinator.state.topic.min.isr", "1");
        // Consumers in tests join at once instead of waiting three seconds for more members.
        entries.put("group.initial.rebalance.delay.ms", "0");
        entries.put("log.retention.hours", "168");
        StringBuilder text = new StringBuilder("# Written by the infrastructure library; rewritten at every start.\n");
        entries.forEach(
                (key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** Waits until the broker answers metadata requests: an open port alone does not mean it serves clients. */
    private static void awaitCluster(String bootstrapServers, Duration timeout)
            throws ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) timeout.toMillis()))) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    @Override
    protected void stopServer() throws IOException {
        Process current = process;
        process = null;
        if (current != null) {
            OsProcesses.terminate(current.toHandle(), STOP_GRACE);
        }
        Files.deleteIfExists(dataDirectory.resolve(PID_FILE));
    }

    @Override
    protected void checkExternal() throws Exception {
        try {
            awaitCluster(externalBootstrapServers, Duration.ofSeconds(15));
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(
                    "external Kafka at " + externalBootstrapServers
                            + " (INFRA_KAFKA_BOOTSTRAP_SERVERS) does not answer: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public List<Endpoint> endpoints() {
        return isExternal()
                ? List.of(new Endpoint("Kafka", bootstrapServers()))
                : List.of(new Endpoint("Kafka", bootstrapServers()), new Endpoint("Kafka metrics", metricsUrl()));
    }

    /** The broker's Prometheus metrics (JMX exporter); only for a broker this library started. */
    public String metricsUrl() {
        return "http://" + NetworkPorts.LOOPBACK + ":" + metricsPort + "/metrics";
    }

    /** {@code host:port} of the broker's metrics, for a Prometheus scrape target. */
    public String metricsTarget() {
        return NetworkPorts.LOOPBACK + ":" + metricsPort;
    }

    @Override
    public List<ProcessHandle> processes() {
        Process current = process;
        return current == null ? List.of() : OsProcesses.withDescendants(current.toHandle());
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return isExternal() ? externalBootstrapServers : NetworkPorts.LOOPBACK + ":" + port;
    }
}
