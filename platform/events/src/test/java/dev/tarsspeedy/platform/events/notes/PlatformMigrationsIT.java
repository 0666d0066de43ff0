package dev.tarsspeedy.platform.events.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.platform.test.ServiceIT;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** The library's migrations run before the service's own, which still run. */
@ServiceIT
class PlatformMigrationsIT {

    @Autowired
    DatabaseClient database;

    @Test
    void platformAndServiceMigrationsAreAppliedInVersionOrder() {
        List<String> applied = database.sql(
                        "select version, script from flyway_schema_history where success order by installed_rank")
                .map(row -> row.get("version", String.class) + " " + row.get("script", String.class))
                .all()
                .collectList()
                .block();

        assertThat(applied)
                .containsExactly(
                        "0.1 V0_1__platform_outbox.sql", "0.2 V0_2__platform_processed_events.sql", "1 V1__notes.sql");
        List<String> tables = database.sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' and table_name in ('outbox_event', 'processed_event', 'note')
                        order by table_name
                        """)
                .map(row -> row.get("table_name", String.class))
                .all()
                .collectList()
                .block();
        assertThat(tables).containsExactly("note", "outbox_event", "processed_event");
    }
}
