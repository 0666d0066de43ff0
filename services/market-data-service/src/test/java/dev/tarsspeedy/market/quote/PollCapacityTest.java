package dev.tarsspeedy.market.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.market.provider.BudgetSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How many calls one tick of the poller makes: enough for the budget to be the limit, not the tick. With 10 calls a
 * 1 s tick (the old default) 2,500 KRX symbols took nine ticks of a run plus the delay each, about twice the 4.6 s
 * KIS's budget allows (bench/market, docs/benchmarks.md).
 */
class PollCapacityTest {

    private static final Duration HORIZON = Duration.ofSeconds(10);

    @Test
    void aTickOfKrxTakesWhatKisBudgetServesWithinTheHorizon() {
        BudgetSettings kis = new BudgetSettings(18, Duration.ofSeconds(1), 1, Duration.ofMillis(300));

        int calls = QuotePollJob.callsThisTick(200, kis.maxCallsIn(HORIZON));

        assertThat(calls).isEqualTo(1 + 17 * 10);
        assertThat(calls * 30).as("2,500 watched KRX symbols fit in one tick").isGreaterThanOrEqualTo(2_500);
    }

    @Test
    void aSlowBudgetKeepsTheTickShort() {
        BudgetSettings finnhub = new BudgetSettings(60, Duration.ofMinutes(1), 2, Duration.ofSeconds(2));

        assertThat(QuotePollJob.callsThisTick(200, finnhub.maxCallsIn(HORIZON))).isBetween(2, 12);
    }

    @Test
    void theSettingStillCapsATickAndATickMakesAtLeastOneCall() {
        assertThat(QuotePollJob.callsThisTick(10, 171)).isEqualTo(10);
        assertThat(QuotePollJob.callsThisTick(200, 0)).isEqualTo(1);
    }
}
