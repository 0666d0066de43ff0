package dev.tarsspeedy.bench.buy;

import dev.tarsspeedy.infra.process.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Runs the Gatling simulation of {@code bench/buy-gatling} in its own JVM (Gatling's class path stays out of this
 * one) and reads back the figures the simulation wrote next to its HTML report.
 */
public final class GatlingRun {

    static final String SIMULATION = "dev.tarsspeedy.bench.gatling.BuySimulation";
    static final String GET_SIMULATION = "dev.tarsspeedy.bench.gatling.GetSimulation";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** A folder (system property of this JVM) where each Gatling run writes a JFR recording; unset: none. */
    static final String JFR_FOLDER = "bench.gatling.jfr";

    /** The load side of one Gatling run. */
    public record Figures(
            long requests,
            double throughput,
            double p50Millis,
            double p99Millis,
            double maxMillis,
            long accepted,
            long refused,
            long otherStatus,
            long noResponse,
            Path report,
            Flood flood,
            WarmUp warmUp) {}

    /** The warm-up's attempts (cold services, JIT at work): not in the figures, reported beside them. */
    public record WarmUp(long attempts, double p50Millis, double p99Millis, long errors) {}

    /**
     * The sold-out flood alone: the 409 answers, from the first refused buyer's arrival to the last refusal.
     *
     * @param throughput refusals per second over that span
     */
    public record Flood(long refusals, double throughput, double p50Millis, double p99Millis) {

        static final Flood NONE = new Flood(0, 0, 0, 0);
    }

    private GatlingRun() {}

    static Figures run(
            Path repository,
            Path resultsFolder,
            String baseUrl,
            UUID dropId,
            Optional<UUID> warmupDropId,
            Duration warmup,
            Path tokensFile,
            int rate,
            Duration duration,
            String description,
            Map<String, ProcessHandle> watch,
            CpuUsage cpu)
            throws IOException, InterruptedException {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("bench.baseUrl", baseUrl);
        properties.put("bench.dropId", dropId.toString());
        properties.put("bench.tokens", tokensFile.toAbsolutePath().toString());
        properties.put("bench.rate", Integer.toString(rate));
        properties.put("bench.duration", Long.toString(duration.toSeconds()));
        properties.put("bench.warmupDropId", warmupDropId.map(UUID::toString).orElse(""));
        properties.put("bench.warmup", Long.toString(warmupDropId.isPresent() ? warmup.toSeconds() : 0));
        return run(repository, resultsFolder, SIMULATION, properties, description, watch, cpu);
    }

    /**
     * The no-op reference rows: {@code GET path} with the next buyer's token at the same rate, warm-up included
     * (bench/buy-gatling's {@code GetSimulation}); 200 counts as answered.
     */
    static Figures runNoOp(
            Path repository,
            Path resultsFolder,
            String baseUrl,
            String path,
            Duration warmup,
            Path tokensFile,
            int rate,
            Duration duration,
            String description,
            Map<String, ProcessHandle> watch,
            CpuUsage cpu)
            throws IOException, InterruptedException {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("bench.baseUrl", baseUrl);
        properties.put("bench.paths", path);
        properties.put("bench.tokens", tokensFile.toAbsolutePath().toString());
        properties.put("bench.rate", Integer.toString(rate));
        properties.put("bench.duration", Long.toString(duration.toSeconds()));
        properties.put("bench.warmup", Long.toString(warmup.toSeconds()));
        return run(repository, resultsFolder, GET_SIMULATION, properties, description, watch, cpu);
    }

