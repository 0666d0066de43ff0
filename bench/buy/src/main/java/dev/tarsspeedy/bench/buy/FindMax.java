package dev.tarsspeedy.bench.buy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The highest arrival rate that still meets the goal. Each step is a whole run (a fresh drop that opens, sells out
 * and refuses), so the number of steps is kept small: halve the rate from the target until one meets the goal,
 * then bisect between that rate and the lowest one that missed it.
 */
public final class FindMax {

    /** One step: the rate tried and whether it met the goal. */
    public record Step(int rate, boolean met) {}

    /** The answer: the highest rate that met the goal (0 when none did) and every step tried. */
    public record Answer(int highestMet, List<Step> steps) {}

    private FindMax() {}

    /**
     * @param target the first rate tried; when it meets the goal, it is the answer
     * @param resolution stop when the bracket is narrower than this (or than a tenth of the rate that met)
     * @param maxSteps at most this many runs
     */
    public static Answer search(int target, int resolution, int maxSteps, IntPredicate meets) {
        List<Step> steps = new ArrayList<>();
        int missed = target;
        int met = 0;
        int rate = target;
        // Halve until a rate meets the goal.
        while (steps.size() < maxSteps && rate >= resolution) {
            boolean ok = meets.test(rate);
            steps.add(new Step(rate, ok));
            if (ok) {
                met = rate;
                break;
            }
            missed = rate;
            rate = rate / 2;
        }
        if (met == target || met == 0) {
            return new Answer(met, steps);
        }
        // Bisect between the rate that met and the lowest that missed.
        while (steps.size() < maxSteps && missed - met > Math.max(resolution, met / 10)) {
            rate = round(met + (missed - met) / 2, resolution);
            if (rate <= met || rate >= missed) {
                break;
            }
            boolean ok = meets.test(rate);
            steps.add(new Step(rate, ok));
            if (ok) {
                met = rate;
            } else {
                missed = rate;
            }
        }
        return new Answer(met, steps);
    }

    /** Rates in whole multiples of the resolution read better in a table. */
    static int round(int rate, int resolution) {
        return Math.max(resolution, (rate + resolution / 2) / resolution * resolution);
    }
}
