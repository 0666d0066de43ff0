package dev.tarsspeedy.bench.buy;

import dev.tarsspeedy.bench.buy.Options.Target;
import dev.tarsspeedy.infra.InfraSettings;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.Infrastructure.Server;
import dev.tarsspeedy.infra.process.Folders;
import dev.tarsspeedy.localstack.ServiceProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code bench/buy/run}: the buy hot path measured side by side, on one machine, in one run (docs/benchmarks.md).
 *
 * <ol>
 *   <li>(a) the order service's Redis buy script alone, the ceiling of one Redis;
 *   <li>(b) a naive PostgreSQL reservation, a row-locked {@code UPDATE} plus an order insert per attempt;
 *   <li>(c) the order service over HTTP;
 *   <li>(d) the gateway in front of the order service: what a buyer's app talks to.
 * </ol>
 *
 * Each target gets the same arrival rate, the same number of distinct buyers and a fresh drop of the same quantity,
 * and is checked afterwards: units sold, orders recorded and 202 answers agree, and nothing was oversold.
 */
public final class BuyBenchmark {

    /** Pause between find-max steps. */
    static final Duration COOL_DOWN = Duration.ofSeconds(15);
    /** How long the idle CPU is measured before the first row. */
    private static final Duration IDLE = Duration.ofSeconds(10);

    private final Options options;
    private final Path repository;
    private final Path home;
    private final Path runFolder;
    /** The sold-out flood of each buy run on its own, for the report. */
    private final List<String> floodNotes = new ArrayList<>();
    /** The opening burst of each buy row of the bench's driver on its own (its 202 answers), for the report. */
    private final List<String> openingNotes = new ArrayList<>();
    /** Each buy run's warm-up (the services cold), for the report. */
    private final List<String> warmUpNotes = new ArrayList<>();

