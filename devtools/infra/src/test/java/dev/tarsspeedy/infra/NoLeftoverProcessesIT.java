package dev.tarsspeedy.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.tarsspeedy.infra.process.FolderOwner;
import dev.tarsspeedy.infra.process.Folders;
import dev.tarsspeedy.infra.process.OsProcesses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Starting and stopping the infrastructure leaves no process behind: after {@code close()}, after Ctrl-C of
 * the JVM that runs it, and even after that JVM was killed outright (the next start cleans up). Besides the
 * processes the infrastructure reported, every check scans all processes for any that names the run's folder.
 *
 * <p>Servers configured as external have no processes here; their process checks are skipped.
 */
class NoLeftoverProcessesIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);
    private static final InfraSettings.ExternalServers EXTERNAL = InfraSettings.ExternalServers.fromEnvironment();
    private static final long SIGINT_MASK = 1L << (2 - 1); // bit of signal 2 in /proc/<pid>/status masks

    @Test
    void closeStopsEveryServerProcessAndRemovesTheData() {
        InfraSettings settings = InfraSettings.forTests();
        Path data = settings.dataDirectory();
        List<ProcessHandle> processes;
        try (Infrastructure infrastructure = Infrastructure.create(settings).startAll()) {
            processes = infrastructure.processes();
            assertThat(commands(processes)).containsAll(localServerCommands());
            // The scan below must be able to see the servers, or finding none after the stop would prove nothing.
            assertThat(commands(mentioning(data))).containsAll(localServerCommands());
        }
        assertThat(OsProcesses.awaitExit(processes, EXIT_TIMEOUT))
                .as("still alive: %s", alive(processes))
                .isTrue();
        assertThat(describe(mentioning(data))).as("processes naming %s", data).isEmpty();
        assertThat(data).doesNotExist();
    }

    @Test
    void ctrlCStopsEveryServerProcess() throws Exception {
        Path data = InfraSettings.forTests().dataDirectory();
        Process jvm = startInfrastructureJvm(data);
        List<ProcessHandle> servers = awaitReady(jvm);
        assertThat(commands(servers)).containsAll(localServerCommands());
        assertThat(mentioning(data)).extracting(ProcessHandle::pid).contains(jvm.pid());
        assertThat(commands(mentioning(data))).containsAll(localServerCommands());

        boolean sigintIgnored = ignoresSigint(jvm.pid());
        String endedBy = stopLikeCtrlC(jvm, sigintIgnored);
        System.out.println("[infrastructure] ended by " + endedBy + (sigintIgnored ? " (SIGINT is ignored)" : ""));

        assertThat(endedBy)
                .as(
                        "signal that ended the infrastructure JVM (SIGINT %s by it)",
                        sigintIgnored ? "ignored, as in a job a shell started in the background," : "handled")
                .isEqualTo(sigintIgnored ? "SIGTERM" : "SIGINT");
        assertThat(OsProcesses.awaitExit(servers, EXIT_TIMEOUT))
                .as("still alive: %s", alive(servers))
                .isTrue();
        assertThat(describe(mentioning(data))).as("processes naming %s", data).isEmpty();
        assertThat(data).doesNotExist();
    }

    @Test
    void aKilledRunLeavesNothingOnceTheNextRunStartsOnTheSameData() throws Exception {
        assumeFalse(EXTERNAL.postgres().isPresent(), "PostgreSQL is external");
        assumeFalse(EXTERNAL.redis().isPresent(), "Redis is external");
        Path data = InfraSettings.forTests().dataDirectory();
        Process jvm = startInfrastructureJvm(data, "--keep-data");
        List<ProcessHandle> servers = awaitReady(jvm);

        killOutright(jvm);
        awaitBrokerGone(servers);

        // Native servers cannot watch their parent; the next run on the same data stops them before starting.
        InfraSettings next =
                new InfraSettings(data, true, InfraSettings.Ports.free(), InfraSettings.ExternalServers.none());
        try {
            try (Infrastructure infrastructure = Infrastructure.create(next)) {
                infrastructure.start(List.of(Infrastructure.Server.POSTGRES, Infrastructure.Server.REDIS));
                assertThat(alive(servers)).isEmpty();
            }
            assertThat(describe(mentioning(data)))
                    .as("processes naming %s", data)
                    .isEmpty();
        } finally {
            stopAndRemove(servers, data);
        }
    }

    @Test
    void aKilledTestJvmIsCleanedUpByTheNextRunInAnotherFolderUnderTheSameHome() throws Exception {
        assumeFalse(EXTERNAL.postgres().isPresent(), "PostgreSQL is external");
        assumeFalse(EXTERNAL.redis().isPresent(), "Redis is external");
        InfraSettings killedRun = InfraSettings.forTests();
        Path data = killedRun.dataDirectory();
        Process jvm = startInfrastructureJvm(data); // a test run's folder: owned by that JVM, removed at its end
        List<ProcessHandle> servers = awaitReady(jvm);
        assertThat(FolderOwner.of(data)).map(FolderOwner::pid).contains(jvm.pid());

        killOutright(jvm);
        List<ProcessHandle> nativeServers = servers.stream()
                .filter(p -> List.of("postgres", "redis-server").contains(command(p)))
                .toList();
        assertThat(commands(alive(nativeServers)))
                .as("servers that outlive a killed JVM")
                .contains("postgres", "redis-server");

        InfraSettings nextRun = InfraSettings.forTests();
        assertThat(nextRun.dataDirectory()).isNotEqualTo(data);
        assertThat(nextRun.dataDirectory().getParent()).isEqualTo(data.getParent());
        try (Infrastructure infrastructure = Infrastructure.create(nextRun)) {
            infrastructure.start(List.of(Infrastructure.Server.REDIS));
            assertThat(describe(alive(servers))).as("servers of the killed run").isEmpty();
            assertThat(data).as("the killed run's folder").doesNotExist();
            assertThat(describe(mentioning(data)))
                    .as("processes naming %s", data)
                    .isEmpty();
            assertThat(infrastructure.dataDirectory()).isDirectory();
        } finally {
            stopAndRemove(servers, data);
        }
    }

    /** Whatever happened in the test, its servers end and its folder goes, so later tests start clean. */
    private static void stopAndRemove(List<ProcessHandle> servers, Path data) {
        servers.forEach(server -> OsProcesses.terminate(server, Duration.ofSeconds(10)));
        Folders.deleteRecursively(data);
    }

    /** The executables of the servers this run starts itself. */
    private static List<String> localServerCommands() {
        List<String> commands = new ArrayList<>();
        if (EXTERNAL.postgres().isEmpty()) {
            commands.add("postgres");
        }
        if (EXTERNAL.redis().isEmpty()) {
            commands.add("redis-server");
        }
        if (EXTERNAL.kafkaBootstrapServers().isEmpty()) {
            commands.add("java");
        }
        return commands;
    }

    private static Process startInfrastructureJvm(Path data, String... extraArgs) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        // The child sees the same configuration as this JVM: the environment is inherited, properties are not.
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("infra."))
                .sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.addAll(List.of(InfrastructureMain.class.getName(), "--data", data.toString()));
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
                .filter(pid -> !pid.isBlank())
                .map(Long::parseLong)
                .map(ProcessHandle::of)
                .flatMap(Optional::stream)
                .toList();
        assertThat(servers).allMatch(ProcessHandle::isAlive);
        return servers;
    }

    /**
     * Sends SIGINT as Ctrl-C does and returns the signal that ended the JVM. A shell may start a job with SIGINT
     * ignored (a background job, some CI runners); the JVM then never sees it, and SIGTERM, which runs the same
     * shutdown hook, stands in. When neither ends it within the wait, the JVM is killed and "nothing" returned.
     */
    private static String stopLikeCtrlC(Process jvm, boolean sigintIgnored) throws Exception {
        signal(jvm, "INT");
        if (!sigintIgnored && jvm.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            return "SIGINT";
        }
        signal(jvm, "TERM");
        if (jvm.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            return sigintIgnored ? "SIGTERM" : "SIGTERM, after SIGINT did not end it within " + EXIT_TIMEOUT;
        }
        jvm.destroyForcibly();
        return "nothing: neither SIGINT nor SIGTERM ended it within " + EXIT_TIMEOUT;
    }

    /** Whether the process ignores SIGINT, from its signal masks on Linux; false where they cannot be read. */
    private static boolean ignoresSigint(long pid) {
        try (Stream<String> status = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return status.filter(line -> line.startsWith("SigIgn:"))
                    .map(line -> Long.parseUnsignedLong(
                            line.substring("SigIgn:".length()).trim(), 16))
                    .anyMatch(mask -> (mask & SIGINT_MASK) != 0);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void killOutright(Process jvm) throws InterruptedException {
        jvm.toHandle().destroyForcibly(); // kill -9: no shutdown hook runs
        assertThat(jvm.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /** The Kafka broker watches its standard input and ends with its parent. */
    private static void awaitBrokerGone(List<ProcessHandle> servers) {
        if (EXTERNAL.kafkaBootstrapServers().isPresent()) {
            return;
        }
        List<ProcessHandle> broker =
                servers.stream().filter(p -> command(p).equals("java")).toList();
        assertThat(broker).hasSize(1);
        assertThat(OsProcesses.awaitExit(broker, EXIT_TIMEOUT)).isTrue();
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        assertThat(kill.waitFor()).isZero();
    }

    /** Every live process but this one whose command line names {@code folder}. */
    private static List<ProcessHandle> mentioning(Path folder) {
        String name = folder.toString();
        long self = ProcessHandle.current().pid();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.pid() != self)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> commandLine(p).contains(name))
                    .toList();
        }
    }

    /**
     * The full command line. Servers such as redis-server rewrite theirs, which {@code ProcessHandle.Info} then
     * reports without arguments; on Linux, {@code /proc/<pid>/cmdline} shows what they wrote.
     */
    private static String commandLine(ProcessHandle process) {
        String reported = process.info().commandLine().orElse("");
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return reported + " " + new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return reported; // not Linux, or the process just ended
        }
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

    private static List<ProcessHandle> alive(List<ProcessHandle> processes) {
        return processes.stream().filter(ProcessHandle::isAlive).toList();
    }

    private static List<String> describe(List<ProcessHandle> processes) {
        return processes.stream().map(p -> p.pid() + " " + commandLine(p)).toList();
    }
}
