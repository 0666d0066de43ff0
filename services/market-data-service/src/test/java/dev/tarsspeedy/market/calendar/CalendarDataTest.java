package dev.tarsspeedy.market.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.market.Market;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Reading and checking the calendar format: mistakes fail loudly, with what is wrong. */
class CalendarDataTest {

    private static final String HEAD = "market: KRX\nzone: Asia/Seoul\nyears:\n";

    private static CalendarData parse(String yaml) {
        return CalendarData.parse(
                Market.KRX, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }

    private static String year(String year, String holidays, String lateOpens) {
        return "  \"" + year + "\":\n"
                + "    regular: { opens: \"09:00\", closes: \"15:30\" }\n"
                + "    holidays: " + holidays + "\n"
                + "    late-opens: " + lateOpens + "\n"
                + "    early-closes: []\n";
    }

    @Test
    void aValidYearIsRead() {
        CalendarData data = parse(
                HEAD
                        + year(
                                "2026",
                                "[{ date: \"2026-06-03\", ko: \"지방선거\", en: \"Local elections\" }]",
                                "[{ date: \"2026-01-02\", opens: \"10:00\", closes: \"15:30\", ko: \"첫 거래일\", en: \"First\" }]"));
        CalendarYear year = data.year(2026);
        assertThat(year.opens()).isEqualTo(LocalTime.of(9, 0));
        assertThat(year.holidays()).containsKey(LocalDate.parse("2026-06-03"));
        // 10:00 stays a time: YAML 1.1 would have read it as the base-60 number 600.
        assertThat(year.specialHours().get(LocalDate.parse("2026-01-02")).opens())
                .isEqualTo(LocalTime.of(10, 0));
        assertThat(data.firstYear()).isEqualTo(2026);
        assertThat(data.lastYear()).isEqualTo(2026);
    }

    @Test
    void theRepositorysFilesAreValid() {
        for (Market market : Market.values()) {
            CalendarData data = CalendarData.load(market);
            assertThat(data.zone()).isEqualTo(market.zone());
            assertThat(data.firstYear()).isLessThanOrEqualTo(2026);
            assertThat(data.lastYear()).isGreaterThanOrEqualTo(2027);
        }
    }

    @Test
    void mistakesAreRefusedWithTheReason() {
        assertThatThrownBy(() ->
                        parse(HEAD + year("2026", "[{ date: \"2026-06-06\", ko: \"현충일\", en: \"Memorial\" }]", "[]")))
                .hasMessageContaining("2026-06-06 is a weekend day");
        assertThatThrownBy(() ->
                        parse(HEAD + year("2026", "[{ date: \"2027-06-03\", ko: \"선거\", en: \"Election\" }]", "[]")))
                .hasMessageContaining("2027-06-03 is listed under 2026");
        assertThatThrownBy(
                        () -> parse(
                                HEAD
                                        + year(
                                                "2026",
                                                "[{ date: \"2026-06-03\", ko: \"선거\", en: \"Election\" }]",
                                                "[{ date: \"2026-06-03\", opens: \"10:00\", closes: \"15:30\", ko: \"늦은 개장\", en: \"Late\" }]")))
                .hasMessageContaining("2026-06-03 is listed twice");
        assertThatThrownBy(() -> parse(HEAD + year("2026", "[{ date: \"2026-06-03\", en: \"Election\" }]", "[]")))
                .hasMessageContaining("'ko' is missing");
        assertThatThrownBy(
                        () -> parse(
                                HEAD
                                        + year(
                                                "2026",
                                                "[]",
                                                "[{ date: \"2026-01-02\", opens: \"15:30\", closes: \"10:00\", ko: \"가\", en: \"A\" }]")))
                .hasMessageContaining("is not after opens");
        assertThatThrownBy(() -> parse(HEAD + year("2026", "[]", "[]") + year("2028", "[]", "[]")))
                .hasMessageContaining("gap");
        assertThatThrownBy(() -> parse(HEAD.replace("KRX", "US") + year("2026", "[]", "[]")))
                .hasMessageContaining("market is US, expected KRX");
        assertThatThrownBy(() -> parse(HEAD + "  \"2026\":\n    regular: { opens: \"09:00\", closes: \"15:30\" }\n"))
                .hasMessageContaining("holidays is missing");
    }
}
