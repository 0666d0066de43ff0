package dev.tarsspeedy.bench.market;

import dev.tarsspeedy.bench.buy.CommandLine;
import dev.tarsspeedy.bench.buy.CpuUsage;
import dev.tarsspeedy.bench.buy.FindMax;
import dev.tarsspeedy.bench.buy.GatlingRun;
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

/**
 * {@code bench/market/run}, part 1 (docs/benchmarks.md): cached quotes read through the gateway, beside the gateway's
 * ceiling on a route to the service that does no work ({@code /livez}) and the service read directly, all in one run on one machine. For each target,
 * bench/buy's find-max: the highest arrival rate whose p99 stays under the goal with no errors and the rate achieved.
 */
public final class MarketBenchmark {

    static final String SIMULATION = "dev.tarsspeedy.bench.gatling.GetSimulation";
    static final Duration COOL_DOWN = Duration.ofSeconds(5);
    /** KRX listings of the stand-in's shipped master; their quotes are cached before the load starts. */
    static final List<String> SYMBOLS =
            List.of("005930", "000660", "035420", "035720", "051910", "005380", "006400", "068270", "105560", "055550");

    /**
     * What one target reads, in the order they run: the ceiling last, on JVMs the other targets warmed (measured
     * first, its opening steps hit a cold gateway and it came out below the quote route it bounds).
     */
    enum Target {
        SERVICE("service GET /api/market/quotes/{symbol} (direct)", false),
        GATEWAY("gateway GET /api/market/quotes/{symbol}", true),
        GATEWAY_MULTI("gateway GET /api/market/quotes?symbols= (10 symbols)", true),
        CEILING("gateway GET /api/market/bench-noop (a route to the service's /livez: the gateway's ceiling)", true);

        final String label;
        final boolean viaGateway;

        Target(String label, boolean viaGateway) {
            this.label = label;
            this.viaGateway = viaGateway;
        }

        List<String> paths() {
            return switch (this) {
                case CEILING -> List.of(MarketStack.NO_OP_PATH);
                case SERVICE, GATEWAY ->
                    SYMBOLS.stream().map(s -> "/api/market/quotes/" + s).toList();
                case GATEWAY_MULTI -> List.of("/api/market/quotes?symbols=" + String.join(",", SYMBOLS));
            };
        }
    }

    /** One find-max step. */
    record Step(
            Target target,
            int rate,
            double achieved,
            double p50,
            double p99,
            double max,
            long errors,
            String load,
            String cpu) {

        boolean meets(int p99Goal) {
            return p99 < p99Goal && errors == 0 && achieved >= rate * 0.95;
        }
    }

    record Options(int rate, Duration step, Duration warmup, int p99, int maxSteps, List<Target> targets) {

        static Options parse(List<String> args) {
            CommandLine line = CommandLine.parse(
                    args, Set.of("--rate", "--step-duration", "--warmup", "--p99", "--max-steps", "--targets"));
            int rate = line.integer("--rate", 2000);
            Duration step = line.duration("--step-duration", Duration.ofSeconds(15));
            Duration warmup = line.duration("--warmup", Duration.ofSeconds(5));
            int p99 = line.integer("--p99", 50);
            int maxSteps = line.integer("--max-steps", 6);
            List<Target> targets = List.of(Target.values());
            String named = line.text("--targets", null);
            if (named != null) {
                targets = List.of(named.split(",")).stream()
                        .map(t ->
                                Target.valueOf(t.trim().toUpperCase(Locale.ROOT).replace('-', '_')))
                        .toList();
            }
            if (rate < 1 || p99 < 1 || maxSteps < 1 || step.isZero() || targets.isEmpty()) {
                throw new IllegalArgumentException("rate, p99, max-steps and the step must be positive");
            }
            return new Options(rate, step, warmup, p99, maxSteps, targets);
        }
    }

    private final Options options;
    private final Path repository;
    private final Path home;
    private final Path runFolder;

