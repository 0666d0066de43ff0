package dev.tarsspeedy.bench.buy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindMaxTest {

    @Test
    void theTargetRateIsTheAnswerWhenItMeetsTheGoal() {
        FindMax.Answer answer = FindMax.search(10_000, 25, 8, rate -> true);

        assertThat(answer.highestMet()).isEqualTo(10_000);
        assertThat(answer.steps()).containsExactly(new FindMax.Step(10_000, true));
    }

    @Test
    void halvesUntilARateMeetsTheGoalThenBisects() {
        List<Integer> tried = new ArrayList<>();
        FindMax.Answer answer = FindMax.search(10_000, 25, 10, rate -> {
            tried.add(rate);
            return rate <= 400;
        });

        assertThat(tried).startsWith(10_000, 5_000, 2_500, 1_250, 625, 312);
        assertThat(answer.highestMet()).isBetween(350, 400);
        assertThat(answer.steps()).allMatch(step -> step.met() == step.rate() <= 400);
    }

    @Test
    void stopsAfterTheGivenNumberOfSteps() {
        FindMax.Answer answer = FindMax.search(10_000, 1, 3, rate -> false);

        assertThat(answer.steps()).extracting(FindMax.Step::rate).containsExactly(10_000, 5_000, 2_500);
        assertThat(answer.highestMet()).isZero();
    }
}
