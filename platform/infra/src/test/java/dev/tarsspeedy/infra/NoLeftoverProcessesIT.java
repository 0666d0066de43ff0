package dev.tarsspeedy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.infra.process.Folders;
import dev.tarsspeedy.infra.process.OsProcesses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starting and stopping the infrastructure leaves no process behind: after {@code close()}, after Ctrl-C of
 * the JVM that runs it, and even after that JVM was killed outright (the next start cleans up).
 */
class NoLeftoverProcessesIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void closeStopsEveryServerProcessAndRemovesTheData() {
        InfraSettings settings = InfraSettings.forTests();
        List<ProcessHandle> processes;
        try (Infrastructure infrastructure = Infrastructure.create(settings).startAll()) {
            processes = infrastructure.processes();
            assertThat(commands(processes)).contains("postgres", "redis-server", "java");
        }
        assertThat(OsProcesses.awaitExit(processes, EXIT_TIMEOUT))
                .as("still alive: %s", alive(processes))
                .isTrue();
        assertThat(settings.dataDirectory()).doesNotExist();
    }

    @Test
    void ctrlCStopsEveryServerProcess() throws Exception {
        Path data = InfraSettings.forTests().dataDirectory();
        Process jvm = startInfrastructureJvm(data);
        List<ProcessHandle> servers = awaitReady(jvm);
        assertThat(commands(servers)).contains("postgres", "redis-server", "java");

        signal(jvm, "INT");

        assertThat(jvm.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(OsProcesses.awaitExit(servers, EXIT_TIMEOUT))
                .as("still alive: %s", alive(servers))
                .isTrue();
    }

    @Test
    void aKilledRunLeavesNothingOnceTheNextRunStarts() throws Exception {
        Path data = InfraSettings.forTests().dataDirectory();
        Process jvm = startInfrastructureJvm(data, "--keep-data");
        List<ProcessHandle> servers = awaitReady(jvm);

        jvm.toHandle().destroyForcibly(); // kill -9: no shutdown hook runs
        assertThat(jvm.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // The Kafka broker watches its standard input and ends with its parent.
        List<ProcessHandle> broker =
                servers.stream().filter(p -> command(p).equals("java")).toList();
        assertThat(broker).hasSize(1);
        assertThat(OsProcesses.awaitExit(broker, EXIT_TIMEOUT)).isTrue();

        // Native servers cannot watch their parent; the next run on the same data stops them before starting.
        InfraSettings next =
                new InfraSettings(data, true, InfraSettings.Ports.free(), InfraSettings.ExternalServers.none());
        try (Infrastructure infrastructure = Infrastructure.create(next)) {
            infrastructure.start(List.of(Infrastructure.Server.POSTGRES, Infrastructure.Server.REDIS));
            assertThat(alive(servers)).isEmpty();
        } finally {
            Folders.deleteRecursively(data);
        }
    }

    private static Process startInfrastructureJvm(Path data, String... extraArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                InfrastructureMain.class.getName(),
                "--data",
                data.toString()));
        command.addAll(Arrays.asList(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        return builder.start();
    }

    /** Reads the child's output until its READY line and returns the server processes it names. */
    private static List<ProcessHandle> awaitReady(Process jvm) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = output.readLine()) != null) {
                    System.out.println("[infrastructure] " + line);
                    if (line.startsWith("READY pids=")) {
                        return line.substring("READY pids=".length());
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String pids = ready.get(3, TimeUnit.MINUTES);
        assertThat(pids).as("READY line from the infrastructure JVM").isNotNull();
        // Keep draining so the child never blocks on a full pipe.
        Thread.ofVirtual().start(() -> {
            try {
                output.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the child ended
            }
        });
        List<ProcessHandle> servers = Arrays.stream(pids.split(","))
                .map(Long::parseLong)
                .map(ProcessHandle::of)
                .flatMap(Optional::stream)
                .toList();
        assertThat(servers).allMatch(ProcessHandle::isAlive);
        return servers;
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        assertThat(kill.waitFor()).isZero();
    }

    private static List<String> commands(List<ProcessHandle> processes) {
        return processes.stream().map(NoLeftoverProcessesIT::command).toList();
    }

    private static String command(ProcessHandle process) {
        return process.info()
                .command()
                .map(c -> Path.of(c).getFileName().toString())
                .orElse("?");
    }

    private static List<String> alive(List<ProcessHandle> processes) {
        return processes.stream()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + command(p))
                .toList();
    }
}
