package dev.tarsspeedy.bench.alerts;

import dev.tarsspeedy.infra.InfraSettings;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.Infrastructure.Server;
import dev.tarsspeedy.infra.process.Folders;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Locale;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Price alert evaluation at scale: {@code --alerts} above/below alerts (half each, lines within ±10 % of the start
 * price) over {@code --symbols} symbols, in the alert service's own table and indexes (its V3 migration), then
 * {@code --quotes} quotes (a random walk of ±0.3 % a step per symbol), each evaluated twice in the same run:
 *
 * <ol>
 *   <li><b>indexed</b>: the service's candidate query for a price quote, the line range {@code watch_line > previous
 *       and watch_line <= current} (and the falling mirror) on the index {@code (symbol, regular_hours_only,
 *       watch_space, watch_rising, watch_line)}, plus its branch for move alerts waiting for a new day: only the alerts
 *       the quote crossed are read;
 *   <li><b>naive</b>: every unfinished alert of the symbol is read and checked in Java.
 * </ol>
 *
 * Both read the same rows and must find the same crossings (checked); neither writes, so the database is the same for
 * both. What a firing then costs (the conditional update, the history row, the mail request) is the same in both and
 * is left out: this measures the part that grows with the number of alerts.
 */
public final class AlertBenchmark {

    private static final String DATABASE = "bench_alerts";

    private static final String INDEXED = "select id, kind, line from price_alert where symbol = ?"
            + " and regular_hours_only = true and completed_at is null"
            + " and ((watch_space = 'P' and ((watch_rising and watch_line > ? and watch_line <= ?)"
            + " or (not watch_rising and watch_line < ? and watch_line >= ?)))"
            + " or (kind = 'MOVE_PERCENT' and not armed and mode = 'REARM' and fired_day < ?))";

    private static final String NAIVE =
            "select id, kind, line from price_alert where symbol = ? and completed_at is null";

    private record Options(int alerts, int symbols, int quotes) {

        static Options parse(String[] args) {
            int alerts = 1_000_000;
            int symbols = 2_500;
            int quotes = 20_000;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--alerts" -> alerts = Integer.parseInt(args[++i]);
                    case "--symbols" -> symbols = Integer.parseInt(args[++i]);
                    case "--quotes" -> quotes = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(alerts, symbols, quotes);
        }
    }

    private record Result(String name, int quotes, long nanos, Histogram latency, long rowsRead, long crossings) {

        double quotesPerSecond() {
            return quotes / (nanos / 1e9);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path repository = Path.of(System.getProperty("bench.repository", "."));
        Path home = repository.resolve("bench/alerts/target/run");
        Folders.deleteRecursively(home);
        Folders.create(home);
        InfraSettings settings = new InfraSettings(
                home.resolve("infra"),
                true,
                InfraSettings.Ports.free(),
                InfraSettings.ExternalServers.fromEnvironment());
        try (Infrastructure infrastructure = Infrastructure.create(settings)) {
            System.out.println("Starting PostgreSQL...");
            infrastructure.start(EnumSet.of(Server.POSTGRES));
            infrastructure.postgres().createDatabase(DATABASE);
            try (Connection connection = infrastructure.postgres().connect(DATABASE)) {
                prepare(connection, repository, options);
                // The same quotes for both, each measured once cold-free: a short warm-up of each first.
                double[][] walk = walk(options);
                run(connection, "warm-up indexed", INDEXED, true, walk, Math.min(2_000, options.quotes()));
                run(connection, "warm-up naive", NAIVE, false, walk, Math.min(2_000, options.quotes()));
                Result indexed = run(connection, "indexed line range", INDEXED, true, walk, options.quotes());
                Result naive = run(connection, "naive loop", NAIVE, false, walk, options.quotes());
                if (indexed.crossings() != naive.crossings()) {
                    throw new IllegalStateException(
                            "the two found different crossings: " + indexed.crossings() + " and " + naive.crossings());
                }
                print(options, indexed, naive);
            }
        }
    }

