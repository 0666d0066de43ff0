package dev.tarsspeedy.infra.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stopping processes with a grace period, and finding processes a crashed run left behind. */
public final class OsProcesses {

    private static final Logger log = LoggerFactory.getLogger(OsProcesses.class);

    private OsProcesses() {}

    /** The process and all its descendants, if it is alive. */
    public static List<ProcessHandle> withDescendants(ProcessHandle process) {
        List<ProcessHandle> all = new ArrayList<>();
        if (process.isAlive()) {
            all.add(process);
            process.descendants().filter(ProcessHandle::isAlive).forEach(all::add);
        }
        return all;
    }

    /**
     * Sends SIGTERM, waits up to {@code grace} for the process and its descendants to end, then kills what is
     * left.
     */
    public static void terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> tree = withDescendants(process);
        if (tree.isEmpty()) {
            return;
        }
        process.destroy();
        awaitExit(tree, grace);
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                log.warn("process {} did not stop within {}, killing it", handle.pid(), grace);
                handle.destroyForcibly();
            }
        }
        awaitExit(tree, Duration.ofSeconds(5));
    }

    /** Waits until every process has ended; returns false when some are still alive after {@code timeout}. */
    public static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : processes) {
            long left = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                // timed out: checked below
            }
        }
        return processes.stream().noneMatch(ProcessHandle::isAlive);
    }

    /**
     * The process named on the first line of a pid file, if it is alive and runs {@code executableName}. A pid
     * file outlives a killed run; checking the executable keeps a recycled pid from being mistaken for ours.
     */
    public static Optional<ProcessHandle> fromPidFile(Path pidFile, String executableName) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst()
                    .map(String::trim)
                    .filter(line -> line.matches("\\d+"))
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info()
                            .command()
                            .map(command ->
                                    Path.of(command).getFileName().toString().startsWith(executableName))
                            .orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The process named in a pid file if it is alive and its command line contains {@code marker} (a jar path, a
     * data folder): for programs such as {@code java} whose executable name alone says nothing.
     */
    public static Optional<ProcessHandle> fromPidFileWithArgument(Path pidFile, String executableName, String marker) {
        return fromPidFile(pidFile, executableName)
                .filter(handle -> handle.info()
                        .commandLine()
                        .map(line -> line.contains(marker))
                        .orElse(false));
    }

    /** Stops a server that a killed run left behind in this data folder, so the new one can take its place. */
    public static void stopLeftover(Path pidFile, String executableName, Duration grace) {
        fromPidFile(pidFile, executableName).ifPresent(stale -> stopStale(stale, executableName, grace));
    }

    /**
     * As {@link #stopLeftover(Path, String, Duration)}, for programs such as {@code java} that are known by an
     * argument on their command line (see {@link #fromPidFileWithArgument}).
     */
    public static void stopLeftover(Path pidFile, String executableName, String marker, Duration grace) {
        fromPidFileWithArgument(pidFile, executableName, marker)
                .ifPresent(stale -> stopStale(stale, executableName, grace));
    }

    private static void stopStale(ProcessHandle stale, String executableName, Duration grace) {
        log.warn("stopping {} (pid {}) left behind by an earlier run", executableName, stale.pid());
        terminate(stale, grace);
    }
}