    private BuyBenchmark(Options options, Path repository) {
        this.options = options;
        this.repository = repository;
        this.home = repository.resolve("bench/buy/target");
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
        new BuyBenchmark(options, repository).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Folders.create(runFolder);
        long buyers = options.attempts();
        if (options.findMax()) {
            buyers = Math.max(
                    buyers, (long) options.rate() * options.stepDuration().toSeconds());
        }
        Path infraFolder = home.resolve("infra");
        // Durable settings (fsync on), as in production: keepData. The folder is this run's alone.
        Folders.deleteRecursively(infraFolder);
        InfraSettings settings = new InfraSettings(
                infraFolder, true, InfraSettings.Ports.free(), InfraSettings.ExternalServers.fromEnvironment());
        try (Tokens tokens = Tokens.prepare(home.resolve("tokens"), buyers);
                Infrastructure infrastructure = Infrastructure.create(settings)) {
            System.out.println("Starting PostgreSQL, Redis and Kafka...");
            infrastructure.start(EnumSet.of(Server.POSTGRES, Server.REDIS, Server.KAFKA));
            List<String> userIds = tokens.userIds(buyers);
            List<Measurement> rows = new ArrayList<>();
            List<String> cpuNotes = new ArrayList<>();

            if (options.targets().contains(Target.A)) {
                rows.add(runRedis(infrastructure, userIds, cpuNotes));
                printRow(rows.getLast());
            }
            if (options.targets().contains(Target.B)) {
                rows.add(runPostgres(infrastructure, userIds, cpuNotes));
                printRow(rows.getLast());
            }
            List<Target> http =
                    options.targets().stream().filter(Target::viaHttp).sorted().toList();
            Optional<FindMax.Answer> answer = Optional.empty();
            Optional<Path> profileFolder = options.profile() ? Optional.of(runFolder.resolve("jfr")) : Optional.empty();
            profileFolder.ifPresent(Folders::create);
            profileFolder.ifPresent(folder -> System.setProperty(GatlingRun.JFR_FOLDER, folder.toString()));
            Path orderJar = options.orderJar().orElse(OrderStack.jar(repository, OrderStack.ORDER_SERVICE));
            Path gatewayJar = OrderStack.jar(repository, OrderStack.GATEWAY);
            List<Target> current =
                    http.stream().filter(t -> t != Target.D_BASELINE).toList();
            if (!http.isEmpty() && !OrderStack.built(orderJar, gatewayJar)) {
                System.out.println("(c) to (f) skipped: " + orderJar + " or " + gatewayJar + " is not built"
                        + " (is the order service in this checkout?).");
            } else if (!current.isEmpty()) {
                System.out.println("Starting the order service and the gateway from their jars...");
                try (OrderStack stack = new OrderStack(
                        orderJar,
                        gatewayJar,
                        runFolder.resolve("services"),
                        infrastructure,
                        tokens,
                        profileFolder,
                        options.jvmOptions())) {
                    cpuNotes.add(idle(stack, infrastructure));
                    for (Target target : current) {
                        if (options.drivers().contains(Options.Driver.GATLING)) {
                            rows.add(runHttp(
                                    stack,
                                    infrastructure,
                                    tokens,
                                    target,
                                    options.rate(),
                                    options.duration(),
                                    options.quantity(),
                                    cpuNotes));
                            printRow(rows.getLast());
                        }
                        if (options.drivers().contains(Options.Driver.NETTY)) {
                            rows.add(runNetty(
                                    stack,
                                    infrastructure,
                                    tokens,
                                    target,
                                    options.rate(),
                                    options.duration(),
                                    options.quantity(),
                                    cpuNotes));
                            printRow(rows.getLast());
                        }
                    }
                    if (options.findMax()) {
                        // The buy path through the gateway when it was measured, else the last target asked for.
                        Target target = current.contains(Target.D) ? Target.D : current.getLast();
                        answer = Optional.of(findMax(stack, infrastructure, tokens, target, cpuNotes));
                    }
                    System.out.println("Service logs: " + stack.logs());
                }
            }
            if (options.baseline().isPresent()) {
                rows.add(runBaseline(options.baseline().get(), infrastructure, tokens, cpuNotes));
                printRow(rows.getLast());
            }

            String report = report(rows, cpuNotes, answer);
            if (profileFolder.isPresent()) {
                report += profiles(profileFolder.get());
            }
            Files.writeString(runFolder.resolve("results.txt"), report, StandardCharsets.UTF_8);
            System.out.println();
            System.out.println(report);
            System.out.println("Results: " + runFolder.resolve("results.txt"));
        }
    }

    private Measurement runRedis(Infrastructure infrastructure, List<String> userIds, List<String> cpuNotes) {
        System.out.printf(
                "(a) Redis buy.lua at %,d/s for %d s...%n",
                options.rate(), options.duration().toSeconds());
        RedisScriptBench redis =
                new RedisScriptBench(repository, infrastructure.redis().uri());
        CpuUsage cpu = new CpuUsage();
        cpu.start(infraProcesses(infrastructure));
        try {
            return redis.run(options, options.rate(), options.duration(), userIds);
        } finally {
            cpu.stop();
            cpuNotes.add(Target.A.label() + ": " + cpu.summary());
            redis.close();
        }
    }

    private Measurement runPostgres(Infrastructure infrastructure, List<String> userIds, List<String> cpuNotes)
            throws Exception {
        System.out.printf(
                "(b) naive PostgreSQL at %,d/s for %d s, %d connections...%n",
                options.rate(), options.duration().toSeconds(), options.pgConnections());
        PostgresNaiveBench postgres = new PostgresNaiveBench(infrastructure.postgres());
        if (!options.warmup().isZero()) {
            warmedUp(postgres.run(options, options.rate(), options.warmup(), userIds));
        }
        CpuUsage cpu = new CpuUsage();
        cpu.start(infraProcesses(infrastructure));
        try {
            return postgres.run(options, options.rate(), options.duration(), userIds);
        } finally {
            cpu.stop();
            cpuNotes.add(Target.B.label() + ": " + cpu.summary());
        }
    }