    private static void prepare(Connection connection, Path repository, Options options)
            throws SQLException, java.io.IOException {
        String migration = Files.readString(
                repository.resolve("services/alert-service/src/main/resources/db/migration/V3__price_alert.sql"));
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute(migration);
            // Half above, half below, lines within ±10 % of 100, a user per 100 alerts: armed, watching their line.
            statement.execute("insert into price_alert (id, user_id, email, language, zone, symbol, stock_name, kind,"
                    + " line, mode, cooldown_seconds, hysteresis_percent, regular_hours_only, armed, episode,"
                    + " watch_space, watch_rising, watch_line, version, created_at, updated_at)"
                    + " select gen_random_uuid(), md5((i / 100)::text)::uuid, 'u' || (i / 100) || '@example.com', 'ko',"
                    + " 'Asia/Seoul', 'S' || lpad((i % " + options.symbols() + ")::text, 5, '0'), 'stock',"
                    + " case when i % 2 = 0 then 'PRICE_ABOVE' else 'PRICE_BELOW' end, l.line, 'REARM', 3600, 0.5,"
                    + " true, true, 0, 'P', i % 2 = 0, l.line, 0, now(), now()"
                    + " from generate_series(1, " + options.alerts() + ") i,"
                    + " lateral (select round((90 + random() * 20)::numeric + i * 0, 2) as line) l");
            statement.execute("analyze price_alert");
        }
        System.out.printf(
                Locale.ROOT,
                "%,d alerts over %,d symbols stored and indexed in %.1f s%n",
                options.alerts(),
                options.symbols(),
                (System.nanoTime() - started) / 1e9);
    }

    /** Per quote: the symbol's index, the previous price and the price. */
    private static double[][] walk(Options options) {
        SplittableRandom random = new SplittableRandom(42);
        double[] last = new double[options.symbols()];
        java.util.Arrays.fill(last, 100.0);
        int total = options.quotes() + Math.min(2_000, options.quotes());
        double[][] quotes = new double[total][];
        for (int i = 0; i < total; i++) {
            int symbol = random.nextInt(options.symbols());
            double previous = last[symbol];
            double price = Math.round(previous * (1 + (random.nextDouble() - 0.5) * 0.006) * 100) / 100.0;
            // Kept within the lines' band so that quotes keep crossing lines.
            price = Math.max(88, Math.min(112, price));
            last[symbol] = price;
            quotes[i] = new double[] {symbol, previous, price};
        }
        return quotes;
    }

    private static Result run(
            Connection connection, String name, String sql, boolean indexed, double[][] walk, int count)
            throws SQLException {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        long rowsRead = 0;
        long crossings = 0;
        int offset = walk.length - count;
        long started = System.nanoTime();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                double[] quote = walk[offset + i];
                String symbol = "S" + String.format(Locale.ROOT, "%05d", (int) quote[0]);
                BigDecimal previous = BigDecimal.valueOf(quote[1]);
                BigDecimal price = BigDecimal.valueOf(quote[2]);
                long begin = System.nanoTime();
                select.setString(1, symbol);
                if (indexed) {
                    select.setBigDecimal(2, previous);
                    select.setBigDecimal(3, price);
                    select.setBigDecimal(4, previous);
                    select.setBigDecimal(5, price);
                    select.setObject(6, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rowsRead++;
                        boolean above = rows.getString(2).equals("PRICE_ABOVE");
                        BigDecimal line = rows.getBigDecimal(3);
                        boolean crossed = above
                                ? previous.compareTo(line) < 0 && price.compareTo(line) >= 0
                                : previous.compareTo(line) > 0 && price.compareTo(line) <= 0;
                        if (crossed) {
                            crossings++;
                        }
                    }
                }
                latency.recordValue(Math.max(1, (System.nanoTime() - begin) / 1_000));
            }
        }
        return new Result(name, count, System.nanoTime() - started, latency, rowsRead, crossings);
    }

    private static void print(Options options, Result indexed, Result naive) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%,d alerts, %,d symbols (%,d alerts a symbol), %,d quotes, one connection%n",
                options.alerts(),
                options.symbols(),
                options.alerts() / options.symbols(),
                indexed.quotes());
        System.out.printf(
                Locale.ROOT,
                "%-20s %12s %10s %10s %10s %14s %12s%n",
                "evaluation",
                "quotes/s",
                "p50 ms",
                "p99 ms",
                "max ms",
                "rows read/q",
                "crossings");
        for (Result result : new Result[] {indexed, naive}) {
            System.out.printf(
                    Locale.ROOT,
                    "%-20s %,12.0f %10.3f %10.3f %10.3f %14.1f %,12d%n",
                    result.name(),
                    result.quotesPerSecond(),
                    result.latency().getValueAtPercentile(50) / 1000.0,
                    result.latency().getValueAtPercentile(99) / 1000.0,
                    result.latency().getMaxValue() / 1000.0,
                    (double) result.rowsRead() / result.quotes(),
                    result.crossings());
        }
        System.out.printf(
                Locale.ROOT,
                "%nindexed / naive throughput: %.1fx%n",
                indexed.quotesPerSecond() / naive.quotesPerSecond());
    }

    private AlertBenchmark() {}
}
