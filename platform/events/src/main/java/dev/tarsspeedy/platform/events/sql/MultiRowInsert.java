package dev.tarsspeedy.platform.events.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * A multi-row insert over a list ({@code insert into t (a, b) values ($1, $2), ($3, $4), ...}), in statements of at
 * most {@value #ROWS_PER_STATEMENT} rows run one after the other, in the list's order: one round trip per statement
 * instead of one per row. Used by the outbox's batches and by services that store many rows in one transaction.
 *
 * <p>Each statement's values are bound at once ({@code bindValues}): {@code DatabaseClient}'s {@code bind(index,
 * value)} copies every binding made before it, so binding thousands of values one by one is quadratic.
 */
public final class MultiRowInsert {

    /** Rows per statement: with up to 100 columns, far below PostgreSQL's 65,535 bind parameters per statement. */
    public static final int ROWS_PER_STATEMENT = 500;

    private static final int MAX_COLUMNS = 100;

    private MultiRowInsert() {}

    /**
     * @param head the statement up to its {@code values} keyword ({@code "insert into t (a, b) values "})
     * @param columns the values of each row
     * @param row adds one item's {@code columns} values in column order; a null as {@code Parameters.in(Type.class)}
     * @return completes when every row is written; nothing is sent for an empty list
     */
    public static <T> Mono<Void> insert(
            DatabaseClient database, String head, int columns, List<T> items, BiConsumer<T, List<Object>> row) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(row, "row");
        if (columns < 1 || columns > MAX_COLUMNS) {
            throw new IllegalArgumentException("columns must be 1 to " + MAX_COLUMNS + ": " + columns);
        }
        List<T> all = List.copyOf(items);
        Mono<Void> chain = Mono.empty();
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            List<T> chunk = all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT));
            chain = chain.then(Mono.defer(() -> statement(database, head, columns, chunk, row)));
        }
        return chain;
    }

    private static <T> Mono<Void> statement(
            DatabaseClient database, String head, int columns, List<T> chunk, BiConsumer<T, List<Object>> row) {
        List<Object> values = new ArrayList<>(chunk.size() * columns);
        for (T item : chunk) {
            int before = values.size();
            row.accept(item, values);
            if (values.size() - before != columns) {
                throw new IllegalArgumentException(
                        "a row of " + (values.size() - before) + " values for " + columns + " columns");
            }
        }
        return database.sql(placeholders(head, chunk.size(), columns))
                .bindValues(values)
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** {@code head} followed by {@code rows} tuples of {@code columns} numbered parameters. */
    static String placeholders(String head, int rows, int columns) {
        StringBuilder sql = new StringBuilder(head.length() + rows * columns * 5).append(head);
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 0; column < columns; column++) {
                sql.append(column == 0 ? "$" : ", $").append(row * columns + column + 1);
            }
            sql.append(')');
        }
        return sql.toString();
    }
}