    private MarketBenchmark(Options options, Path repository) {
        this.options = options;
        this.repository = repository;
        this.home = repository.resolve("bench/market/target");
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
        new MarketBenchmark(options, repository).run();
        System.exit(0);
    }

    private void run() throws Exception {
        List<Path> missing = MarketStack.missingJars(repository);
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
        Map<Target, FindMax.Answer> answers = new LinkedHashMap<>();
        try (Infrastructure infrastructure = Infrastructure.create(settings)) {
            System.out.println("Starting PostgreSQL, Redis and Kafka...");
            infrastructure.start(EnumSet.of(Server.POSTGRES, Server.REDIS, Server.KAFKA));
            System.out.println("Starting the market stand-in, the market-data service and the gateway...");
            try (MarketStack stack = new MarketStack(repository, runFolder.resolve("services"), infrastructure)) {
                stack.warmCache(SYMBOLS, Duration.ofMinutes(3));
                for (Target target : options.targets()) {
                    System.out.printf(
                            "Finding the highest rate for %s with p99 < %d ms, %d s per step...%n",
                            target.label, options.p99(), options.step().toSeconds());
                    answers.put(target, FindMax.search(options.rate(), 50, options.maxSteps(), rate -> {
                        Step step = step(stack, target, rate);
                        steps.add(step);
                        System.out.println("  " + row(step, options.p99()));
                        return step.meets(options.p99());
                    }));
                }
                System.out.println("Service logs: " + stack.logs());
            }
        }
        String report = report(startLoad, steps, answers);
        Files.writeString(runFolder.resolve("results.txt"), report, StandardCharsets.UTF_8);
        Files.writeString(home.resolve("bench-market-quotes.txt"), report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("Results: " + runFolder.resolve("results.txt"));
    }

    private Step step(MarketStack stack, Target target, int rate) {
        try {
            Thread.sleep(COOL_DOWN.toMillis());
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("bench.baseUrl", target.viaGateway ? stack.gatewayUrl() : stack.serviceUrl());
            properties.put("bench.paths", String.join("|", target.paths()));
            properties.put("bench.rate", Integer.toString(rate));
            properties.put("bench.duration", Long.toString(options.step().toSeconds()));
            properties.put("bench.warmup", Long.toString(options.warmup().toSeconds()));
            CpuUsage cpu = new CpuUsage();
            GatlingRun.Figures figures = GatlingRun.run(
                    repository,
                    runFolder.resolve("gatling").resolve(target.name().toLowerCase(Locale.ROOT) + "-" + rate),
                    SIMULATION,
                    properties,
                    target.name() + " at " + rate + "/s",
                    stack.handles(),
                    cpu);
            return new Step(
                    target,
                    rate,
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

    static String row(Step step, int p99Goal) {
        return String.format(
                "%-14s %,7d/s  achieved %,8.0f/s  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  errors %,d  load %s  %s",
                step.target().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                step.rate(),
                step.achieved(),
                step.p50(),
                step.p99(),
                step.max(),
                step.errors(),
                step.load(),
                step.meets(p99Goal) ? "meets" : "misses");
    }

    private String report(String startLoad, List<Step> steps, Map<Target, FindMax.Answer> answers) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                "Market quotes benchmark: cached quotes, p99 < %d ms, %d s steps (+%d s warm-up), %d cores,"
                        + " load average at the start %s%n",
                options.p99(),
                options.step().toSeconds(),
                options.warmup().toSeconds(),
                Runtime.getRuntime().availableProcessors(),
                startLoad));
        text.append("Highest rate meeting the goal (find-max, the same run):\n");
        answers.forEach(
                (target, answer) -> text.append(String.format("  %-70s %,7d/s%n", target.label, answer.highestMet())));
        text.append("Steps:\n");
        steps.forEach(step -> text.append("  ").append(row(step, options.p99())).append('\n'));
        text.append(
                "Where the time goes (CPU per process during each step; 'gatling (load)' is the load generator):\n");
        steps.forEach(step -> text.append(String.format(
                "  %s at %,d/s: %s%n", step.target().name().toLowerCase(Locale.ROOT), step.rate(), step.cpu())));
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
