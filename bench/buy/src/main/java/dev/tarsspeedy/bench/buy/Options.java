package dev.tarsspeedy.bench.buy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What one run measures, from the command line of {@code bench/buy/run}.
 *
 * @param rate buy attempts per second (open model: they arrive whether or not earlier ones were answered)
 * @param duration how long attempts arrive
 * @param quantity units on sale in each drop; every attempt asks for one unit
 * @param targets which of (a) Redis script, (b) naive PostgreSQL, (c) order service, (d) gateway to measure
 * @param findMax after the run, step the rate of the last target to the highest that meets the p99 goal
 * @param stepDuration how long each find-max step lasts
 * @param p99GoalMillis the latency goal of find-max and of the verdict
 * @param pgConnections connections (and threads) of the naive PostgreSQL driver
 * @param profile record a JFR profile of the services and summarise where their CPU time goes
 * @param warmup before each measured run, the same load on a throw-away drop for this long (JIT compilers of the
 *     services and the load generator), 0 for none
 * @param orderJar the order service's jar to measure instead of {@code services/order-service/target/}, e.g. a
 *     branch's build
 * @param jvmOptions the JVM options of the order service and the gateway instead of the local stack's (to compare
 *     heaps and collectors), e.g. {@code "-Xmx1g -XX:+UseParallelGC"}
 * @param drivers the load generators of (c) and (d): Gatling, the bench's own on Reactor Netty, or both side by side
 * @param baseline a folder with another build's {@code order-service.jar} and {@code gateway.jar}: (d) is measured
 *     on those too, in the same run, as the row "(d) baseline" (before and after a change, side by side)
 */
public record Options(
        int rate,
        Duration duration,
        int quantity,
        Set<Target> targets,
        boolean findMax,
        Duration stepDuration,
        long p99GoalMillis,
        int pgConnections,
        boolean profile,
        Duration warmup,
        Optional<Path> orderJar,
        Optional<String> jvmOptions,
        Set<Driver> drivers,
        Optional<Path> baseline) {

    /** Who sends (c)'s and (d)'s attempts. */
    public enum Driver {
        GATLING,
        NETTY
    }

    /** The things measured, in table order. */
    public enum Target {
        A("(a) Redis buy.lua"),
        B("(b) naive PostgreSQL"),
        C("(c) order service"),
        D("(d) gateway -> order"),
        /** (d) on the jars of {@code --baseline}: chosen by that option, not by {@code --targets}. */
        D_BASELINE("(d) baseline"),
        /** The gateway in front of a no-op route the order service's JVM answers: the gateway's ceiling. */
        E("(e) gateway -> no-op"),
        /** That no-op route asked directly. */
        F("(f) no-op direct");

        private final String label;

        Target(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean viaHttp() {
            return this != A && this != B;
        }

        /** A reference row: the same load on a route that does nothing, not a buy. */
        public boolean noOp() {
            return this == E || this == F;
        }
    }

    public static final String USAGE = """
            bench/buy/run [--rate 10000] [--duration 60s] [--quantity 10000] [--targets abcd]
                          [--find-max] [--step-duration 20s] [--p99 100] [--pg-connections 32] [--profile]
                          [--warmup 10s] [--order-jar PATH] [--baseline DIR]
                          [--jvm-options "-Xmx1g -XX:+UseParallelGC"] [--driver gatling|netty|both]
            """;

    public Options {
        if (rate < 1) {
            throw new IllegalArgumentException("--rate must be at least 1");
        }
        if (duration.toSeconds() < 1 || stepDuration.toSeconds() < 1) {
            throw new IllegalArgumentException("durations are whole seconds, at least 1s");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("--quantity must be at least 1");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("--targets names at least one of a, b, c, d, e, f");
        }
        if (drivers.isEmpty()) {
            throw new IllegalArgumentException("--driver names gatling, netty or both");
        }
        drivers = Set.copyOf(drivers);
        Set<Target> chosen = EnumSet.copyOf(targets);
        if (baseline.isPresent()) {
            chosen.add(Target.D_BASELINE);
        }
        targets = Set.copyOf(chosen);
    }

    /** Attempts in a run of this rate and duration: one distinct buyer each. */
    public long attempts() {
        return (long) rate * duration.toSeconds();
    }

    public static Options parse(List<String> args) {
        int rate = 10_000;
        Duration duration = Duration.ofSeconds(60);
        int quantity = 10_000;
        Set<Target> targets = EnumSet.complementOf(EnumSet.of(Target.D_BASELINE));
        boolean findMax = false;
        Duration stepDuration = Duration.ofSeconds(20);
        long p99 = 100;
        int pgConnections = 32;
        boolean profile = false;
        Duration warmup = Duration.ofSeconds(10);
        Optional<Path> orderJar = Optional.empty();
        Optional<Path> baseline = Optional.empty();
        Optional<String> jvmOptions = Optional.empty();
        Set<Driver> drivers = EnumSet.of(Driver.GATLING);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--find-max" -> findMax = true;
                case "--profile" -> profile = true;
                case "--rate" -> rate = Integer.parseInt(value(args, ++i, arg));
                case "--duration" -> duration = duration(value(args, ++i, arg));
                case "--quantity" -> quantity = Integer.parseInt(value(args, ++i, arg));
                case "--targets" -> targets = targets(value(args, ++i, arg));
                case "--step-duration" -> stepDuration = duration(value(args, ++i, arg));
                case "--p99" -> p99 = Long.parseLong(value(args, ++i, arg));
                case "--order-jar" -> orderJar = Optional.of(Path.of(value(args, ++i, arg)));
                case "--driver" -> drivers = drivers(value(args, ++i, arg));
                case "--jvm-options" -> jvmOptions = Optional.of(value(args, ++i, arg));
                case "--baseline" -> baseline = Optional.of(Path.of(value(args, ++i, arg)));
                case "--warmup" -> warmup = duration(value(args, ++i, arg));
                case "--pg-connections" -> pgConnections = Integer.parseInt(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg + "\nusage: " + USAGE);
            }
        }
        return new Options(
                rate,
                duration,
                quantity,
                targets,
                findMax,
                stepDuration,
                p99,
                pgConnections,
                profile,
                warmup,
                orderJar,
                jvmOptions,
                drivers,
                baseline);
    }

    /** {@code 60s}, {@code 2m} or plain seconds. */
    static Duration duration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        if (value.endsWith("s")) {
            value = value.substring(0, value.length() - 1);
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }

    static Set<Driver> drivers(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "gatling" -> EnumSet.of(Driver.GATLING);
            case "netty" -> EnumSet.of(Driver.NETTY);
            case "both" -> EnumSet.allOf(Driver.class);
            default -> throw new IllegalArgumentException("unknown driver '" + text + "': use gatling, netty or both");
        };
    }

    static Set<Target> targets(String text) {
        Set<Target> targets = EnumSet.noneOf(Target.class);
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case 'a' -> targets.add(Target.A);
                case 'b' -> targets.add(Target.B);
                case 'c' -> targets.add(Target.C);
                case 'd' -> targets.add(Target.D);
                case 'e' -> targets.add(Target.E);
                case 'f' -> targets.add(Target.F);
                case ',' -> {}
                default -> throw new IllegalArgumentException("unknown target '" + c + "': use a, b, c, d, e, f");
            }
        }
        return targets;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\nusage: " + USAGE);
        }
        return args.get(index);
    }
}
