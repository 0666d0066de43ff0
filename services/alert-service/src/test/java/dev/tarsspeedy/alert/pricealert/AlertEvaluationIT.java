package dev.tarsspeedy.alert.pricealert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.platform.events.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Price alerts evaluated on real {@code QuoteUpdated} records: each crossing fires exactly once (one mail request with
 * the key {@code alert:{id}:{episode}}, one history row), never on a quote that must not count.
 */
class AlertEvaluationIT extends PriceAlertTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void aCrossingFiresOnceAndTheSameQuoteTwiceFiresOnce() {
        User user = newUser("ko", "Asia/Seoul");
        String symbol = newSymbol("99");
        Map<String, Object> alert = createAlert(user, above(symbol, "100"));
        Object id = alert.get("id");
        // Whole microseconds, as PostgreSQL keeps them.
        Instant t = clock.instant().truncatedTo(ChronoUnit.MICROS);
        double firedBefore = firedCounter("PRICE_ABOVE");

        publish(quote(symbol, "99").at(t.plusSeconds(1)));
        assertThat(firings(id)).isZero();
        EventEnvelope crossing = publish(quote(symbol, "101.5").at(t.plusSeconds(2)));
        // The same record again (a redelivery) and the same quote in another envelope (a producer's retry).
        send(crossing);
        EventEnvelope again = publish(quote(symbol, "101.5").at(t.plusSeconds(2)));
        publish(quote(symbol, "102").at(t.plusSeconds(3)));
        awaitApplied(crossing);
        awaitApplied(again);

