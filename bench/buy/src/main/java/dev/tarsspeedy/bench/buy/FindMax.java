package dev.tarsspeedy.bench.buy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The highest arrival rate that still meets the goal, by bisection between a rate known to meet it and one known not
 * to: each step is a whole run (a fresh drop that opens, sells out and refuses), so the number of steps is small.
 */
final class FindMax {

    /** One step: the rate tried and whether it met the goal. */
    record Step(int rate, boolean met) {}

    /** The answer: the highest rate that met the goal (0 when none did) and every step tried. */
    record Answer(int highestMet, List<Step> steps) {}

    private FindMax() {}

    /**
     * Tries {@code target} first; when it meets the goal, that is the answer. Otherwise bisects between 0 and it
     * until the bracket is narrower than {@code resolution} or {@code maxSteps} runs were made.
     */
    static Answer search(int target, int resolution, int maxSteps, IntPredicate meets) {
        List<Step> steps = new ArrayList<>();
        boolean met = meets.test(target);
        steps.add(new Step(target, met));
        if (met) {
            return new Answer(target, steps);
        }
        int low = 0;
        int high = target;
        while (high - low > resolution && steps.size() < maxSteps) {
            int rate = round(low + (high - low) / 2, resolution);
            if (rate <= low || rate >= high) {
                break;
            }
            met = meets.test(rate);
            steps.add(new Step(rate, met));
            if (met) {
                low = rate;
            } else {
                high = rate;
            }
        }
        return new Answer(low, steps);
    }

    /** Rates in whole multiples of the resolution read better in a table. */
    static int round(int rate, int resolution) {
        return Math.max(resolution, (rate + resolution / 2) / resolution * resolution);
    }
}
