package dev.tarsspeedy.bench.buy;

/**
 * One target's figures from one run: the load side (what the buyers saw) and the after-run check (what was sold).
 *
 * @param target which target
 * @param rate the arrival rate asked for, attempts per second
 * @param attempts attempts sent
 * @param throughput answered attempts per second over the run
 * @param p50Millis median latency, from the moment the attempt was due
 * @param p99Millis 99th percentile latency
 * @param maxMillis slowest attempt
 * @param accepted 202: a unit reserved
 * @param refused 409: sold out, limit, not open or closed
 * @param errors anything else: other statuses, timeouts, connection errors
 * @param sold units the system says it sold (quantity minus stock left)
 * @param orders orders recorded (rows in the database; for the Redis script alone, entries in its stream)
 * @param quantity units on sale
 * @param report where the detailed report is, or an empty string
 * @param label the row's name: the target's, with the load generator when it is not Gatling
 */
public record Measurement(
        Options.Target target,
        int rate,
        long attempts,
        double throughput,
        double p50Millis,
        double p99Millis,
        double maxMillis,
        long accepted,
        long refused,
        long errors,
        long sold,
        long orders,
        int quantity,
        String report,
        String label) {

    /** A row named after its target. */
    public Measurement(
            Options.Target target,
            int rate,
            long attempts,
            double throughput,
            double p50Millis,
            double p99Millis,
            double maxMillis,
            long accepted,
            long refused,
            long errors,
            long sold,
            long orders,
            int quantity,
            String report) {
        this(
                target,
                rate,
                attempts,
                throughput,
                p50Millis,
                p99Millis,
                maxMillis,
                accepted,
                refused,
                errors,
                sold,
                orders,
                quantity,
                report,
                target.label());
    }

    /** More sold than on sale, more orders than sold, or more acceptances than units: all of them oversell. */
    public boolean oversold() {
        return sold > quantity || orders > quantity || accepted > quantity;
    }

    /** Every unit accounted for: what was sold is what was recorded is what buyers were told. */
    public boolean consistent() {
        return sold == orders && orders == accepted;
    }

    /** Meets the goal: p99 under it and no answer other than 202 and 409. */
    public boolean meets(long p99GoalMillis) {
        return errors == 0 && p99Millis < p99GoalMillis;
    }
}