        assertThat(firings(id)).isEqualTo(1);
        assertThat(firedCounter("PRICE_ABOVE") - firedBefore).isEqualTo(1.0);
        List<EmailRequested> mails = alertMails(id);
        assertThat(mails).hasSize(1);
        EmailRequested mail = mails.getFirst();
        assertThat(mail.idempotencyKey()).isEqualTo("alert:" + id + ":1");
        assertThat(mail.template()).isEqualTo("price-alert");
        assertThat(mail.category()).isEqualTo(EmailRequested.Category.TRANSACTIONAL);
        assertThat(mail.to()).isEqualTo(user.email());
        assertThat(mail.locale()).isEqualTo("ko");
        assertThat(mail.model())
                .containsEntry("symbol", symbol)
                .containsEntry("stockName", "테스트 " + symbol)
                .containsEntry("kind", "PRICE_ABOVE")
                .containsEntry("currency", "USD")
                .containsEntry("source", "FINNHUB")
                .containsEntry(
                        "asOf",
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                t.plusSeconds(2).atZone(ZoneId.of("Asia/Seoul"))))
                .containsEntry("alertUrl", "http://localhost:8080/alerts/" + id);
        assertThat(new BigDecimal(mail.model().get("line").toString())).isEqualByComparingTo("100");
        assertThat(new BigDecimal(mail.model().get("price").toString())).isEqualByComparingTo("101.5");

        Map<String, Object> history = get("/api/alerts/events", user.token())
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(history).containsEntry("total", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> fired = ((List<Map<String, Object>>) history.get("items")).getFirst();
        assertThat(fired)
                .containsEntry("alertId", id)
                .containsEntry("episode", 1)
                .containsEntry("symbol", symbol)
                .containsEntry("kind", "PRICE_ABOVE")
                .containsEntry("asOf", t.plusSeconds(2).toString());
        assertThat(alert(user, id)).containsEntry("status", "FIRED").containsEntry("episode", 1);
    }

    /** {@code tars_alerts_fired_total{kind}}. */
    private double firedCounter(String kind) {
        return meters.get("tars.alerts.fired").tag("kind", kind).counter().count();
    }

    @Test
    void aRearmAlertFiresAgainOnlyAfterThePriceCameBackByTheHysteresis() {
        User user = newUser();
        String symbol = newSymbol("99");
        Map<String, Object> body = above(symbol, "100");
        body.put("mode", "REARM");
        body.put("cooldown", "PT0S");
        Object id = createAlert(user, body).get("id");
        Instant t = clock.instant();

        publish(quote(symbol, "99").at(t.plusSeconds(1)));
        publish(quote(symbol, "101").at(t.plusSeconds(2)));
        assertThat(alert(user, id)).containsEntry("status", "REARMING");
        // Back below the line but not by 0.5 %: crossing up again is the same episode.
        publish(quote(symbol, "99.6").at(t.plusSeconds(3)));
        publish(quote(symbol, "101").at(t.plusSeconds(4)));
        assertThat(firings(id)).isEqualTo(1);
        publish(quote(symbol, "99.5").at(t.plusSeconds(5)));
        assertThat(alert(user, id)).containsEntry("status", "ARMED");
        publish(quote(symbol, "100").at(t.plusSeconds(6)));

        assertThat(firings(id)).isEqualTo(2);
        assertThat(alertMails(id))
                .extracting(EmailRequested::idempotencyKey)
                .containsExactly("alert:" + id + ":1", "alert:" + id + ":2");
    }

    @Test
    void theCooldownKeepsASecondCrossingFromFiringTooSoon() {
        User user = newUser();
        String symbol = newSymbol("99");
        Map<String, Object> body = above(symbol, "100");
        body.put("mode", "REARM");
        Object id = createAlert(user, body).get("id");
        assertThat(alert(user, id)).containsEntry("cooldown", "PT1H");
        Instant t = clock.instant();

        publish(quote(symbol, "99").at(t.plusSeconds(1)));
        publish(quote(symbol, "101").at(t.plusSeconds(2)));
        publish(quote(symbol, "98").at(t.plusSeconds(60)));
        publish(quote(symbol, "101").at(t.plusSeconds(120)));
        assertThat(firings(id)).isEqualTo(1);
        publish(quote(symbol, "98").at(t.plus(Duration.ofMinutes(61))));
        publish(quote(symbol, "101").at(t.plus(Duration.ofMinutes(62))));

        assertThat(firings(id)).isEqualTo(2);
    }

    @Test
    void anExpiredAlertDoesNotFire() {
        User user = newUser();
        String symbol = newSymbol("99");
        Map<String, Object> body = above(symbol, "100");
        body.put("expiresAt", clock.instant().plus(Duration.ofMinutes(10)).toString());
        Object id = createAlert(user, body).get("id");
        publish(quote(symbol, "99").at(clock.instant()));
        clock.advance(Duration.ofMinutes(11));

        publish(quote(symbol, "101").at(clock.instant()));

        assertThat(firings(id)).isZero();
        assertThat(alertMails(id)).isEmpty();
        assertThat(alert(user, id)).containsEntry("status", "EXPIRED");
    }

    @Test
    void aPriceOfZeroIsNeverEvaluated() {
        User user = newUser();
        String symbol = newSymbol("99");
        Map<String, Object> body = above(symbol, "50");
        body.put("kind", "PRICE_BELOW");
        Object id = createAlert(user, body).get("id");
        Instant t = clock.instant();

        publish(quote(symbol, "99").at(t.plusSeconds(1)));
        publish(quote(symbol, "0").at(t.plusSeconds(2)));
        publish(quote(symbol, "0.00").at(t.plusSeconds(3)));
        publish(quote(symbol, "-1").at(t.plusSeconds(4)));

        assertThat(firings(id)).isZero();
        // The zero was not taken as the last price either: the next real quote below the line crosses from 99.
        publish(quote(symbol, "49").at(t.plusSeconds(5)));
        assertThat(firings(id)).isEqualTo(1);
    }

    @Test
    void staleAndEndOfDayQuotesNeverFireAnIntradayAlert() {
        User user = newUser();
        String symbol = newSymbol("99");
        Object id = createAlert(user, above(symbol, "100")).get("id");
        Instant t = clock.instant();

        publish(quote(symbol, "99").at(t.plusSeconds(1)));
        publish(quote(symbol, "105").at(t.plusSeconds(2)).freshness("STALE"));
        publish(quote(symbol, "105").at(t.plusSeconds(3)).freshness("END_OF_DAY"));
        publish(quote(symbol, "105").at(t.plusSeconds(4)).freshness("SOMETHING_NEW"));
        assertThat(firings(id)).isZero();

        publish(quote(symbol, "101").at(t.plusSeconds(5)).freshness("DELAYED"));
        assertThat(firings(id)).isEqualTo(1);
    }

    @Test
    void outsideTheSessionOnlyAlertsThatAskedForItFire() {
        User user = newUser();
        String symbol = newSymbol("99");
        Object regular = createAlert(user, above(symbol, "100")).get("id");
        // Another line: the same line would be an identical alert (409), whatever the terms.
        Map<String, Object> body = above(symbol, "100.5");
        body.put("regularHoursOnly", false);
        body.put("mode", "REARM");
        Object anyTime = createAlert(user, body).get("id");
        Instant t = clock.instant();

        publish(quote(symbol, "99").at(t.plusSeconds(1)));
        publish(quote(symbol, "101").at(t.plusSeconds(2)).outOfSession());

        assertThat(firings(regular)).isZero();
        assertThat(firings(anyTime)).isEqualTo(1);
        // The session's next quote above the line: crossed since the session's last price (99).
        publish(quote(symbol, "101").at(t.plusSeconds(3)));
        assertThat(firings(regular)).isEqualTo(1);
        assertThat(firings(anyTime)).isEqualTo(1);
    }

    @Test
    void aQuoteOlderThanTheLastOneIsNotEvaluated() {
        User user = newUser();
        String symbol = newSymbol("99");
        Object id = createAlert(user, above(symbol, "100")).get("id");
        Instant t = clock.instant();

        publish(quote(symbol, "99").at(t.plusSeconds(10)));
        publish(quote(symbol, "101").at(t.plusSeconds(5)));

        assertThat(firings(id)).isZero();
    }

    @Test
    void aMoveAlertFiresWhenTheDaysMoveReachesItsPercentage() {
        User user = newUser();
        String symbol = newSymbol("100");
        Object down = createAlert(
                        user, Map.of("symbol", symbol, "kind", "MOVE_PERCENT", "percent", 5, "direction", "DOWN"))
                .get("id");
        Object either = createAlert(user, Map.of("symbol", symbol, "kind", "MOVE_PERCENT", "percent", 3))
                .get("id");
        Instant t = clock.instant();

        publish(quote(symbol, "98").at(t.plusSeconds(1)));
        publish(quote(symbol, "96.5").at(t.plusSeconds(2)));
        assertThat(firings(down)).isZero();
        assertThat(firings(either)).isEqualTo(1);
        publish(quote(symbol, "95").at(t.plusSeconds(3)));
        publish(quote(symbol, "94").at(t.plusSeconds(4)));

        assertThat(firings(down)).isEqualTo(1);
        assertThat(firings(either)).isEqualTo(1);
        assertThat(alertMails(down).getFirst().model()).containsEntry("kind", "MOVE_PERCENT");
        assertThat(new BigDecimal(
                        alertMails(down).getFirst().model().get("percent").toString()))
                .isEqualByComparingTo("5");
    }

    @Test
    void fiftyTwoWeekAlertsFireWhenThePriceReachesTheHighOrTheLow() {
        User user = newUser();
        String symbol = newSymbol("100");
        Object high =
                createAlert(user, Map.of("symbol", symbol, "kind", "HIGH_52W")).get("id");
        Object low =
                createAlert(user, Map.of("symbol", symbol, "kind", "LOW_52W")).get("id");
        Instant t = clock.instant();

        publish(quote(symbol, "118").at(t.plusSeconds(1)).range52w("120", "80"));
        publish(quote(symbol, "121").at(t.plusSeconds(2)).range52w("121", "80"));
        publish(quote(symbol, "122").at(t.plusSeconds(3)).range52w("122", "80"));
        assertThat(firings(high)).isEqualTo(1);
        assertThat(firings(low)).isZero();
        assertThat(new BigDecimal(
                        alertMails(high).getFirst().model().get("line").toString()))
                .isEqualByComparingTo("121");

        publish(quote(symbol, "79").at(t.plusSeconds(4)).range52w("122", "79"));
        assertThat(firings(low)).isEqualTo(1);
    }
}
