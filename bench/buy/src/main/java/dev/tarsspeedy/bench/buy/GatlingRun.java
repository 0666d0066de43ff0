package dev.tarsspeedy.bench.buy;

import dev.tarsspeedy.infra.process.Folders;
import dev.tarsspeedy.platform.events.EventJson;
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
import tools.jackson.databind.JsonNode;

/**
 * Runs the Gatling simulation of {@code bench/buy-gatling} in its own JVM (Gatling's class path stays out of this
 * one) and reads its figures back from the HTML report's {@code js/stats.json}.
 */
final class GatlingRun {

    static final String SIMULATION = "dev.tarsspeedy.bench.gatling.BuySimulation";

    /** The load side of one Gatling run. */
    record Figures(
            long requests,
            long ok,
            long ko,
            double throughput,
            double p50Millis,
            double p99Millis,
            double maxMillis,
            long accepted,
            long refused,
            long otherStatus,
            long noResponse,
            Path report) {}

    private GatlingRun() {}

    static Figures run(
            Path repository,
            Path resultsFolder,
            String baseUrl,
            UUID dropId,
            Path tokensFile,
            int rate,
            Duration duration,
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
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "-Dbench.baseUrl=" + baseUrl,
                "-Dbench.dropId=" + dropId,
                "-Dbench.tokens=" + tokensFile.toAbsolutePath(),
                "-Dbench.rate=" + rate,
                "-Dbench.duration=" + duration.toSeconds(),
                "-Dbench.counts=" + counts.toAbsolutePath(),
                "-cp",
                module.resolve("bench-buy-gatling.jar") + java.io.File.pathSeparator + module.resolve("lib") + "/*",
                "io.gatling.app.Gatling",
                "-s",
                SIMULATION,
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
        if (report.isEmpty()) {
            throw new IllegalStateException("Gatling wrote no report (exit " + status + "); see " + log);
        }
        Figures figures = figures(
                EventJson.mapper()
                        .readTree(report.get().resolve("js/stats.json").toFile()),
                readCounts(counts),
                report.get().resolve("index.html"));
        System.out.printf("Gatling report: %s (log %s)%n", figures.report(), log);
        return figures;
    }

    /** The global figures of a Gatling {@code stats.json}; percentiles1 and 4 are Gatling's default p50 and p99. */
    static Figures figures(JsonNode statsJson, Map<String, Long> counts, Path report) {
        JsonNode stats = statsJson.path("stats");
        return new Figures(
                total(stats.path("numberOfRequests")),
                stats.path("numberOfRequests").path("ok").asLong(),
                stats.path("numberOfRequests").path("ko").asLong(),
                stats.path("meanNumberOfRequestsPerSecond").path("total").asDouble(),
                stats.path("percentiles1").path("total").asDouble(),
                stats.path("percentiles4").path("total").asDouble(),
                stats.path("maxResponseTime").path("total").asDouble(),
                counts.getOrDefault("accepted", 0L),
                counts.getOrDefault("refused", 0L),
                counts.getOrDefault("otherStatus", 0L),
                counts.getOrDefault("noResponse", 0L),
                report);
    }

    private static long total(JsonNode numberOfRequests) {
        return numberOfRequests.path("total").asLong();
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
            return entries.filter(path -> Files.isRegularFile(path.resolve("js/stats.json")))
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