    /**
     * (c), (d), (e) or (f) with the bench's own driver ({@link HttpBuyDriver}) instead of Gatling: the same drop, buyers
     * and checks; its warm-up is a quarter of the rate for half of {@code --warmup}, then the rate.
     */
    private Measurement runNetty(
            OrderStack stack,
            Infrastructure infrastructure,
            Tokens tokens,
            Target target,
            int rate,
            Duration duration,
            int quantity,
            List<String> cpuNotes)
            throws Exception {
        if (!options.warmup().isZero()) {
            DriverWarmUp.once(rate);
        }
        Instant opensAt = Instant.now().plusSeconds(2);
        boolean buys = !target.noOp();
        Optional<UUID> warmupDrop =
                options.warmup().isZero() || !buys ? Optional.empty() : Optional.of(stack.openDrop(quantity, opensAt));
        Optional<UUID> measuredDrop = buys ? Optional.of(stack.openDrop(quantity, opensAt)) : Optional.empty();
        long wait = Duration.between(Instant.now(), opensAt).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        String label = target.label() + " [netty]";
        String baseUrl = target == Target.C || target == Target.F ? stack.orderUrl() : stack.gatewayUrl();
        String noOpPath = target == Target.E ? OrderStack.GATEWAY_NO_OP_PATH : OrderStack.NO_OP_PATH;
        List<String> buyers = tokens.tokens(
                (long) rate * Math.max(duration.toSeconds(), options.warmup().toSeconds()));
        System.out.printf("%s at %,d/s for %d s (the bench's driver)...%n", label, rate, duration.toSeconds());
        Map<String, ProcessHandle> watch = watched(stack, infrastructure);
        CpuUsage cpu = new CpuUsage();
        CpuUsage rowCpu = new CpuUsage();
        cpu.start(watch);
        OpenModelDriver.Result result;
        try (HttpBuyDriver driver = new HttpBuyDriver(baseUrl, 2000, GatlingRun.REQUEST_TIMEOUT)) {
            if (!options.warmup().isZero()) {
                long half = Math.max(1, options.warmup().toSeconds() / 2);
                Duration first = Duration.ofSeconds(half);
                Duration second =
                        Duration.ofSeconds(Math.max(1, options.warmup().toSeconds() - half));
                Duration grace = Duration.ofSeconds(1);
                // The measured row starts when every warm-up attempt has its answer (or timed out): a backlog the
                // warm-up left would otherwise count against the row.
                Duration drain = GatlingRun.REQUEST_TIMEOUT.plusSeconds(1);
                String drop = warmupDrop.map(UUID::toString).orElse("");
                OpenModelDriver.Result warm;
                if (buys) {
                    driver.run(drop, buyers, Math.max(1, rate / 4), first, grace);
                    warm = driver.run(drop, buyers, rate, second, drain);
                } else {
                    driver.runGet(noOpPath, buyers, Math.max(1, rate / 4), first, grace);
                    warm = driver.runGet(noOpPath, buyers, rate, second, drain);
                }
                errorNote("  warm-up", warm, driver.takeErrorKinds());
                warmedUp(new Measurement(
                        target,
                        rate,
                        warm.attempts(),
                        warm.throughput(),
                        warm.percentileMillis(50),
                        warm.percentileMillis(99),
                        warm.maxMillis(),
                        warm.accepted(),
                        warm.refused(),
                        warm.errors(),
                        0,
                        0,
                        quantity,
                        ""));
            }
            Duration grace = GatlingRun.REQUEST_TIMEOUT.plusSeconds(5);
            rowCpu.start(watch);
            try {
                result = buys
                        ? driver.run(measuredDrop.orElseThrow().toString(), buyers, rate, duration, grace)
                        : driver.runGet(noOpPath, buyers, rate, duration, grace);
            } finally {
                rowCpu.stop();
            }
            errorNote("  " + label, result, driver.takeErrorKinds());
        } finally {
            cpu.stop();
        }
        long attempts = (long) rate * (duration.toSeconds() + options.warmup().toSeconds());
        cpuNotes.add(label + " at " + rate + "/s (the load generator is this JVM), warm-up included: "
                + cpu.summary(attempts));
        // The row alone, on the JVMs the warm-up left: the figure to compare with the goal of the CPU per attempt.
        cpuNotes.add(label + " at " + rate + "/s, the measured row alone: "
                + rowCpu.summary((long) rate * duration.toSeconds()));
        if (!buys) {
            // Nothing is sold on a no-op route: 0 sold, 0 orders; its 200s are not 202s.
            return new Measurement(
                    target,
                    rate,
                    result.attempts(),
                    result.throughput(),
                    result.percentileMillis(50),
                    result.percentileMillis(99),
                    result.maxMillis(),
                    0,
                    0,
                    result.errors(),
                    0,
                    0,
                    quantity,
                    "",
                    label);
        }
        phaseNotes(label, rate, result);
        OrderStack.Sales sales = stack.settledSales(measuredDrop.orElseThrow());
        return new Measurement(
                target,
                rate,
                result.attempts(),
                result.throughput(),
                result.percentileMillis(50),
                result.percentileMillis(99),
                result.maxMillis(),
                result.accepted(),
                result.refused(),
                result.errors(),
                sales.sold(),
                sales.orders(),
                quantity,
                "",
                label);
    }

