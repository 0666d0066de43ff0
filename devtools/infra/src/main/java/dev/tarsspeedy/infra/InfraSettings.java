package dev.tarsspeedy.infra;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How to run the infrastructure: where data lives, whether it survives a restart, which ports to use (0 picks
 * a free one) and which servers are external.
 *
 * @param dataDirectory this run's own folder: databases, logs, configuration files
 * @param keepData {@code false} makes a throw-away run folder: wiped before the first start, recorded as this
 *     JVM's (so that a later run can clean up after a killed one) and deleted after the last stop
 * @param ports the ports to listen on, 0 for a free port
 * @param external servers to use instead of starting them
 */
public record InfraSettings(Path dataDirectory, boolean keepData, Ports ports, ExternalServers external) {

    /**
     * Environment variable (or system property {@code infra.home}, which wins) naming the folder for test runs. The
     * build passes {@code infra.home} to integration tests: {@code target/infra}, or this variable when it is set.
     */
    public static final String HOME_VARIABLE = "INFRA_HOME";

    public InfraSettings {
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    /**
     * Settings for a test JVM: a fresh folder under {@code INFRA_HOME} (default {@code target/infra}), free
     * ports, data removed afterwards, external servers from the environment.
     */
    public static InfraSettings forTests() {
        Path home = Path.of(lookup(HOME_VARIABLE).orElse("target/infra"));
        String run = "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        return new InfraSettings(home.resolve(run), false, Ports.free(), ExternalServers.fromEnvironment());
    }

    /** Settings for the local stack: fixed, documented ports and data that persist in {@code dataDirectory}. */
    public static InfraSettings forLocalStack(Path dataDirectory) {
        return new InfraSettings(dataDirectory, true, Ports.localStack(), ExternalServers.fromEnvironment());
    }

    public InfraSettings withPorts(Ports newPorts) {
        return new InfraSettings(dataDirectory, keepData, newPorts, external);
    }

    public InfraSettings withExternal(ExternalServers newExternal) {
        return new InfraSettings(dataDirectory, keepData, ports, newExternal);
    }

    /**
     * Ports, 0 meaning "any free port".
     *
     * @param kafkaMetrics the broker's Prometheus metrics (the JMX exporter java agent)
     */
    public record Ports(
            int postgres, int redis, int kafka, int kafkaController, int kafkaMetrics, int smtp, int mailbox) {

        public static Ports free() {
            return new Ports(0, 0, 0, 0, 0, 0, 0);
        }

        /** The local stack's ports, documented in docs/local-stack.md. */
        public static Ports localStack() {
            return new Ports(15432, 16379, 19092, 19093, 19094, 2525, 8025);
        }
    }

    /**
     * External servers, each taken from an environment variable or the system property of the same name in
     * lower case with dots ({@code INFRA_POSTGRES_URL} or {@code infra.postgres.url}).
     *
     * @param postgres {@code postgresql://user:password@host:5432/database}
     * @param redis {@code redis://[:password@]host:6379}
     * @param kafkaBootstrapServers {@code host:9092[,host:9092]}
     * @param smtp {@code smtp://host:25}
     * @param mailbox the HTTP mailbox that reads what the SMTP server received, {@code http://host:8025}
     */
    public record ExternalServers(
            Optional<URI> postgres,
            Optional<URI> redis,
            Optional<String> kafkaBootstrapServers,
            Optional<URI> smtp,
            Optional<URI> mailbox) {

        public static ExternalServers none() {
            return new ExternalServers(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        public static ExternalServers fromEnvironment() {
            return new ExternalServers(
                    lookup("INFRA_POSTGRES_URL").map(URI::create),
                    lookup("INFRA_REDIS_URL").map(URI::create),
                    lookup("INFRA_KAFKA_BOOTSTRAP_SERVERS"),
                    lookup("INFRA_SMTP_URL").map(URI::create),
                    lookup("INFRA_MAILBOX_URL").map(URI::create));
        }
    }

    /** A system property ({@code infra.postgres.url}) wins over the environment ({@code INFRA_POSTGRES_URL}). */
    static Optional<String> lookup(String variable) {
        String property = variable.toLowerCase().replace('_', '.');
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }
}
