package dev.tarsspeedy.webapp.pages.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How a page shows numbers: here, the colours of a rise and a fall by the reader's language. */
class FormatsTest {

    private final Formats fmt = new Formats();

    @Test
    void inKoreanARiseIsRedAndAFallBlue() {
        assertThat(fmt.trend(new BigDecimal("1000"), Locale.KOREAN)).isEqualTo("up trend-red");
        assertThat(fmt.trend(new BigDecimal("-0.5"), Locale.KOREAN)).isEqualTo("down trend-blue");
        assertThat(fmt.trend(new BigDecimal("1000"), Locale.KOREA)).isEqualTo("up trend-red");
    }

    @Test
    void inEnglishARiseIsGreenAndAFallRed() {
        assertThat(fmt.trend(new BigDecimal("1000"), Locale.ENGLISH)).isEqualTo("up trend-green");
        assertThat(fmt.trend(new BigDecimal("-0.5"), Locale.ENGLISH)).isEqualTo("down trend-red");
        assertThat(fmt.trend(new BigDecimal("2"), Locale.US)).isEqualTo("up trend-green");
    }

    @Test
    void noChangeHasNoColour() {
        assertThat(fmt.trend(BigDecimal.ZERO, Locale.KOREAN)).isEmpty();
        assertThat(fmt.trend(new BigDecimal("0.00"), Locale.ENGLISH)).isEmpty();
        assertThat(fmt.trend(null, Locale.ENGLISH)).isEmpty();
    }

    /** The live updates (app.js) colour a change with the classes the page names, the same as the server's. */
    @Test
    void theLiveUpdatesGetTheSameColours() {
        assertThat(fmt.rise(Locale.KOREAN)).isEqualTo("trend-red");
        assertThat(fmt.fall(Locale.KOREAN)).isEqualTo("trend-blue");
        assertThat(fmt.rise(Locale.ENGLISH)).isEqualTo("trend-green");
        assertThat(fmt.fall(Locale.ENGLISH)).isEqualTo("trend-red");
    }
}
