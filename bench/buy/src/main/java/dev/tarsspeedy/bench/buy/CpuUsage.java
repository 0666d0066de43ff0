package dev.tarsspeedy.bench.buy;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * CPU seconds each process (with its child processes, such as PostgreSQL's backends) spent during a run, from the
 * operating system's accounting: on a 2-core machine this is where the time goes, load generator included. The
 * process trees are sampled every half second, so a child that exits before the end (a closed database
 * connection's backend) still counts.
 */
public final class CpuUsage {

    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();
    /** pid -> CPU at the start (zero for processes born later), and the latest CPU seen with its owner's name. */
    private final Map<Long, Duration> before = new HashMap<>();

    private final Map<Long, Duration> latest = new HashMap<>();
    private final Map<Long, String> owner = new HashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private ScheduledExecutorService sampler;
    private long startedNanos;
    private long wallNanos;
    private long machineBusyBefore;
    private double machineBusySeconds = -1;

    public synchronized void start(Map<String, ProcessHandle> watched) {
        processes.clear();
        processes.putAll(watched);
        processes.put("bench driver (this JVM)", ProcessHandle.current());
        before.clear();
        latest.clear();
        owner.clear();
        seconds.clear();
        processes.values().stream().flatMap(CpuUsage::tree).forEach(p -> before.put(p.pid(), cpu(p)));
        sample();
        machineBusyBefore = machineBusyTicks();
        startedNanos = System.nanoTime();
        sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cpu-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, 500, 500, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        sampler.shutdownNow();
        sample();
        wallNanos = System.nanoTime() - startedNanos;
        long busy = machineBusyTicks();
        machineBusySeconds = busy < 0 || machineBusyBefore < 0 ? -1 : (busy - machineBusyBefore) / TICKS_PER_SECOND;
        processes.keySet().forEach(name -> seconds.put(name, 0.0));
        latest.forEach((pid, cpu) -> seconds.merge(
                owner.get(pid),
                cpu.minus(before.getOrDefault(pid, Duration.ZERO)).toMillis() / 1000.0,
                Double::sum));
    }

    private synchronized void sample() {
        processes.forEach((name, root) -> tree(root).forEach(p -> {
            Duration cpu = cpu(p);
            if (!cpu.isZero()) {
                latest.put(p.pid(), cpu);
                owner.putIfAbsent(p.pid(), name);
            }
        }));
    }

    /** e.g. {@code order-service 61.2 s (51%), gateway 40.1 s (33%), ...} of 2 cores x wall time. */
    public synchronized String summary() {
        return summary(0);
    }

    /**
     * As {@link #summary()}, and with {@code attempts > 0} each process's CPU per attempt: what one buy costs the
     * gateway, the order service and the load generator.
     */
    public synchronized String summary(long attempts) {
        double capacity = Runtime.getRuntime().availableProcessors() * wallNanos / 1e9;
        StringBuilder text = new StringBuilder(String.format(
                "CPU over %.0f s wall (%d cores = %.0f CPU s):",
                wallNanos / 1e9, Runtime.getRuntime().availableProcessors(), capacity));
        seconds.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> text.append(String.format(
                                "%n    %-26s %7.1f CPU s  %5.1f%%",
                                e.getKey(), e.getValue(), 100 * e.getValue() / capacity))
                        .append(
                                attempts > 0
                                        ? String.format("  %7.0f µs/attempt", 1e6 * e.getValue() / attempts)
                                        : ""));
        if (machineBusySeconds >= 0) {
            // The machine may be shared: what else ran during the measurement is part of the result.
            double others = Math.max(
                    0,
                    machineBusySeconds
                            - seconds.values().stream()
                                    .mapToDouble(Double::doubleValue)
                                    .sum());
            text.append(String.format(
                    "%n    %-26s %7.1f CPU s  %5.1f%%  (machine busy %.1f CPU s of %.0f)",
                    "other processes", others, 100 * others / capacity, machineBusySeconds, capacity));
        }
        return text.toString();
    }

    /** Clock ticks per second of /proc/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    /** Busy time of all cores from /proc/stat (everything but idle and iowait), -1 where there is no /proc. */
    static long machineBusyTicks() {
        try {
            String cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
                    .getFirst();
            return busyTicks(cpu);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code cpu  user nice system idle iowait irq softirq steal ...}: the sum minus idle and iowait. */
    static long busyTicks(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < Math.min(fields.length, 9); i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy;
    }

    /** A process with its children; this JVM alone, as the services and Gatling it started are listed apart. */
    private static Stream<ProcessHandle> tree(ProcessHandle root) {
        if (root.equals(ProcessHandle.current())) {
            return Stream.of(root);
        }
        return Stream.concat(Stream.of(root), root.descendants());
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