    /**
     * What the started services and the infrastructure burn with no load at all (their schedulers, relays, consumers'
     * polls, metrics): part of every CPU-per-attempt figure, which divides all of a process's CPU by the attempts.
     */
    private String idle(OrderStack stack, Infrastructure infrastructure) throws InterruptedException {
        CpuUsage cpu = new CpuUsage();
        cpu.start(watched(stack, infrastructure));
        Thread.sleep(IDLE.toMillis());
        cpu.stop();
        return "idle, no load for " + IDLE.toSeconds() + " s right after the start: " + cpu.summary();
    }

    /** A driver row's two phases: the opening burst (202s) and the sold-out flood (409s), each with its own p99. */
    private void phaseNotes(String label, int rate, OpenModelDriver.Result result) {
        if (result.accepts().count() > 0) {
            openingNotes.add(phaseNote(label, rate, result.accepts()));
        }
        if (result.refusals().count() > 0) {
            floodNotes.add(phaseNote(label, rate, result.refusals()));
        }
    }

    private static String phaseNote(String label, int rate, OpenModelDriver.Phase phase) {
        return String.format(
                Locale.ROOT,
                "  %-22s %7d %9d %11.0f %8.1f %8.1f",
                label,
                rate,
                phase.count(),
                phase.throughput(),
                phase.percentileMillis(50),
                phase.percentileMillis(99));
    }

    /** Which errors a run of the bench's driver had, and when in its schedule they were due. */
    private static void errorNote(String label, OpenModelDriver.Result result, String kinds) {
        if (result.errors() > 0) {
            System.out.printf(
                    "%s: %,d errors (%s%s); by second of the schedule they were due in: %s%n",
                    label,
                    result.errors(),
                    kinds,
                    result.unanswered() > 0 ? ", unanswered at the end " + result.unanswered() : "",
                    result.errorSeconds());
        }
    }

