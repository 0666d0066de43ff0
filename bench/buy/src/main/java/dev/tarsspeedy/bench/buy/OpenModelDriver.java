package dev.tarsspeedy.bench.buy;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model load driver for the targets without HTTP, (a) and (b): attempt {@code i} is due at
 * {@code start + i / rate} and starts then, whether or not earlier attempts were answered. Latency runs from the
 * moment an attempt was due, not from when it was sent, so a driver that falls behind shows up in the figures
 * instead of hiding (no coordinated omission). Latencies go into an HdrHistogram in microseconds.
 */
public final class OpenModelDriver {

    /** The result of one attempt as a buyer sees it. */
    public enum Outcome {
        ACCEPTED,
        REFUSED,
        ERROR
    }

    /** Starts attempt {@code index}; the stage completes with its outcome. */
    @FunctionalInterface
    public interface Attempt {
        CompletionStage<Outcome> start(long index);
    }

    /** What the driver saw. */
    public record Result(
            long attempts,
            long accepted,
            long refused,
            long errors,
            long unanswered,
            Histogram micros,
            long elapsedNanos,
            long[] errorsBySecond,
            Phase accepts,
            Phase refusals) {

        public double throughput() {
            return (accepted + refused + errors) / (elapsedNanos / 1e9);
        }

        public double percentileMillis(double percentile) {
            return micros.getValueAtPercentile(percentile) / 1000.0;
        }

        public double maxMillis() {
            return micros.getMaxValue() / 1000.0;
        }

        /**
         * When the failed attempts were due, in seconds of the schedule ({@code "0-2: 510, 45: 26"}), so a
         * collapse at the start (a backlog the warm-up left) reads differently from stalls spread over the run.
         */
        public String errorSeconds() {
            StringBuilder text = new StringBuilder();
            int second = 0;
            while (second < errorsBySecond.length) {
                if (errorsBySecond[second] == 0) {
                    second++;
                    continue;
                }
                int first = second;
                long sum = 0;
                while (second < errorsBySecond.length && errorsBySecond[second] > 0) {
                    sum += errorsBySecond[second++];
                }
                text.append(text.isEmpty() ? "" : ", ")
                        .append(first == second - 1 ? Integer.toString(first) : first + "-" + (second - 1))
                        .append(": ")
                        .append(sum);
            }
            return text.toString();
        }
    }

    /**
     * The answers of one outcome on their own: the 202s are a drop's opening burst, the 409s its sold-out flood (the
     * phase most buyers see). {@code firstDue} is when the first of them was due, {@code lastEnd} when the last one
     * was answered (both {@link System#nanoTime()}), so the rate spans the phase and not the whole row.
     */
    public record Phase(Histogram micros, long firstDue, long lastEnd) {

        public long count() {
            return micros.getTotalCount();
        }

        public double throughput() {
            return count() == 0 ? 0 : count() / (Math.max(1, lastEnd - firstDue) / 1e9);
        }

        public double percentileMillis(double percentile) {
            return micros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /** Collects one outcome's answers from the driver's threads. */
    private static final class PhaseRecorder {
        private final ConcurrentHistogram micros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        private final AtomicLong firstDue = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);

        void record(long due, long end) {
            micros.recordValue(Math.max(0, (end - due) / 1000));
            firstDue.accumulateAndGet(due, Math::min);
            lastEnd.accumulateAndGet(end, Math::max);
        }

        Phase phase() {
            return micros.getTotalCount() == 0
                    ? new Phase(micros, 0, 0)
                    : new Phase(micros, firstDue.get(), lastEnd.get());
        }
    }

    private OpenModelDriver() {}

    /**
     * Runs {@code rate * duration} attempts at a constant rate and waits up to {@code grace} for the last answers;
     * attempts still unanswered then count as errors.
     */
    public static Result run(int rate, Duration duration, Duration grace, Attempt attempt) {
        long total = rate * duration.toSeconds();
        ConcurrentHistogram micros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        LongAdder accepted = new LongAdder();
        LongAdder refused = new LongAdder();
        PhaseRecorder accepts = new PhaseRecorder();
        PhaseRecorder refusals = new PhaseRecorder();
        LongAdder errors = new LongAdder();
        AtomicLong lastAnswer = new AtomicLong();
        AtomicLongArray errorsBySecond = new AtomicLongArray(Math.toIntExact(duration.toSeconds() + 1));
        CountDownLatch answered = new CountDownLatch(Math.toIntExact(total));
        double periodNanos = 1e9 / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * periodNanos);
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            CompletionStage<Outcome> stage;
            try {
                stage = attempt.start(i);
            } catch (RuntimeException e) {
                errors.increment();
                errorsBySecond.incrementAndGet(second(i, rate, errorsBySecond));
                answered.countDown();
                continue;
            }
            long index = i;
            stage.whenComplete((outcome, failure) -> {
                long end = System.nanoTime();
                micros.recordValue(Math.max(0, (end - due) / 1000));
                if (failure != null || outcome == null || outcome == Outcome.ERROR) {
                    errors.increment();
                    errorsBySecond.incrementAndGet(second(index, rate, errorsBySecond));
                } else if (outcome == Outcome.ACCEPTED) {
                    accepted.increment();
                    accepts.record(due, end);
                } else {
                    refused.increment();
                    refusals.record(due, end);
                }
                lastAnswer.accumulateAndGet(end, Math::max);
                answered.countDown();
            });
        }
        try {
            answered.await(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long unanswered = answered.getCount();
        long[] bySecond = new long[errorsBySecond.length()];
        for (int second = 0; second < bySecond.length; second++) {
            bySecond[second] = errorsBySecond.get(second);
        }
        long end = unanswered > 0 ? System.nanoTime() : lastAnswer.get();
        return new Result(
                total,
                accepted.sum(),
                refused.sum(),
                errors.sum() + unanswered,
                unanswered,
                micros,
                Math.max(1, end - start),
                bySecond,
                accepts.phase(),
                refusals.phase());
    }

    private static int second(long index, int rate, AtomicLongArray bySecond) {
        return (int) Math.min(index / rate, bySecond.length() - 1);
    }
}
