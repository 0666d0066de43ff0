package dev.tarsspeedy.localstack;

import java.util.ArrayList;
import java.util.List;

/**
 * The table of where everything is, printed once the stack is ready. Addresses read {@code localhost}, as the README
 * and a browser put them ({@code http://localhost:8080}); the processes themselves listen on the loopback address.
 */
final class UrlTable {

    private static final String LOOPBACK = "127.0.0.1";

    private final List<String[]> rows = new ArrayList<>();

    UrlTable add(String what, String where) {
        rows.add(new String[] {what, where.replace(LOOPBACK, "localhost")});
        return this;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("  %-32s %s%n", "WHAT", "WHERE"));
        for (String[] row : rows) {
            text.append(String.format("  %-32s %s%n", row[0], row[1]));
        }
        return text.toString();
    }
}
