package dev.tarsspeedy.alert.pricealert;

import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.alert.support.AlertTestBase;
import dev.tarsspeedy.contracts.market.QuoteUpdated;
import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.platform.events.EventEnvelope;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;

/**
 * The alert service's IT base with what price alert tests share: a US ticker of the test's own (listed on the
 * market-data stand-in), alerts made through the API, quotes published on the real topic as the market-data service
 * publishes them (or as raw JSON, for what the contract forbids), and a wait until the alert consumer applied one.
 */
public abstract class PriceAlertTestBase extends AlertTestBase {

    protected static final String CONSUMER = "alert-service-price-alerts";

    private static KafkaProducer<String, String> producer;

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** A ticker nobody else uses (five letters, so never a real test symbol), listed at the price. */
    protected static String newSymbol(String price) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder symbol = new StringBuilder("Q");
        for (int i = 0; i < 4; i++) {
            symbol.append((char) ('A' + random.nextInt(26)));
        }
        MARKET.listing(symbol.toString(), "US", "테스트 " + symbol, "Test " + symbol, price);
        return symbol.toString();
    }

    /** Creates the alert (201) and returns it. */
    protected Map<String, Object> createAlert(User user, Map<String, Object> body) {
        return post("/api/alerts", body, user.token())
                .expectStatus()
                .isCreated()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    protected Map<String, Object> alert(User user, Object id) {
        return get("/api/alerts/" + id, user.token())
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    protected static Map<String, Object> above(String symbol, String line) {
        Map<String, Object> body = new HashMap<>();
        body.put("symbol", symbol);
        body.put("kind", "PRICE_ABOVE");
        body.put("price", new BigDecimal(line));
        return body;
    }

    /** A quote of the symbol as the market-data service writes it: live, in session, today. */
    protected Quote quote(String symbol, String price) {
        return new Quote(symbol, price, clock.instant(), "LIVE", true, "100", null, null);
    }

    /** A quote's fields; {@link #json} writes it as the event's payload, whatever the values. */
    protected record Quote(
            String symbol,
            String price,
            Instant asOf,
            String freshness,
            boolean inSession,
            String previousClose,
            String high52w,
            String low52w) {

        public Quote at(Instant time) {
            return new Quote(symbol, price, time, freshness, inSession, previousClose, high52w, low52w);
        }

        public Quote freshness(String label) {
            return new Quote(symbol, price, asOf, label, inSession, previousClose, high52w, low52w);
        }

        public Quote outOfSession() {
            return new Quote(symbol, price, asOf, freshness, false, previousClose, high52w, low52w);
        }

        public Quote range52w(String high, String low) {
            return new Quote(symbol, price, asOf, freshness, inSession, previousClose, high, low);
        }

        public Quote previousClose(String close) {
            return new Quote(symbol, price, asOf, freshness, inSession, close, high52w, low52w);
        }

        /** The payload as JSON, numbers as written (a price of 0 too, which the record would refuse). */
        public String json() {
            return "{\"symbol\":\"" + symbol + "\",\"market\":\"US\",\"currency\":\"USD\",\"price\":" + price
                    + ",\"change\":null,\"changePercent\":null,\"open\":null,\"high\":null,\"low\":null,"
                    + "\"previousClose\":" + previousClose + ",\"volume\":1000,\"high52w\":" + high52w
                    + ",\"low52w\":" + low52w + ",\"source\":\"FINNHUB\",\"asOf\":\"" + asOf
                    + "\",\"freshness\":\"" + freshness + "\",\"tradingDay\":\""
                    + LocalDate.ofInstant(asOf, ZoneOffset.UTC) + "\",\"inSession\":" + inSession
                    + ",\"simulated\":true}";
        }
    }

    /** Publishes the quote in a new envelope and waits until the alert consumer applied it; returns the envelope. */
    protected EventEnvelope publish(Quote quote) {
        EventEnvelope event = envelope(quote);
        send(event);
        awaitApplied(event);
        return event;
    }

    /** The quote's envelope, built by hand so that any payload can be sent. */
    protected static EventEnvelope envelope(Quote quote) {
        return EventEnvelope.fromJson("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + QuoteUpdated.TYPE
                + "\",\"version\":" + QuoteUpdated.VERSION + ",\"occurredAt\":\"" + quote.asOf() + "\",\"key\":\""
                + quote.symbol() + "\",\"payload\":" + quote.json() + "}");
    }

    /** Sends the envelope to the quote topic (keyed by the symbol, as the market-data service does). */
    protected static void send(EventEnvelope event) {
        try {
            producer()
                    .send(new ProducerRecord<>(QuoteUpdated.TOPIC, event.key(), event.toJson()))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the price alerts' consumer has applied the event (its marker is committed with the effects). */
    protected void awaitApplied(EventEnvelope event) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> count(
                                "select count(*) from processed_event where consumer = :consumer and event_id = :id",
                                "consumer",
                                CONSUMER,
                                "id",
                                event.id())
                        == 1);
    }

    /** The alert's mail requests in the outbox (committed), oldest first. */
    protected List<EmailRequested> alertMails(Object alertId) {
        return outboxEmails("alert:" + alertId + ":");
    }

    protected long firings(Object alertId) {
        return count(
                "select count(*) from price_alert_fired where alert_id = :id",
                "id",
                UUID.fromString(alertId.toString()));
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            Infrastructure.shared().kafka().bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all"),
                    new StringSerializer(),
                    new StringSerializer());
        }
        return producer;
    }
}
