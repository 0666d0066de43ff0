package dev.tarsspeedy.bench.buy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindMaxTest {

    @Test
    void theTargetRateIsTheAnswerWhenItMeetsTheGoal() {
        FindMax.Answer answer = FindMax.search(10_000, 250, 7, rate -> true);

        assertThat(answer.highestMet()).isEqualTo(10_000);
        assertThat(answer.steps()).containsExactly(new FindMax.Step(10_000, true));
    }

    @Test
    void bisectsDownToTheHighestRateThatMeetsTheGoal() {
        List<Integer> tried = new ArrayList<>();
        FindMax.Answer answer = FindMax.search(10_000, 250, 10, rate -> {
            tried.add(rate);
            return rate <= 3_100;
        });

        assertThat(answer.highestMet()).isBetween(2_850, 3_100);
        assertThat(tried).first().isEqualTo(10_000);
        assertThat(tried).allMatch(rate -> rate % 250 == 0);
    }

    @Test
    void stopsAfterTheGivenNumberOfSteps() {
        FindMax.Answer answer = FindMax.search(10_000, 1, 3, rate -> false);

        assertThat(answer.steps()).hasSize(3);
        assertThat(answer.highestMet()).isZero();
    }
}
