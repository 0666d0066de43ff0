package dev.tarsspeedy.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlTableTest {

    @Test
    void printsLocalhostWhereTheProcessesListenOnTheLoopbackAddress() {
        String table = new UrlTable()
                .add("gateway", "http://127.0.0.1:8080")
                .add("Mailbox", "http://127.0.0.1:8025/")
                .add("PostgreSQL", "postgresql://127.0.0.1:15432/postgres")
                .add("Logs", "/srv/stack/logs")
                .toString();

        assertThat(table)
                .doesNotContain("127.0.0.1")
                .contains("  gateway" + " ".repeat(25) + " http://localhost:8080")
                .contains("http://localhost:8025/")
                .contains("postgresql://localhost:15432/postgres")
                .contains("/srv/stack/logs")
                .startsWith("  WHAT");
    }
}
