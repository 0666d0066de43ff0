package dev.tarsspeedy.market.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.platform.caller.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calendar data in the repository, read through {@link DataMarketCalendar}, on dates whose answers are known. */
class DataMarketCalendarTest {

    private final DataMarketCalendar calendar = new DataMarketCalendar();

    @Test
    void anOrdinaryKrxDayTradesFromNineToHalfPastThreeInSeoul() {
        Session session =
                calendar.session(Market.KRX, LocalDate.parse("2026-12-01")).orElseThrow();
        assertThat(session.opens()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(session.closes()).isEqualTo(Instant.parse("2026-12-01T06:30:00Z"));
        assertThat(session.note()).isNull();
    }

    @Test
    void theFirstKrxTradingDayOfTheYearOpensAnHourLate() {
        Session first =
                calendar.session(Market.KRX, LocalDate.parse("2026-01-02")).orElseThrow();
        assertThat(first.opens()).isEqualTo(Instant.parse("2026-01-02T01:00:00Z"));
        assertThat(first.closes()).isEqualTo(Instant.parse("2026-01-02T06:30:00Z"));
        assertThat(first.note()).isEqualTo("First trading day of the year");
        assertThat(calendar.specialHours(Market.KRX, LocalDate.parse("2026-01-02"))
                        .orElseThrow()
                        .in(Language.KO))
                .isEqualTo("새해 첫 거래일");
        // 2027-01-01 is a holiday and 01-02/03 a weekend: Monday the 4th is the first trading day.
        assertThat(calendar.session(Market.KRX, LocalDate.parse("2027-01-04"))
                        .orElseThrow()
                        .opens())
                .isEqualTo(Instant.parse("2027-01-04T01:00:00Z"));
    }

    @Test
    void onTheCollegeEntranceExamDayEveryKrxTimeIsAnHourLater() {
        Session csat =
                calendar.session(Market.KRX, LocalDate.parse("2026-11-19")).orElseThrow();
        assertThat(csat.opens()).isEqualTo(Instant.parse("2026-11-19T01:00:00Z"));
        assertThat(csat.closes()).isEqualTo(Instant.parse("2026-11-19T07:30:00Z"));
        assertThat(calendar.session(Market.KRX, LocalDate.parse("2027-11-18"))
                        .orElseThrow()
                        .closes())
                .isEqualTo(Instant.parse("2027-11-18T07:30:00Z"));
    }

    @Test
    void krxHolidaysIncludeTemporaryElectionAndSubstituteHolidays() {
        assertThat(calendar.holiday(Market.KRX, LocalDate.parse("2026-06-03")))
                .get()
                .satisfies(holiday -> {
                    assertThat(holiday.name().in(Language.KO)).isEqualTo("전국동시지방선거");
                    assertThat(holiday.name().in(Language.EN)).isEqualTo("Local elections");
                });
        for (String closed : List.of(
                "2026-01-01",
                "2026-02-16",
                "2026-02-17",
                "2026-02-18",
                "2026-03-02",
                "2026-05-01",
                "2026-05-05",
                "2026-05-25",
                "2026-07-17",
                "2026-08-17",
                "2026-09-24",
                "2026-09-25",
                "2026-10-05",
                "2026-10-09",
                "2026-12-25",
                "2026-12-31",
                "2027-02-08",
                "2027-02-09",
                "2027-09-14",
                "2027-09-15",
                "2027-09-16",
                "2027-05-03",
                "2027-07-19",
                "2027-12-27",
                "2027-12-31")) {
            assertThat(calendar.isHoliday(Market.KRX, LocalDate.parse(closed)))
                    .as(closed)
                    .isTrue();
            assertThat(calendar.holiday(Market.KRX, LocalDate.parse(closed)))
                    .as(closed)
                    .isPresent();
        }
        assertThat(calendar.session(Market.KRX, LocalDate.parse("2026-06-04"))).isPresent();
    }

    @Test
    void weekendsAreClosedButAreNotNamedHolidays() {
        for (Market market : Market.values()) {
            assertThat(calendar.session(market, LocalDate.parse("2026-12-05"))).isEmpty();
            assertThat(calendar.session(market, LocalDate.parse("2026-12-06"))).isEmpty();
            assertThat(calendar.holiday(market, LocalDate.parse("2026-12-06"))).isEmpty();
            assertThat(calendar.isHoliday(market, LocalDate.parse("2026-12-06")))
                    .isTrue();
        }
        assertThat(calendar.sessions(Market.KRX, LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31")))
                .hasSize(21) // 23 weekdays less Christmas and the year-end closing
                .extracting(Session::date)
                .doesNotContain(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-31"));
        assertThat(calendar.holidays(Market.KRX, LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31")))
                .extracting(Holiday::date)
                .containsExactly(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-31"));
    }

    @Test
    void newYorkSessionsFollowDaylightSaving() {
        // Standard time (UTC-5) before 2026-03-08, daylight time (UTC-4) from it: the local times stay 09:30-16:00.
        assertThat(calendar.session(Market.US, LocalDate.parse("2026-03-06"))
                        .orElseThrow()
                        .opens())
                .isEqualTo(Instant.parse("2026-03-06T14:30:00Z"));
        Session afterSpring =
                calendar.session(Market.US, LocalDate.parse("2026-03-09")).orElseThrow();
        assertThat(afterSpring.opens()).isEqualTo(Instant.parse("2026-03-09T13:30:00Z"));
        assertThat(afterSpring.closes()).isEqualTo(Instant.parse("2026-03-09T20:00:00Z"));
        // Back to standard time on 2026-11-01.
        assertThat(calendar.session(Market.US, LocalDate.parse("2026-10-30"))
                        .orElseThrow()
                        .opens())
                .isEqualTo(Instant.parse("2026-10-30T13:30:00Z"));
        Session afterFall =
                calendar.session(Market.US, LocalDate.parse("2026-11-02")).orElseThrow();
        assertThat(afterFall.opens()).isEqualTo(Instant.parse("2026-11-02T14:30:00Z"));
        assertThat(afterFall.closes()).isEqualTo(Instant.parse("2026-11-02T21:00:00Z"));
    }

    @Test
    void usHolidaysAreObservedByTheWeekendRules() {
        for (String closed : List.of(
                "2026-01-01",
                "2026-01-19",
                "2026-02-16",
                "2026-04-03",
                "2026-05-25",
                "2026-06-19",
                "2026-07-03",
                "2026-09-07",
                "2026-11-26",
                "2026-12-25",
                "2027-06-18",
                "2027-07-05",
                "2027-12-24")) {
            assertThat(calendar.holiday(Market.US, LocalDate.parse(closed)))
                    .as(closed)
                    .isPresent();
        }
        // New Year's Day 2028 is a Saturday: NYSE observes no holiday on Friday 2027-12-31.
        assertThat(calendar.session(Market.US, LocalDate.parse("2027-12-31"))).isPresent();
        assertThat(calendar.holiday(Market.US, LocalDate.parse("2026-11-26"))
                        .orElseThrow()
                        .name()
                        .in(Language.KO))
                .isEqualTo("추수감사절");
    }

    @Test
    void usEarlyClosesAreAtOnePm() {
        Session dayAfterThanksgiving =
                calendar.session(Market.US, LocalDate.parse("2026-11-27")).orElseThrow();
        assertThat(dayAfterThanksgiving.opens()).isEqualTo(Instant.parse("2026-11-27T14:30:00Z"));
        assertThat(dayAfterThanksgiving.closes()).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
        assertThat(calendar.session(Market.US, LocalDate.parse("2026-12-24"))
                        .orElseThrow()
                        .closes())
                .isEqualTo(Instant.parse("2026-12-24T18:00:00Z"));
        // Independence Day 2026 is observed on Friday the 3rd: no early close on Thursday the 2nd.
        assertThat(calendar.session(Market.US, LocalDate.parse("2026-07-02"))
                        .orElseThrow()
                        .closes())
                .isEqualTo(Instant.parse("2026-07-02T20:00:00Z"));
    }

    @Test
    void openSessionIsTheOneRunningOpenInclusiveCloseExclusive() {
        Instant opens = Instant.parse("2026-12-01T00:00:00Z");
        Instant closes = Instant.parse("2026-12-01T06:30:00Z");
        assertThat(calendar.openSession(Market.KRX, opens.minusSeconds(1))).isEmpty();
        assertThat(calendar.openSession(Market.KRX, opens)).isPresent();
        assertThat(calendar.openSession(Market.KRX, closes.minusSeconds(1))).isPresent();
        assertThat(calendar.openSession(Market.KRX, closes)).isEmpty();
        // 10:00 in Seoul on the CSAT day is its open; 09:30 is not yet.
        assertThat(calendar.openSession(Market.KRX, Instant.parse("2026-11-19T00:30:00Z")))
                .isEmpty();
        assertThat(calendar.openSession(Market.US, Instant.parse("2026-12-06T15:00:00Z")))
                .isEmpty();
    }

    @Test
    void nextSessionSkipsWeekendsAndHolidays() {
        // Friday after the close: Monday.
        assertThat(calendar.nextSession(Market.KRX, Instant.parse("2026-12-04T07:00:00Z"))
                        .date())
                .isEqualTo(LocalDate.parse("2026-12-07"));
        // During a session: that session.
        assertThat(calendar.nextSession(Market.KRX, Instant.parse("2026-12-04T03:00:00Z"))
                        .date())
                .isEqualTo(LocalDate.parse("2026-12-04"));
        // Before Chuseok (Thursday and Friday) and its weekend: Monday the 28th.
        assertThat(calendar.nextSession(Market.KRX, Instant.parse("2026-09-23T08:00:00Z"))
                        .date())
                .isEqualTo(LocalDate.parse("2026-09-28"));
        // The last session of 2026, then the year-end closing, New Year and a weekend: the late open of 2027-01-04.
        Session next = calendar.nextSession(Market.KRX, Instant.parse("2026-12-30T07:00:00Z"));
        assertThat(next.date()).isEqualTo(LocalDate.parse("2027-01-04"));
        assertThat(next.opens()).isEqualTo(Instant.parse("2027-01-04T01:00:00Z"));
        // Good Friday: from Thursday evening in New York to Monday.
        assertThat(calendar.nextSession(Market.US, Instant.parse("2026-04-02T21:00:00Z"))
                        .date())
                .isEqualTo(LocalDate.parse("2026-04-06"));
    }

    @Test
    void previousSessionIsTheLastClosedOne() {
        // Monday before the open: the Friday before.
        assertThat(calendar.previousSession(Market.KRX, Instant.parse("2026-12-07T00:00:00Z"))
                        .date())
                .isEqualTo(LocalDate.parse("2026-12-04"));
        // At the close exactly: that session.
        assertThat(calendar.previousSession(Market.KRX, Instant.parse("2026-12-04T06:30:00Z"))
                        .date())
                .isEqualTo(LocalDate.parse("2026-12-04"));
        // During a session: the one before it.
        assertThat(calendar.previousSession(Market.KRX, Instant.parse("2026-12-04T03:00:00Z"))
                        .date())
                .isEqualTo(LocalDate.parse("2026-12-03"));
        // Before the late open of 2027-01-04 (09:30 in Seoul): 2026-12-30.
        assertThat(calendar.previousSession(Market.KRX, Instant.parse("2027-01-04T00:30:00Z"))
                        .date())
                .isEqualTo(LocalDate.parse("2026-12-30"));
        // The Monday after Thanksgiving week in New York: the early-closed Friday.
        assertThat(calendar.previousSession(Market.US, Instant.parse("2026-11-30T12:00:00Z"))
                        .date())
                .isEqualTo(LocalDate.parse("2026-11-27"));
    }

    @Test
    void aYearWithoutDataIsAnErrorNotAGuess() {
        assertThatThrownBy(() -> calendar.session(Market.KRX, LocalDate.parse("2031-03-03")))
                .isInstanceOf(CalendarNotCoveredException.class)
                .hasMessageContaining("2031");
        assertThatThrownBy(() ->
                        calendar.sessions(Market.US, LocalDate.parse("2027-12-01"), LocalDate.parse("2031-01-31")))
                .isInstanceOf(CalendarNotCoveredException.class);
        assertThat(calendar.covers(Market.KRX, 2026)).isTrue();
        assertThat(calendar.covers(Market.KRX, 2031)).isFalse();
    }
}
