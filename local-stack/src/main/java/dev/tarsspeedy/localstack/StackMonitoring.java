package dev.tarsspeedy.localstack;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.process.Folders;
import dev.tarsspeedy.infra.process.NetworkPorts;
import dev.tarsspeedy.infra.process.OsProcesses;
import dev.tarsspeedy.infra.process.Sleep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Prometheus and Alertmanager for the local stack, from the Debian packages {@code prometheus} and
 * {@code prometheus-alertmanager} when they are installed: Prometheus scrapes every service's management port and the
 * broker's JMX exporter with the repository's rules ({@code monitoring/prometheus/rules}); Alertmanager mails alerts
 * to the stack's SMTP server, so they land in the mailbox. Without the packages the stack says how to install them and
 * runs without monitoring.
 *
 * <p>Tests shorten the timings through the stack's environment: {@code MONITORING_SCRAPE_INTERVAL} (scrape and rule
 * evaluation, default 15s), {@code MONITORING_ALERT_FOR} (replaces every rule's {@code for}) and
 * {@code MONITORING_ALERT_GROUP_WAIT} (Alertmanager's {@code group_wait}, default 30s).
 */
public final class StackMonitoring implements AutoCloseable {

    static final int PROMETHEUS_PORT = 9090;
    static final int ALERTMANAGER_PORT = 9093;
    static final String INSTALL_HINT =
            "sudo apt-get install prometheus prometheus-alertmanager" + " (or scripts/install-test-packages)";
    /** Who receives the alerts in the local stack's mailbox (ALERT_EMAIL_TO changes it). */
    static final String DEFAULT_ALERT_EMAIL = "ops@example.com";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Running> running = new ArrayList<>();

    private record Running(String name, String url, Process process) {}

    private StackMonitoring() {}

    /** The binaries, found on the {@code PATH} (Debian installs them in /usr/bin). */
    record Binaries(Optional<Path> prometheus, Optional<Path> alertmanager) {

        static Binaries find() {
            return new Binaries(onPath("prometheus"), onPath("prometheus-alertmanager", "alertmanager"));
        }

        boolean complete() {
            return prometheus.isPresent() && alertmanager.isPresent();
        }
    }

    static Optional<Path> onPath(String... names) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        List<String> folders = new ArrayList<>(List.of(path.split(java.io.File.pathSeparator)));
        folders.add("/usr/bin");
        for (String name : names) {
            for (String folder : folders) {
                Path candidate = Path.of(folder).resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Starts Prometheus and Alertmanager if they are installed; otherwise prints how to install them and returns an
     * instance that runs nothing.
     */
    static StackMonitoring start(
            Path repository,
            Path home,
            Infrastructure infrastructure,
            List<StackService> services,
            boolean freePorts,
            Map<String, String> environment) {
        StackMonitoring monitoring = new StackMonitoring();
        Binaries binaries = Binaries.find();
        if (!binaries.complete()) {
            System.out.println("      Prometheus and Alertmanager are not installed, the stack runs without them: "
                    + INSTALL_HINT);
            return monitoring;
        }
        Path folder = Folders.create(home.resolve("monitoring"));
        Path logs = Folders.create(home.resolve("logs"));
        Path run = Folders.create(home.resolve("run"));
        int prometheusPort = freePorts ? NetworkPorts.freePort() : PROMETHEUS_PORT;
        int alertmanagerPort = freePorts ? NetworkPorts.freePort() : ALERTMANAGER_PORT;
        try {
            String interval = environment.getOrDefault("MONITORING_SCRAPE_INTERVAL", "15s");
            Path rules = Folders.create(folder.resolve("rules"));
            copyRules(
                    repository.resolve("monitoring/prometheus/rules"), rules, environment.get("MONITORING_ALERT_FOR"));
            Path prometheusConfig = folder.resolve("prometheus.yml");
            Files.writeString(
                    prometheusConfig,
                    prometheusConfiguration(
                            interval,
                            rules,
                            "127.0.0.1:" + prometheusPort,
                            "127.0.0.1:" + alertmanagerPort,
                            infrastructure.kafka().isExternal()
                                    ? null
                                    : infrastructure.kafka().metricsTarget(),
                            services),
                    StandardCharsets.UTF_8);
            Path alertmanagerConfig = folder.resolve("alertmanager.yml");
            Files.writeString(
                    alertmanagerConfig,
                    alertmanagerConfiguration(
                            Files.readString(repository.resolve("monitoring/alertmanager/alertmanager.yml")),
                            infrastructure.mail().smtpHost(),
                            infrastructure.mail().smtpPort(),
                            environment.getOrDefault("ALERT_EMAIL_TO", DEFAULT_ALERT_EMAIL),
                            environment.get("MONITORING_ALERT_GROUP_WAIT")),
                    StandardCharsets.UTF_8);

            monitoring.launch(
                    "Alertmanager",
                    List.of(
                            binaries.alertmanager().orElseThrow().toString(),
                            "--config.file=" + alertmanagerConfig,
                            "--storage.path=" + folder.resolve("alertmanager-data"),
                            "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                            // One instance: no gossip port (9094) to take.
                            "--cluster.listen-address="),
                    alertmanagerPort,
                    logs.resolve("alertmanager.log"),
                    run.resolve("alertmanager.pid"));
            monitoring.launch(
                    "Prometheus",
                    List.of(
                            binaries.prometheus().orElseThrow().toString(),
                            "--config.file=" + prometheusConfig,
                            "--storage.tsdb.path=" + folder.resolve("prometheus-data"),
                            "--storage.tsdb.retention.time=2d",
                            "--web.listen-address=127.0.0.1:" + prometheusPort),
                    prometheusPort,
                    logs.resolve("prometheus.log"),
                    run.resolve("prometheus.pid"));
        } catch (IOException e) {
            monitoring.close();
            throw new UncheckedIOException("cannot start Prometheus and Alertmanager: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            monitoring.close();
            throw e;
        }
        return monitoring;
    }

    /** What this instance runs, for the stack's table: name and URL. */
    List<Map.Entry<String, String>> endpoints() {
        return running.stream().map(r -> Map.entry(r.name(), r.url())).toList();
    }

    List<ProcessHandle> processes() {
        return running.stream().map(r -> r.process().toHandle()).toList();
    }

    private void launch(String name, List<String> command, int port, Path log, Path pidFile) throws IOException {
        // A stack killed with kill -9 leaves them running on their ports.
        OsProcesses.fromPidFileWithArgument(
                        pidFile, Path.of(command.getFirst()).getFileName().toString(), command.get(1))
                .ifPresent(stale -> OsProcesses.terminate(stale, STOP_GRACE));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.UTF_8);
        String url = "http://127.0.0.1:" + port;
        running.add(new Running(name, url, process));
        awaitReady(name, url + "/-/ready", process, log);
    }

    private static void awaitReady(String name, String url, Process process, Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with status " + process.exitValue() + " during start; see " + log);
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            Sleep.millis(200);
        }
        throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    /** The repository's rule files; with {@code alertFor}, every rule's {@code for} replaced by it (tests only). */
    static void copyRules(Path from, Path to, String alertFor) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".rules.yml"))
                    .toList()) {
                String text = Files.readString(file);
                if (alertFor != null && !alertFor.isBlank()) {
                    text = text.replaceAll("(?m)^(\\s+)for: .*$", "$1for: " + alertFor);
                }
                Files.writeString(to.resolve(file.getFileName()), text, StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * The scrape configuration: the jobs of {@code monitoring/prometheus/prometheus.yml} (every service by name, the
     * broker as {@code kafka}, Prometheus and Alertmanager) with the stack's addresses.
     */
    static String prometheusConfiguration(
            String interval,
            Path rules,
            String prometheus,
            String alertmanager,
            String kafkaMetrics,
            List<StackService> services) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Written by the local stack at every start from monitoring/prometheus/prometheus.yml's jobs.\n");
        yaml.append("global:\n  scrape_interval: ").append(interval).append('\n');
        yaml.append("  evaluation_interval: ").append(interval).append('\n');
        yaml.append("  external_labels:\n    environment: local\n");
        yaml.append("rule_files:\n  - ")
                .append(quote(rules.resolve("*.rules.yml").toString()))
                .append('\n');
        yaml.append("alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: [")
                .append(quote(alertmanager))
                .append("]\n");
        yaml.append("scrape_configs:\n");
        Function<String, StringBuilder> job =
                name -> yaml.append("  - job_name: ").append(name).append('\n');
        job.apply("prometheus").append(targets(prometheus));
        job.apply("alertmanager").append(targets(alertmanager));
        if (kafkaMetrics != null) {
            job.apply("kafka").append(targets(kafkaMetrics));
        }
        for (StackService service : services) {
            if (service.hasMetrics()) {
                job.apply(service.name())
                        .append("    metrics_path: /actuator/prometheus\n")
                        .append(targets(service.metricsTarget()));
            }
        }
        return yaml.toString();
    }

    private static String targets(String target) {
        return "    static_configs:\n      - targets: [" + quote(target) + "]\n";
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The repository's Alertmanager configuration with the stack's SMTP server and recipient filled in. */
    static String alertmanagerConfiguration(
            String template, String smtpHost, int smtpPort, String to, String groupWait) {
        String text = template.replace("${ALERT_SMTP_HOST}", smtpHost)
                .replace("${ALERT_SMTP_PORT}", Integer.toString(smtpPort))
                .replace("${ALERT_EMAIL_FROM}", "alertmanager@localhost")
                .replace("${ALERT_EMAIL_TO}", to);
        if (groupWait != null && !groupWait.isBlank()) {
            text = text.replaceAll("(?m)^(\\s+)group_wait: .*$", "$1group_wait: " + groupWait)
                    .replaceAll("(?m)^(\\s+)group_interval: .*$", "$1group_interval: " + groupWait);
        }
        return text;
    }

    /** SIGTERM, as Prometheus and Alertmanager expect, then waits. */
    @Override
    public void close() {
        for (Running r : running.reversed()) {
            OsProcesses.terminate(r.process().toHandle(), STOP_GRACE);
        }
        running.clear();
    }
}
