package dev.tarsspeedy.bench.web;

import dev.tarsspeedy.bench.buy.CommandLine;
import dev.tarsspeedy.bench.buy.CpuUsage;
import dev.tarsspeedy.bench.buy.GatlingRun;
import dev.tarsspeedy.bench.buy.Tokens;
import dev.tarsspeedy.infra.InfraSettings;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.Infrastructure.Server;
import dev.tarsspeedy.infra.process.Folders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code bench/web/run} (docs/benchmarks.md): a drop's page through the gateway beside the API call it wraps
 * ({@code GET /api/drops/{id}}, also through the gateway), both at the same arrival rate in the same run, with
 * bench/buy's machinery (Gatling's {@code GetSimulation}, {@code GatlingRun}, {@code CpuUsage}). The page's p99 minus
 * the API's is what the web interface adds: its own hop back through the gateway and the rendering.
 */
public final class WebBenchmark {

    static final String SIMULATION = "dev.tarsspeedy.bench.gatling.GetSimulation";
    /**
     * Between the two runs: longer than the gateway's breaker stays open (10 s), so a first run that overloaded the
     * catalog does not fail the second one at the gateway.
     */
    static final Duration COOL_DOWN = Duration.ofSeconds(15);

    /** What one target reads, both through the gateway. */
    enum Target {
        API("gateway GET /api/drops/{id} (the API call the page wraps)", "application/json"),
        PAGE("gateway GET /drops/{id} (the drop's page, anonymous)", "text/html");

        final String label;
        final String accept;

        Target(String label, String accept) {
            this.label = label;
            this.accept = accept;
        }

        String path(UUID drop) {
            return (this == API ? "/api/drops/" : "/drops/") + drop;
        }
    }

    /** One measured run of one target. */
    record Step(
            Target target,
            int rate,
            double achieved,
            double p50,
            double p99,
            double max,
            long errors,
            String load,
            String cpu) {}

    record Options(int rate, Duration duration, Duration warmup) {

        static Options parse(List<String> args) {
            CommandLine line = CommandLine.parse(args, Set.of("--rate", "--duration", "--warmup"));
            Options options = new Options(
                    line.integer("--rate", 200),
                    line.duration("--duration", Duration.ofSeconds(30)),
                    line.duration("--warmup", Duration.ofSeconds(10)));
            if (options.rate() < 1
                    || options.duration().toSeconds() < 1
                    || options.warmup().isNegative()) {
                throw new IllegalArgumentException("the rate and the duration must be positive");
            }
            return options;
        }
    }

    private final Options options;
    private final Path repository;
    private final Path home;
    private final Path runFolder;

    private WebBenchmark(Options options, Path repository) {
        this.options = options;
        this.repository = repository;
        this.home = repository.resolve("bench/web/target");
        this.runFolder = home.resolve("runs")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path repository = Path.of(System.getProperty("bench.repository", "."))
                .toAbsolutePath()
                .normalize();
        new WebBenchmark(options, repository).run();
        System.exit(0);
    }

    private void run() throws Exception {
        List<Path> missing = WebStack.missingJars(repository);
        if (!missing.isEmpty()) {
            System.out.println("Not built: " + missing);
            System.exit(1);
        }
        Folders.create(runFolder);
        Path infraFolder = home.resolve("infra");
        Folders.deleteRecursively(infraFolder);
        InfraSettings settings = new InfraSettings(
                infraFolder, true, InfraSettings.Ports.free(), InfraSettings.ExternalServers.fromEnvironment());
        String startLoad = loadAverage();
        List<Step> steps = new ArrayList<>();
        try (Tokens tokens = Tokens.prepare(home.resolve("tokens"), 0);
                Infrastructure infrastructure = Infrastructure.create(settings)) {
            System.out.println("Starting PostgreSQL, Redis and Kafka...");
            infrastructure.start(EnumSet.of(Server.POSTGRES, Server.REDIS, Server.KAFKA));
            System.out.println("Starting the catalog, the order service, the gateway and the web interface...");
            try (WebStack stack = new WebStack(repository, runFolder.resolve("services"), infrastructure, tokens)) {
                UUID drop = stack.openDrop(Duration.ofMinutes(2));
                for (Target target : Target.values()) {
                    System.out.printf(
                            "%s at %d/s for %d s...%n",
                            target.label, options.rate(), options.duration().toSeconds());
                    Step step = step(stack, target, drop);
                    steps.add(step);
                    System.out.println("  " + row(step));
                }
                System.out.println("Service logs: " + stack.logs());
            }
        }
        String report = report(startLoad, steps);
        Files.writeString(runFolder.resolve("results.txt"), report, StandardCharsets.UTF_8);
        Files.writeString(home.resolve("bench-web.txt"), report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("Results: " + runFolder.resolve("results.txt"));
    }

    private Step step(WebStack stack, Target target, UUID drop) {
        try {
            Thread.sleep(COOL_DOWN.toMillis());
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("bench.baseUrl", stack.gatewayUrl());
            properties.put("bench.paths", target.path(drop));
            properties.put("bench.accept", target.accept);
            properties.put("bench.rate", Integer.toString(options.rate()));
            properties.put("bench.duration", Long.toString(options.duration().toSeconds()));
            properties.put("bench.warmup", Long.toString(options.warmup().toSeconds()));
            CpuUsage cpu = new CpuUsage();
            GatlingRun.Figures figures = GatlingRun.run(
                    repository,
                    runFolder.resolve("gatling").resolve(target.name().toLowerCase(Locale.ROOT)),
                    SIMULATION,
                    properties,
                    target.name() + " at " + options.rate() + "/s",
                    stack.handles(),
                    cpu);
            return new Step(
                    target,
                    options.rate(),
                    figures.throughput(),
                    figures.p50Millis(),
                    figures.p99Millis(),
                    figures.maxMillis(),
                    figures.otherStatus() + figures.noResponse(),
                    loadAverage(),
                    cpu.summary());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String row(Step step) {
        return String.format(
                "%-5s %,5d/s  achieved %,7.1f/s  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  errors %,d  load %s",
                step.target().name().toLowerCase(Locale.ROOT),
                step.rate(),
                step.achieved(),
                step.p50(),
                step.p99(),
                step.max(),
                step.errors(),
                step.load());
    }

    private String report(String startLoad, List<Step> steps) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                "Drop page benchmark: %d requests/s for %d s (+%d s warm-up) each, one after the other in one run,"
                        + " %d cores, load average at the start %s%n",
                options.rate(),
                options.duration().toSeconds(),
                options.warmup().toSeconds(),
                Runtime.getRuntime().availableProcessors(),
                startLoad));
        steps.forEach(step -> text.append(String.format("  %-58s %s%n", step.target().label, row(step))));
        text.append("CPU per process during each run ('gatling (load)' is the load generator):\n");
        steps.forEach(step ->
                text.append(String.format("  %s: %s%n", step.target().name().toLowerCase(Locale.ROOT), step.cpu())));
        return text.toString();
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
