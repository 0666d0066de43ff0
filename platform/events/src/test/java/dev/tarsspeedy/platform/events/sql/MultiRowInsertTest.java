package dev.tarsspeedy.platform.events.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MultiRowInsertTest {

    @Test
    void numbersTheParametersRowAfterRow() {
        assertThat(MultiRowInsert.placeholders("insert into t (a, b, c) values ", 2, 3))
                .isEqualTo("insert into t (a, b, c) values ($1, $2, $3), ($4, $5, $6)");
        assertThat(MultiRowInsert.placeholders("insert into t (a) values ", 1, 1))
                .isEqualTo("insert into t (a) values ($1)");
    }
}
