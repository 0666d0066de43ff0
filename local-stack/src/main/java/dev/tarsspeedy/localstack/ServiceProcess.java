package dev.tarsspeedy.localstack;

import dev.tarsspeedy.infra.process.Folders;
import dev.tarsspeedy.infra.process.OsProcesses;
import dev.tarsspeedy.infra.process.Sleep;
import java.io.IOException;
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
import java.util.Optional;

/** A service running in its own JVM, its output in a log file, its pid in a file so a killed stack is cleaned up. */
public final class ServiceProcess {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackService service;
    private final Path logFile;
    private final Path pidFile;
    private Process process;
    /** Stops the service when this JVM ends without {@link #stop()} (a benchmark or a stack stopped with Ctrl-C). */
    private Thread stopOnExit;

    public ServiceProcess(StackService service, Path home) {
        this.service = service;
        this.logFile = home.resolve("logs").resolve(service.name() + ".log");
        this.pidFile = home.resolve("run").resolve(service.name() + ".pid");
    }

    public StackService service() {
        return service;
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * The services' JVM options, the same in the local stack and the benchmarks (decision 0011):
     * a small heap with the serial collector.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC");

    /** A service environment variable that replaces {@link #JVM_OPTIONS} (space-separated), for measuring others. */
    public static final String JVM_OPTIONS_VARIABLE = "SERVICE_JVM_OPTIONS";

    static List<String> jvmOptions(java.util.Map<String, String> environment) {
        String options = environment.getOrDefault(JVM_OPTIONS_VARIABLE, "").strip();
        return options.isEmpty() ? JVM_OPTIONS : List.of(options.split("\\s+"));
    }

    public void start() throws IOException {
        if (!Files.isRegularFile(service.jar())) {
            throw new IllegalStateException(service.name() + " is not built: " + service.jar()
                    + " is missing. Run ./stack (it builds) or ./mvnw -DskipTests package.");
        }
        Folders.create(logFile.getParent());
        Folders.create(pidFile.getParent());
        // A stack killed with kill -9 leaves its services running; their ports would block the new ones.
        OsProcesses.fromPidFileWithArgument(pidFile, "java", service.jar().toString())
                .ifPresent(stale -> OsProcesses.terminate(stale, STOP_GRACE));
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions(service.environment()));
        command.addAll(List.of("-jar", service.jar().toString()));
        command.addAll(service.arguments());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(service.environment());
        process = builder.start();
        Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.UTF_8);
        ProcessHandle started = process.toHandle();
        stopOnExit = new Thread(
                () -> {
                    if (started.isAlive()) {
                        OsProcesses.terminate(started, STOP_GRACE);
                    }
                },
                service.name() + "-stop-on-exit");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Waits until the readiness probe answers 200; fails early when the JVM exits. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(service.readinessUrl()))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with status " + process.exitValue()
                        + " during start; see " + logFile);
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
            Sleep.millis(250);
        }
        throw new IllegalStateException(
                service.name() + " was not ready within " + timeout.toSeconds() + " s; see " + logFile);
    }

    public Optional<ProcessHandle> handle() {
        return Optional.ofNullable(process).map(Process::toHandle);
    }

    /** SIGTERM lets Spring Boot shut down gracefully; what is left after the grace period is killed. */
    public void stop() {
        if (process != null) {
            OsProcesses.terminate(process.toHandle(), STOP_GRACE);
            process = null;
        }
        if (stopOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // called from a shutdown hook itself: the hook runs anyway and finds the process gone
            }
            stopOnExit = null;
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // harmless: the next start checks the pid against the jar before acting on it
        }
    }
}