    /** (d) once more, on another build's jars (before a change), with the same load and a fresh drop. */
    private Measurement runBaseline(Path folder, Infrastructure infrastructure, Tokens tokens, List<String> cpuNotes)
            throws Exception {
        Path orderJar = folder.resolve(OrderStack.ORDER_SERVICE + ".jar");
        Path gatewayJar = folder.resolve(OrderStack.GATEWAY + ".jar");
        if (!OrderStack.built(orderJar, gatewayJar)) {
            throw new IllegalArgumentException("--baseline " + folder + " needs " + OrderStack.ORDER_SERVICE
                    + ".jar and " + OrderStack.GATEWAY + ".jar");
        }
        System.out.println("Starting the baseline's order service and gateway (" + folder + ")...");
        try (OrderStack stack = new OrderStack(
                orderJar,
                gatewayJar,
                runFolder.resolve("baseline-services"),
                infrastructure,
                tokens,
                Optional.empty(),
                options.jvmOptions())) {
            // With the same load generator as the rows it is compared with: the bench's own when it alone was asked
            // for.
            return options.drivers().contains(Options.Driver.GATLING)
                    ? runHttp(
                            stack,
                            infrastructure,
                            tokens,
                            Target.D_BASELINE,
                            options.rate(),
                            options.duration(),
                            options.quantity(),
                            cpuNotes)
                    : runNetty(
                            stack,
                            infrastructure,
                            tokens,
                            Target.D_BASELINE,
                            options.rate(),
                            options.duration(),
                            options.quantity(),
                            cpuNotes);
        }
    }

    private Measurement runHttp(
            OrderStack stack,
            Infrastructure infrastructure,
            Tokens tokens,
            Target target,
            int rate,
            Duration duration,
            int quantity,
            List<String> cpuNotes)
            throws Exception {
        // The drop opens a moment after it is loaded; Gatling's JVM starts meanwhile, so the load meets it open.
        Instant opensAt = Instant.now().plusSeconds(4);
        Optional<UUID> warmupDrop =
                options.warmup().isZero() ? Optional.empty() : Optional.of(stack.openDrop(quantity, opensAt));
        // Open when the measured part starts (after the warm-up): nobody bought from it before.
        UUID dropId = stack.openDrop(quantity, opensAt);
        long wait = Duration.between(Instant.now(), opensAt).toMillis() - 1500;
        if (wait > 0) {
            Thread.sleep(wait);
        }
        String baseUrl = target == Target.C || target == Target.F ? stack.orderUrl() : stack.gatewayUrl();
        System.out.printf("%s at %,d/s for %d s (Gatling)...%n", target.label(), rate, duration.toSeconds());
        Map<String, ProcessHandle> watch = watched(stack, infrastructure);
        CpuUsage cpu = new CpuUsage();
        Path results = runFolder.resolve("gatling").resolve(target.name().toLowerCase() + "-" + rate);
        String description = target.label() + " at " + rate + "/s";
        GatlingRun.Figures figures = target.noOp()
                ? GatlingRun.runNoOp(
                        repository,
                        results,
                        baseUrl,
                        target == Target.E ? OrderStack.GATEWAY_NO_OP_PATH : OrderStack.NO_OP_PATH,
                        options.warmup(),
                        tokens.file(),
                        rate,
                        duration,
                        description,
                        watch,
                        cpu)
                : GatlingRun.run(
                        repository,
                        results,
                        baseUrl,
                        dropId,
                        warmupDrop,
                        options.warmup(),
                        tokens.file(),
                        rate,
                        duration,
                        description,
                        watch,
                        cpu);
        // Warm-up and measured part alike: the CPU is sampled over the whole Gatling run.
        long attemptsDuringCpu =
                (long) rate * (duration.toSeconds() + (options.warmup().toSeconds()));
        cpuNotes.add(description + ": " + cpu.summary(attemptsDuringCpu));
        if (target.noOp()) {
            // Nothing is sold on a no-op route: the drop stays untouched, and the row shows 0 sold, 0 orders.
            return new Measurement(
                    target,
                    rate,
                    figures.requests(),
                    figures.throughput(),
                    figures.p50Millis(),
                    figures.p99Millis(),
                    figures.maxMillis(),
                    0,
                    0,
                    figures.otherStatus() + figures.noResponse(),
                    0,
                    0,
                    quantity,
                    figures.report().toString());
        }
        GatlingRun.WarmUp cold = figures.warmUp();
        if (cold.attempts() > 0) {
            warmUpNotes.add(String.format(
                    Locale.ROOT,
                    "  %-22s %7d %9d %8.1f %8.1f %8d",
                    target.label(),
                    rate,
                    cold.attempts(),
                    cold.p50Millis(),
                    cold.p99Millis(),
                    cold.errors()));
        }
        GatlingRun.Flood flood = figures.flood();
        if (flood.refusals() > 0) {
            floodNotes.add(String.format(
                    Locale.ROOT,
                    "  %-22s %7d %9d %11.0f %8.1f %8.1f",
                    target.label(),
                    rate,
                    flood.refusals(),
                    flood.throughput(),
                    flood.p50Millis(),
                    flood.p99Millis()));
        }
        OrderStack.Sales sales = stack.settledSales(dropId);
        return new Measurement(
                target,
                rate,
                figures.requests(),
                figures.throughput(),
                figures.p50Millis(),
                figures.p99Millis(),
                figures.maxMillis(),
                figures.accepted(),
                figures.refused(),
                figures.otherStatus() + figures.noResponse(),
                sales.sold(),
                sales.orders(),
                quantity,
                figures.report().toString());
    }

