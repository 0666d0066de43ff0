package dev.tarsspeedy.bench.buy;

import java.util.List;
import java.util.Locale;

/** The side-by-side table of one run, one row per target. */
final class ResultTable {

    private static final String HEADER = String.format(
            "%-30s %7s %9s %11s %8s %8s %8s %8s %8s %7s %7s %7s %-9s",
            "target",
            "rate/s",
            "attempts",
            "through/s",
            "p50 ms",
            "p99 ms",
            "max ms",
            "OK 202",
            "409",
            "errors",
            "sold",
            "orders",
            "oversold?");

    private ResultTable() {}

    static String format(List<Measurement> rows, long p99GoalMillis) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("-".repeat(HEADER.length())).append('\n');
        for (Measurement m : rows) {
            text.append(String.format(
                    Locale.ROOT,
                    "%-30s %7d %9d %11.0f %8.1f %8.1f %8.0f %8d %8d %8d %7d %7d %-9s%n",
                    m.label(),
                    m.rate(),
                    m.attempts(),
                    m.throughput(),
                    m.p50Millis(),
                    m.p99Millis(),
                    m.maxMillis(),
                    m.accepted(),
                    m.refused(),
                    m.errors(),
                    m.sold(),
                    m.orders(),
                    verdict(m)));
        }
        text.append(String.format(
                "goal: p99 < %d ms and no errors other than 409; sold == orders == 202s and nothing oversold.%n",
                p99GoalMillis));
        for (Measurement m : rows) {
            text.append(String.format(
                    "  %-30s %s%s%n",
                    m.label(),
                    m.meets(p99GoalMillis) ? "meets the latency goal" : "MISSES the latency goal",
                    m.report().isEmpty() ? "" : "; report " + m.report()));
        }
        return text.toString();
    }

    static String verdict(Measurement m) {
        if (m.oversold()) {
            return "OVERSOLD";
        }
        return m.consistent() ? "no" : "no (!=)";
    }
}
