package dev.tarsspeedy.market.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The real budgets' arithmetic: the bucket the Lua script keeps (size {@code burst}, refilled at {@code (permits -
 * burst) / per}), driven here by a greedy caller over simulated time, never lets more than {@code permits} calls into
 * any window of {@code per}, wherever the window starts.
 */
class BudgetSettingsTest {

    private static final Binder DEFAULTS = new Binder(new MapConfigurationPropertySource(Map.of()));

    /** The calls (ms) a caller taking every permit the moment it exists gets in {@code millis}: the Lua script's rule. */
    private static List<Long> greedyCalls(BudgetSettings budget, long millis) {
        List<Long> calls = new ArrayList<>();
        double tokens = budget.burst();
        double rate = budget.refillPerMillisecond();
        for (long now = 0; now < millis; now++) {
            tokens = Math.min(budget.burst(), tokens + (now == 0 ? 0 : rate));
            while (tokens >= 1) {
                tokens -= 1;
                calls.add(now);
            }
        }
        return calls;
    }

    private static long maxInAnyWindow(List<Long> calls, long windowMillis) {
        long max = 0;
        int start = 0;
        for (int end = 0; end < calls.size(); end++) {
            while (calls.get(end) - calls.get(start) >= windowMillis) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    @Test
    void kisDefaultsNeverExceed18InAnySecond() {
        BudgetSettings kis =
                DEFAULTS.bindOrCreate("market.providers.kis", KisSettings.class).budget();

        assertThat(kis.permits()).isEqualTo(18);
        assertThat(kis.per()).isEqualTo(Duration.ofSeconds(1));
        assertThat(kis.maxCallsIn(Duration.ofSeconds(1))).isEqualTo(18);
        assertThat(kis.permitsPerSecond()).isEqualTo(18.0);
        List<Long> calls = greedyCalls(kis, 60_000);
        assertThat(maxInAnyWindow(calls, 1_000)).isBetween(17L, 18L);
        // the sustained rate: 17 a second (a bucket of one permit drops the fraction beyond it: 59 ms, not 58.8, apart
        // for a caller asking every millisecond); 2,500 codes at 30 a call take 5 s of budget
        assertThat(calls).hasSizeBetween(1_010, 17 * 60 + 1);
    }

    @Test
    void finnhubDefaultsNeverExceed60InAnyMinuteSpreadAtAboutOneASecond() {
        BudgetSettings finnhub = DEFAULTS.bindOrCreate("market.providers.finnhub", FinnhubSettings.class)
                .budget();

        assertThat(finnhub.maxCallsIn(Duration.ofSeconds(60))).isEqualTo(60);
        List<Long> calls = greedyCalls(finnhub, 10 * 60_000);
        assertThat(maxInAnyWindow(calls, 60_000)).isBetween(59L, 60L);
        assertThat(maxInAnyWindow(calls, 1_000)).as("spread, not 60 at once").isLessThanOrEqualTo(2);
        assertThat(maxInAnyWindow(calls, 10_000)).isLessThanOrEqualTo(12);
        assertThat(finnhub.permitsPerSecond()).isEqualTo(1.0);
    }

    @Test
    void fscDefaultsNeverExceedTheDailyQuota() {
        BudgetSettings fsc =
                DEFAULTS.bindOrCreate("market.providers.fsc", FscSettings.class).budget();

        assertThat(fsc.permits()).isEqualTo(10_000);
        assertThat(fsc.maxCallsIn(Duration.ofDays(1))).isEqualTo(10_000);
        List<Long> calls = greedyCalls(fsc, Duration.ofDays(3).toMillis());
        assertThat(maxInAnyWindow(calls, Duration.ofDays(1).toMillis())).isLessThanOrEqualTo(10_000);
    }

    @Test
    void aBudgetThatCannotHoldIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new BudgetSettings(18, Duration.ofSeconds(1), 18, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("burst");
        assertThatThrownBy(() -> new BudgetSettings(18, Duration.ZERO, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new Binder(new MapConfigurationPropertySource(Map.of("market.providers.kis.burst", "0")))
                                .bindOrCreate("market.providers.kis", KisSettings.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