    /**
     * Runs {@code simulation} (a class of {@code bench/buy-gatling}) with {@code properties} as system properties,
     * plus {@code bench.counts}, the file it writes its figures to; the CPU of {@code watch} and of Gatling is sampled
     * meanwhile.
     */
    public static Figures run(
            Path repository,
            Path resultsFolder,
            String simulation,
            Map<String, String> properties,
            String description,
            Map<String, ProcessHandle> watch,
            CpuUsage cpu)
            throws IOException, InterruptedException {
        Path module = repository.resolve("bench/buy-gatling/target");
        Folders.create(resultsFolder);
        Path counts = resultsFolder.resolve("counts.properties");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g",
                "-Xmx3g",
                "-XX:+UseG1GC",
                // Gatling's own launcher sets these (its log writer reads String internals; Netty's native transport).
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                // A buyer who waited this long counts as an error (Gatling's default is a minute).
                "-Dgatling.http.requestTimeout=" + REQUEST_TIMEOUT.toMillis(),
                "-Dbench.counts=" + counts.toAbsolutePath()));
        String jfr = System.getProperty(JFR_FOLDER, "");
        if (!jfr.isBlank()) {
            // --profile: the load generator's CPU is part of the machine's, so it is profiled like the services.
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + Path.of(jfr, "gatling-" + resultsFolder.getFileName() + ".jfr")
                            .toAbsolutePath());
        }
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of(
                "-cp",
                module.resolve("bench-buy-gatling.jar") + java.io.File.pathSeparator + module.resolve("lib") + "/*",
                "io.gatling.app.Gatling",
                "-s",
                simulation,
                "-rf",
                resultsFolder.toAbsolutePath().toString(),
                "-rd",
                description));
        Path log = resultsFolder.resolve("gatling.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Map<String, ProcessHandle> all = new HashMap<>(watch);
        all.put("gatling (load)", process.toHandle());
        cpu.start(all);
        int status = process.waitFor();
        cpu.stop();
        Optional<Path> report = newestReport(resultsFolder);
        if (report.isEmpty() || !Files.isRegularFile(counts)) {
            throw new IllegalStateException("Gatling did not finish its run (exit " + status + "); see " + log);
        }
        Figures figures = figures(readCounts(counts), report.get().resolve("index.html"));
        System.out.printf("Gatling report: %s (log %s)%n", figures.report(), log);
        return figures;
    }

    /**
     * The figures of the measured attempts, as the simulation recorded them (requests named {@code buy}, not the
     * warm-up's): latency from a buyer's arrival to the end of the answer, throughput as answers per second between
     * the first arrival and the last answer. Gatling's HTML report shows the same requests timed from send to answer.
     */
    static Figures figures(Map<String, Long> counts, Path report) {
        long requests = counts.getOrDefault("measured", 0L);
        long first = counts.getOrDefault("firstStartMillis", 0L);
        long last = counts.getOrDefault("lastEndMillis", 0L);
        double throughput = first > 0 && last > first ? requests * 1000.0 / (last - first) : 0;
        return new Figures(
                requests,
                throughput,
                counts.getOrDefault("p50Micros", 0L) / 1000.0,
                counts.getOrDefault("p99Micros", 0L) / 1000.0,
                counts.getOrDefault("maxMicros", 0L) / 1000.0,
                counts.getOrDefault("accepted", 0L),
                counts.getOrDefault("refused", 0L),
                counts.getOrDefault("otherStatus", 0L),
                counts.getOrDefault("noResponse", 0L),
                report,
                flood(counts),
                new WarmUp(
                        counts.getOrDefault("warmupMeasured", 0L),
                        counts.getOrDefault("warmupP50Micros", 0L) / 1000.0,
                        counts.getOrDefault("warmupP99Micros", 0L) / 1000.0,
                        counts.getOrDefault("warmupErrors", 0L)));
    }

    static Flood flood(Map<String, Long> counts) {
        long refusals = counts.getOrDefault("refused", 0L);
        long first = counts.getOrDefault("refusedFirstStartMillis", 0L);
        long last = counts.getOrDefault("refusedLastEndMillis", 0L);
        if (refusals == 0 || first <= 0 || last <= first) {
            return Flood.NONE;
        }
        return new Flood(
                refusals,
                refusals * 1000.0 / (last - first),
                counts.getOrDefault("refusedP50Micros", 0L) / 1000.0,
                counts.getOrDefault("refusedP99Micros", 0L) / 1000.0);
    }

    static Map<String, Long> readCounts(Path file) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return counts;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                counts.put(
                        line.substring(0, equals).trim(),
                        Long.parseLong(line.substring(equals + 1).trim()));
            }
        }
        return counts;
    }

    private static Optional<Path> newestReport(Path resultsFolder) {
        try (Stream<Path> entries = Files.list(resultsFolder)) {
            return entries.filter(path -> Files.isRegularFile(path.resolve("index.html")))
                    .max(Comparator.comparing(path -> {
                        try {
                            return Files.getLastModifiedTime(path);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
