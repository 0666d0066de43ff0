package dev.tarsspeedy.alert.pricealert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The alert's own rules, quote by quote, without the database: crossings, episodes, hysteresis, cooldown, expiry. */
class PriceAlertRulesTest {

    private static final Symbol SAMSUNG = new Symbol("005930");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final Instant T0 = Instant.parse("2026-12-07T00:30:00Z");

    /** Feeds prices one after another as in-session live quotes, the symbol state kept as the evaluator keeps it. */
    private static final class Feed {
        private SymbolQuoteState state = SymbolQuoteState.none(SAMSUNG);
        private PriceAlert alert;
        private Instant at = T0;
        private int fired;
        private BigDecimal previousClose = new BigDecimal("100");
        private BigDecimal high52w;
        private BigDecimal low52w;
        private LocalDate day = DAY;

        Feed(PriceAlert alert) {
            this.alert = alert;
        }

        Feed price(String price) {
            return quote(price, Freshness.LIVE, true, Duration.ofMinutes(1));
        }

        Feed quote(String price, Freshness freshness, boolean inSession, Duration after) {
            at = at.plus(after);
            PriceQuote quote = new PriceQuote(
                    SAMSUNG,
                    "KRW",
                    new BigDecimal(price),
                    previousClose,
                    null,
                    high52w,
                    low52w,
                    "KIS",
                    at,
                    freshness,
                    day,
                    inSession);
            if (!quote.evaluable() || !state.isOlderThan(quote)) {
                return this;
            }
            boolean preference = alert.terms().regularHoursOnly();
            if (!preference || inSession) {
                Optional<PriceAlert.Transition> transition = alert.evaluate(state.facts(quote, preference), at);
                if (transition.isPresent()) {
                    if (transition.get().fired()) {
                        fired++;
                    }
                    alert = transition.get().after();
                }
            }
            state = state.after(quote);
            return this;
        }
    }

    private static PriceAlert alert(AlertCondition condition, AlertMode mode, Duration cooldown) {
        return alert(condition, new AlertTerms(mode, cooldown, new BigDecimal("0.5"), null, true));
    }

    private static PriceAlert alert(AlertCondition condition, AlertTerms terms) {
        return PriceAlert.create(
                new UserId(UUID.randomUUID()),
                new Recipient("kim@example.com", "ko", ZoneId.of("Asia/Seoul")),
                SAMSUNG,
                "삼성전자",
                condition,
                terms,
                T0);
    }

    @Test
    void anAboveAlertFiresOnTheCrossingOnlyNotWhileThePriceStaysAbove() {
        Feed feed = new Feed(alert(AlertCondition.above(new BigDecimal("100")), AlertMode.REARM, Duration.ZERO));
        feed.price("99").price("101").price("102").price("100.5").price("103");
        assertThat(feed.fired).isEqualTo(1);
        assertThat(feed.alert.status(feed.at)).isEqualTo(PriceAlert.Status.REARMING);
        assertThat(feed.alert.state().rearmLine()).isEqualByComparingTo("99.5");
    }

    @Test
    void theFirstQuoteIsOnlyAReferenceAndAnAlertCreatedAboveItsLineWaitsForACrossing() {
        Feed feed = new Feed(alert(AlertCondition.above(new BigDecimal("100")), AlertMode.REARM, Duration.ZERO));
        feed.price("105").price("106");
        assertThat(feed.fired).isZero();
        feed.price("99").price("100");
        assertThat(feed.fired).isEqualTo(1);
    }

    @Test
    void aRearmAlertArmsAgainOnlyAfterTheHysteresis() {
        Feed feed = new Feed(alert(AlertCondition.above(new BigDecimal("100")), AlertMode.REARM, Duration.ZERO));
        feed.price("99").price("101").price("99.6").price("101");
        assertThat(feed.fired).isEqualTo(1);
        feed.price("99.5");
        assertThat(feed.alert.status(feed.at)).isEqualTo(PriceAlert.Status.ARMED);
        feed.price("100");
        assertThat(feed.fired).isEqualTo(2);
        assertThat(feed.alert.state().episode()).isEqualTo(2);
    }

    @Test
    void aOnceAlertIsDoneAfterItFired() {
        Feed feed = new Feed(alert(AlertCondition.below(new BigDecimal("100")), AlertMode.ONCE, Duration.ZERO));
        feed.price("101").price("99").price("110").price("90");
        assertThat(feed.fired).isEqualTo(1);
        assertThat(feed.alert.status(feed.at)).isEqualTo(PriceAlert.Status.FIRED);
        assertThat(feed.alert.watch()).isEmpty();
    }

