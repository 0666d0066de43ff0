package dev.tarsspeedy.platform.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Checks on a service's own database from its tests: row counts and the outbox relay's progress. */
public final class TestDatabase {

    private TestDatabase() {}

    /** The single number a {@code select count(*) ...} returns. */
    public static long count(DatabaseClient database, String sql) {
        return database.sql(sql)
                .map(row -> row.get(0, Long.class))
                .one()
                .blockOptional()
                .orElse(0L);
    }

    /** The same with one named parameter, {@code :name}. */
    public static long count(DatabaseClient database, String sql, String name, Object value) {
        return database.sql(sql)
                .bind(name, value)
                .map(row -> row.get(0, Long.class))
                .one()
                .blockOptional()
                .orElse(0L);
    }

    /** The same with named parameters given as name, value, name, value... */
    public static long count(DatabaseClient database, String sql, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            spec = spec.bind((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return spec.map(row -> row.get(0, Long.class)).one().blockOptional().orElse(0L);
    }

    /** Waits until the outbox relay has published everything committed so far. */
    public static void awaitOutboxDrained(DatabaseClient database) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(database, "select count(*) from outbox_event where published_at is null") == 0);
    }
}
