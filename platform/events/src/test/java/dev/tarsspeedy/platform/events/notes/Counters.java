package dev.tarsspeedy.platform.events.notes;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A state change that must happen once per event: a counter row. */
@Component
class Counters {

    private final DatabaseClient database;

    Counters(DatabaseClient database) {
        this.database = database;
    }

    Mono<Void> increment(String name) {
        return database.sql("""
                        insert into counter (name, value) values (:name, 1)
                        on conflict (name) do update set value = counter.value + 1
                        """).bind("name", name).fetch().rowsUpdated().then();
    }

    Mono<Long> value(String name) {
        return database.sql("select value from counter where name = :name")
                .bind("name", name)
                .map(row -> row.get("value", Long.class))
                .one()
                .defaultIfEmpty(0L);
    }
}
