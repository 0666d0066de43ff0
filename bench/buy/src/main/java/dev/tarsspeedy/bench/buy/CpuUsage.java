package dev.tarsspeedy.bench.buy;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds each process (with its child processes, such as PostgreSQL's backends) spent during a run, from the
 * operating system's accounting: on a 2-core machine this is where the time goes, load generator included.
 */
final class CpuUsage {

    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();
    private final Map<Long, Duration> before = new HashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private long startedNanos;
    private long wallNanos;

    void start(Map<String, ProcessHandle> watched) {
        processes.clear();
        processes.putAll(watched);
        processes.put("bench driver (this JVM)", ProcessHandle.current());
        before.clear();
        seconds.clear();
        processes.values().stream().flatMap(CpuUsage::tree).forEach(p -> before.put(p.pid(), cpu(p)));
        startedNanos = System.nanoTime();
    }

    void stop() {
        wallNanos = System.nanoTime() - startedNanos;
        processes.forEach((name, handle) -> seconds.put(
                name,
                tree(handle)
                                .mapToLong(p -> cpu(p).minus(before.getOrDefault(p.pid(), Duration.ZERO))
                                        .toMillis())
                                .sum()
                        / 1000.0));
    }

    /** e.g. {@code order-service 61.2 s (51%), gateway 40.1 s (33%), ...} of 2 cores x wall time. */
    String summary() {
        double capacity = Runtime.getRuntime().availableProcessors() * wallNanos / 1e9;
        StringBuilder text = new StringBuilder(String.format(
                "CPU over %.0f s wall (%d cores = %.0f CPU s):",
                wallNanos / 1e9, Runtime.getRuntime().availableProcessors(), capacity));
        seconds.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> text.append(String.format(
                        "%n    %-26s %7.1f CPU s  %5.1f%%", e.getKey(), e.getValue(), 100 * e.getValue() / capacity)));
        return text.toString();
    }

    private static Stream<ProcessHandle> tree(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants());
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