    private FindMax.Answer findMax(
            OrderStack stack, Infrastructure infrastructure, Tokens tokens, Target target, List<String> cpuNotes) {
        System.out.printf(
                "Finding the highest rate for %s with p99 < %d ms, %d s per step...%n",
                target.label(), options.p99GoalMillis(), options.stepDuration().toSeconds());
        List<Measurement> steps = new ArrayList<>();
        FindMax.Answer answer = FindMax.search(options.rate(), 25, 8, rate -> {
            try {
                if (!steps.isEmpty()) {
                    // An overloaded step leaves queues to drain and the gateway's circuit breaker open for a while.
                    Thread.sleep(COOL_DOWN.toMillis());
                }
                int quantity = stepQuantity(options.quantity(), rate, options.stepDuration());
                // The bench's own driver when it alone was asked for, else Gatling.
                Measurement m = options.drivers().contains(Options.Driver.GATLING)
                        ? runHttp(
                                stack, infrastructure, tokens, target, rate, options.stepDuration(), quantity, cpuNotes)
                        : runNetty(
                                stack,
                                infrastructure,
                                tokens,
                                target,
                                rate,
                                options.stepDuration(),
                                quantity,
                                cpuNotes);
                steps.add(m);
                printRow(m);
                return m.meets(options.p99GoalMillis()) && !m.oversold();
            } catch (Exception e) {
                throw new IllegalStateException("find-max step at " + rate + "/s failed", e);
            }
        });
        System.out.println(ResultTable.format(steps, options.p99GoalMillis()));
        return answer;
    }

    /**
     * A find-max step sells out too: at most the run's quantity, and no more than a sixth of the step's attempts,
     * so the drop opens, sells out and spends most of the step refusing, as in the full run.
     */
    static int stepQuantity(int quantity, int rate, Duration step) {
        return (int) Math.max(1, Math.min(quantity, rate * step.toSeconds() / 6));
    }

