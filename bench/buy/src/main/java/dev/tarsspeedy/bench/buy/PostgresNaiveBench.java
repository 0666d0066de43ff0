package dev.tarsspeedy.bench.buy;

import dev.tarsspeedy.bench.buy.OpenModelDriver.Outcome;
import dev.tarsspeedy.infra.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * (b) What one would write without Redis: each attempt is one PostgreSQL transaction that takes a unit with
 * {@code UPDATE ... SET remaining = remaining - 1 WHERE remaining > 0} and, when it got one, inserts the order. Every
 * buyer queues on the same row lock until the drop sells out. A fixed pool of connections, each with its own thread,
 * serves the attempts in arrival order; the time an attempt waits for a free connection counts in its latency.
 */
final class PostgresNaiveBench {

    static final String DATABASE = "bench_naive";

    private final PostgresServer postgres;

    PostgresNaiveBench(PostgresServer postgres) {
        this.postgres = postgres;
        postgres.createDatabase(DATABASE);
        try (Connection connection = postgres.connect(DATABASE);
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists naive_drop (id uuid primary key, quantity int not null,"
                    + " remaining int not null)");
            statement.execute("create table if not exists naive_order (id uuid primary key, drop_id uuid not null,"
                    + " user_id uuid not null, quantity int not null, created_at timestamptz not null default now())");
            statement.execute("create index if not exists naive_order_drop on naive_order (drop_id)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare " + DATABASE, e);
        }
    }

    Measurement run(Options options, int rate, Duration duration, List<String> userIds) throws SQLException {
        UUID dropId = UUID.randomUUID();
        try (Connection connection = postgres.connect(DATABASE);
                PreparedStatement insert = connection.prepareStatement(
                        "insert into naive_drop (id, quantity, remaining) values (?, ?, ?)")) {
            insert.setObject(1, dropId);
            insert.setInt(2, options.quantity());
            insert.setInt(3, options.quantity());
            insert.executeUpdate();
        }
        int size = options.pgConnections();
        List<Connection> pool = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Connection connection = postgres.connect(DATABASE);
            connection.setAutoCommit(false);
            pool.add(connection);
        }
        ThreadLocal<Worker> workers = new ThreadLocal<>();
        List<Connection> free = new ArrayList<>(pool);
        OpenModelDriver.Result result;
        try (ExecutorService executor = Executors.newFixedThreadPool(size)) {
            result = OpenModelDriver.run(rate, duration, Duration.ofSeconds(60), index -> {
                String user = userIds.get((int) (index % userIds.size()));
                return CompletableFuture.supplyAsync(
                        () -> {
                            Worker worker = workers.get();
                            if (worker == null) {
                                synchronized (free) {
                                    worker = new Worker(free.removeLast());
                                }
                                workers.set(worker);
                            }
                            return worker.buy(dropId, UUID.fromString(user));
                        },
                        executor);
            });
        } finally {
            for (Connection connection : pool) {
                connection.close();
            }
        }
        long remaining;
        long orders;
        try (Connection connection = postgres.connect(DATABASE);
                PreparedStatement drop = connection.prepareStatement("select remaining from naive_drop where id = ?");
                PreparedStatement count =
                        connection.prepareStatement("select count(*) from naive_order where drop_id = ?")) {
            drop.setObject(1, dropId);
            count.setObject(1, dropId);
            try (ResultSet row = drop.executeQuery()) {
                row.next();
                remaining = row.getLong(1);
            }
            try (ResultSet row = count.executeQuery()) {
                row.next();
                orders = row.getLong(1);
            }
        }
        return new Measurement(
                Options.Target.B,
                rate,
                result.attempts(),
                result.throughput(),
                result.percentileMillis(50),
                result.percentileMillis(99),
                result.maxMillis(),
                result.accepted(),
                result.refused(),
                result.errors(),
                options.quantity() - remaining,
                orders,
                options.quantity(),
                "");
    }

    /** One connection with its statements, used by one thread only. */
    private static final class Worker {
        private final Connection connection;
        private final PreparedStatement take;
        private final PreparedStatement order;

        Worker(Connection connection) {
            this.connection = connection;
            try {
                take = connection.prepareStatement(
                        "update naive_drop set remaining = remaining - 1 where id = ? and remaining > 0");
                order = connection.prepareStatement(
                        "insert into naive_order (id, drop_id, user_id, quantity) values (?, ?, ?, 1)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        Outcome buy(UUID dropId, UUID userId) {
            try {
                take.setObject(1, dropId);
                if (take.executeUpdate() == 0) {
                    connection.rollback();
                    return Outcome.REFUSED;
                }
                order.setObject(1, UUID.randomUUID());
                order.setObject(2, dropId);
                order.setObject(3, userId);
                order.executeUpdate();
                connection.commit();
                return Outcome.ACCEPTED;
            } catch (SQLException e) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the connection is broken; the attempt counts as an error either way
                }
                return Outcome.ERROR;
            }
        }
    }
}
