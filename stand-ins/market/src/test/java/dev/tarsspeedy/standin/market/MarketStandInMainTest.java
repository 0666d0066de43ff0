package dev.tarsspeedy.standin.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The command line of the process the local stack runs. */
class MarketStandInMainTest {

    @Test
    void theDemoSessionIsOnAndAnyKeyAcceptedUnlessTold() {
        MarketStandIn.Options options = MarketStandInMain.parse(new String[] {"--port", "0", "--seed", "7"});

        assertThat(options.demoSession()).isTrue();
        assertThat(options.kisAppKey()).isNull();
        try (MarketStandIn market = MarketStandIn.start(options)) {
            MarketClient client = new MarketClient(market);
            MarketClient.Answer answer = client.get("/api/v1/quote?symbol=AAPL&token=anything");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header(MarketStandIn.SESSION_HEADER)).isEqualTo("simulated");
        }
    }

    @Test
    void keysLimitsAndHolidaysComeFromTheArguments() {
        MarketStandIn.Options options = MarketStandInMain.parse(new String[] {
            "--port", "0",
            "--demo-session", "false",
            "--kis-appkey", "K",
            "--kis-appsecret", "S",
            "--fsc-key", "F",
            "--finnhub-token", "T",
            "--kis-per-second", "2",
            "--krx-holidays", "2026-12-31"
        });

        assertThat(options.demoSession()).isFalse();
        assertThat(options.kisAppKey()).isEqualTo("K");
        assertThat(options.kisAppSecret()).isEqualTo("S");
        assertThat(options.fscKey()).isEqualTo("F");
        assertThat(options.finnhubToken()).isEqualTo("T");
        assertThat(options.kisCallsPerSecond()).isEqualTo(2);
        assertThat(options.holidays(Market.KRX)).containsExactly(java.time.LocalDate.of(2026, 12, 31));
        assertThat(options.holidays(Market.US)).isEmpty();
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> MarketStandInMain.parse(new String[] {"--nope", "1"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MarketStandInMain.parse(new String[] {"--kis-appkey", "K"}))
                .hasMessageContaining("go together");
        assertThatThrownBy(() -> MarketStandInMain.parse(new String[] {"--demo-session", "yes"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MarketStandInMain.parse(new String[] {"--krx-holidays", "31.12.2026"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MarketStandInMain.parse(new String[] {"--port"}))
                .hasMessageContaining("missing value");
    }
}