    private String report(List<Measurement> rows, List<String> cpuNotes, Optional<FindMax.Answer> answer) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                "Buy benchmark: %,d attempts/s for %d s (%,d distinct buyers), drops of %,d units, %d cores;"
                        + " services' JVM options: %s%n",
                options.rate(),
                options.duration().toSeconds(),
                options.attempts(),
                options.quantity(),
                Runtime.getRuntime().availableProcessors(),
                options.jvmOptions().orElse(String.join(" ", ServiceProcess.JVM_OPTIONS))));
        text.append(ResultTable.format(rows, options.p99GoalMillis()));
        answer.ifPresent(a -> {
            text.append(String.format(
                    "%nfind-max: highest rate with p99 < %d ms and no errors: %,d/s%n",
                    options.p99GoalMillis(), a.highestMet()));
            a.steps()
                    .forEach(s -> text.append(String.format("  %,8d/s  %s%n", s.rate(), s.met() ? "meets" : "misses")));
        });
        if (!openingNotes.isEmpty()) {
            // The bench's driver rows only: while the drop sells, every 202 also becomes an order to store.
            text.append(String.format(
                    "%nThe opening burst on its own (202 answers, from the first buyer's arrival to the last sale;"
                            + " rows of the bench's driver):%n  %-22s %7s %9s %11s %8s %8s%n",
                    "target", "rate/s", "sales", "through/s", "p50 ms", "p99 ms"));
            openingNotes.forEach(note -> text.append(note).append('\n'));
        }
        if (!floodNotes.isEmpty()) {
            // After the sell-out every attempt is a refusal: the phase most of a drop's buyers see.
            text.append(String.format(
                    "%nThe sold-out flood on its own (409 answers, from the first refused arrival to the last refusal):%n"
                            + "  %-22s %7s %9s %11s %8s %8s%n",
                    "target", "rate/s", "refusals", "through/s", "p50 ms", "p99 ms"));
            floodNotes.forEach(note -> text.append(note).append('\n'));
        }
        if (!warmUpNotes.isEmpty()) {
            // Not in the table (its rows start warm), but what a drop opening on cold services would get.
            text.append(String.format(
                    "%nThe warm-up before each row (the same load on a throw-away drop, services cold):%n"
                            + "  %-22s %7s %9s %8s %8s %8s%n",
                    "target", "rate/s", "attempts", "p50 ms", "p99 ms", "errors"));
            warmUpNotes.forEach(note -> text.append(note).append('\n'));
        }
        text.append("\nWhere the time goes:\n");
        cpuNotes.forEach(note -> text.append(note).append('\n'));
        return text.toString();
    }

    private static String profiles(Path folder) throws Exception {
        StringBuilder text = new StringBuilder("\nJFR profiles (CPU samples):\n");
        for (String service : List.of(OrderStack.ORDER_SERVICE, OrderStack.GATEWAY)) {
            Path recording = folder.resolve(service + ".jfr");
            if (Files.isRegularFile(recording)) {
                text.append(JfrSummary.summarise(service, recording, 15));
            }
        }
        try (var recordings = Files.list(folder)) {
            for (Path recording : recordings
                    .filter(path -> path.getFileName().toString().startsWith("gatling-"))
                    .sorted()
                    .toList()) {
                String name = recording.getFileName().toString().replace(".jfr", "");
                text.append(JfrSummary.summarise(name + " (load generator)", recording, 15));
            }
        }
        return text.toString();
    }

    /** The services and the infrastructure, whose CPU a run reports. */
    private static Map<String, ProcessHandle> watched(OrderStack stack, Infrastructure infrastructure) {
        Map<String, ProcessHandle> watch = new LinkedHashMap<>(stack.handles());
        watch.putAll(infraProcesses(infrastructure));
        return watch;
    }

    private static Map<String, ProcessHandle> infraProcesses(Infrastructure infrastructure) {
        Map<String, ProcessHandle> handles = new LinkedHashMap<>();
        for (Server server : List.of(Server.REDIS, Server.POSTGRES, Server.KAFKA)) {
            // The first is the server's main process; CpuUsage adds its children (PostgreSQL's backends).
            infrastructure.server(server).processes().stream()
                    .findFirst()
                    .ifPresent(process -> handles.put(server.name().toLowerCase(Locale.ROOT), process));
        }
        return handles;
    }

    private static void warmedUp(Measurement m) {
        System.out.printf("  warm-up done (%,d attempts, p99 %.1f ms); measuring...%n", m.attempts(), m.p99Millis());
    }

    private static void printRow(Measurement m) {
        System.out.print(
                ResultTable.format(List.of(m), 100).lines().skip(2).findFirst().orElse("") + "\n");
    }
}