    @Test
    void theCooldownSwallowsACrossingTooSoonAfterTheLastFiring() {
        Feed feed =
                new Feed(alert(AlertCondition.above(new BigDecimal("100")), AlertMode.REARM, Duration.ofMinutes(60)));
        feed.price("99").price("101").price("99").price("101");
        assertThat(feed.fired).isEqualTo(1);
        feed.quote("99", Freshness.LIVE, true, Duration.ofMinutes(60));
        feed.price("101");
        assertThat(feed.fired).isEqualTo(2);
    }

    @Test
    void anExpiredAlertNeverFires() {
        PriceAlert alert = alert(
                AlertCondition.above(new BigDecimal("100")),
                new AlertTerms(AlertMode.ONCE, Duration.ZERO, new BigDecimal("0.5"), T0.plusSeconds(150), true));
        Feed feed = new Feed(alert);
        feed.price("99").price("99.5").price("101");
        assertThat(feed.fired).isZero();
        assertThat(feed.alert.status(feed.at)).isEqualTo(PriceAlert.Status.EXPIRED);
    }

    @Test
    void staleEndOfDayAndOutOfSessionQuotesNeverFireARegularHoursAlert() {
        Feed feed = new Feed(alert(AlertCondition.above(new BigDecimal("100")), AlertMode.REARM, Duration.ZERO));
        feed.price("99")
                .quote("101", Freshness.STALE, true, Duration.ofMinutes(1))
                .quote("101", Freshness.END_OF_DAY, true, Duration.ofMinutes(1))
                .quote("101", Freshness.LIVE, false, Duration.ofMinutes(1));
        assertThat(feed.fired).isZero();
        // The crossing is measured from the last in-session price: the session's next quote above the line fires.
        feed.price("101");
        assertThat(feed.fired).isEqualTo(1);
    }

    @Test
    void aMoveAlertFiresOncePerDayWhenTheMoveReachesItsPercentage() {
        Feed feed = new Feed(
                alert(AlertCondition.move(new BigDecimal("5"), MoveDirection.DOWN), AlertMode.REARM, Duration.ZERO));
        feed.price("98").price("96").price("94.9").price("94").price("95.4").price("94");
        assertThat(feed.fired).isEqualTo(1);
        // Back by the hysteresis (0.5 points: -4.5 %), then down again: a new episode the same day.
        feed.price("95.5").price("95");
        assertThat(feed.fired).isEqualTo(2);
        feed.day = DAY.plusDays(1);
        feed.previousClose = new BigDecimal("94");
        // A new day: the move counts from the new previous close, and the alert is armed again.
        feed.price("93").price("89");
        assertThat(feed.fired).isEqualTo(3);
    }

    @Test
    void aMoveAlertEitherWayCountsUpAndDown() {
        Feed feed = new Feed(
                alert(AlertCondition.move(new BigDecimal("3"), MoveDirection.EITHER), AlertMode.REARM, Duration.ZERO));
        feed.price("101").price("103.5");
        assertThat(feed.fired).isEqualTo(1);
        feed.price("100").price("96.9");
        assertThat(feed.fired).isEqualTo(2);
    }

    @Test
    void a52WeekHighFiresWhenThePriceReachesItFromBelow() {
        Feed feed = new Feed(
                alert(new AlertCondition(AlertKind.HIGH_52W, null, null, null), AlertMode.REARM, Duration.ZERO));
        feed.high52w = new BigDecimal("120");
        feed.price("118");
        feed.high52w = new BigDecimal("121");
        feed.price("121");
        feed.high52w = new BigDecimal("122");
        feed.price("122");
        assertThat(feed.fired).isEqualTo(1);
        assertThat(feed.alert.state().rearmLine()).isEqualByComparingTo("120.395");
    }

    @Test
    void a52WeekLowFiresWhenThePriceReachesItFromAbove() {
        Feed feed =
                new Feed(alert(new AlertCondition(AlertKind.LOW_52W, null, null, null), AlertMode.ONCE, Duration.ZERO));
        feed.low52w = new BigDecimal("80");
        feed.price("81").price("80.5");
        assertThat(feed.fired).isZero();
        feed.low52w = new BigDecimal("79");
        feed.price("79");
        assertThat(feed.fired).isEqualTo(1);
    }

    @Test
    void theWatchedLineIsTheFiringLineWhileArmedAndTheRearmLineAfter() {
        PriceAlert alert = alert(AlertCondition.above(new BigDecimal("100")), AlertMode.REARM, Duration.ZERO);
        assertThat(alert.watch()).contains(new Watch(Watch.Space.PRICE, true, new BigDecimal("100")));
        Feed feed = new Feed(alert).price("99").price("100");
        assertThat(feed.alert.watch()).contains(new Watch(Watch.Space.PRICE, false, new BigDecimal("99.5")));
    }
}
