package dev.tarsspeedy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.e2e.fixture.Api;
import dev.tarsspeedy.e2e.fixture.Mailbox;
import dev.tarsspeedy.e2e.fixture.Poll;
import dev.tarsspeedy.e2e.fixture.RunningStack;
import dev.tarsspeedy.e2e.fixture.Shoppers;
import dev.tarsspeedy.e2e.fixture.Shoppers.Shopper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * TARS as a person uses it, on the local stack through the gateway and the mailbox: watch two stocks, get the
 * scheduled report at the minute asked for (in their language, with inline charts), get one alert mail when the price
 * crosses their line, and pause the report with the mail's one-click unsubscribe.
 */
class TarsFlowIT {

    private static final List<String> EVERY_DAY = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    private static final Duration MAIL_PATIENCE = Duration.ofMinutes(3);

    private static RunningStack stack;
    private static Api gateway;
    private static Api standIn;
    private static Mailbox mailbox;
    private static Shoppers shoppers;

    @BeforeAll
    static void startStack() throws Exception {
        stack = RunningStack.shared();
        gateway = new Api(stack.gateway());
        standIn = new Api(stack.url("market-stand-in"));
        mailbox = new Mailbox(stack.mailbox());
        shoppers = new Shoppers(gateway, mailbox);
    }

    @AfterAll
    static void closeClients() {
        gateway.close();
        standIn.close();
    }

    @Test
    void scheduledReportArrivesInTheReadersLanguageAndOneClickUnsubscribePausesIt() throws Exception {
        Shopper korean = shoppers.signUp("tars-ko", "ko");
        Shopper english = shoppers.signUp("tars-en", "en");
        for (Shopper reader : List.of(korean, english)) {
            watch(reader, "005930", "AAPL");
        }

        String koSchedule = scheduleOneMinuteAhead(korean, "Asia/Seoul");
        String enSchedule = scheduleOneMinuteAhead(english, "America/New_York");

        JsonNode koReport = awaitReport(korean);
        assertThat(koReport.get("subject").asString()).as("Korean subject").startsWith("[TARS] 관심 종목 리포트");
        assertThat(koReport.get("html").asString()).contains("삼성전자");
        JsonNode enReport = awaitReport(english);
        assertThat(enReport.get("subject").asString()).as("English subject").startsWith("[TARS] Your watchlist report");

        for (Map.Entry<String, JsonNode> report :
                Map.of(koSchedule, koReport, enSchedule, enReport).entrySet()) {
            JsonNode mail = report.getValue();
            String html = mail.get("html").asString();
            assertThat(html).as("both rows").contains("005930", "AAPL");
            assertThat(mail.get("text").asString()).as("the plain-text part").contains("005930", "AAPL");
            List<JsonNode> charts = mail.get("parts")
                    .valueStream()
                    .filter(part -> "image/png".equals(part.get("contentType").asString()))
                    .toList();
            assertThat(charts).as("inline charts").isNotEmpty();
            for (JsonNode chart : charts) {
                String contentId = chart.get("contentId").asString();
                assertThat(html)
                        .as("the chart " + contentId + " is shown inline")
                        .contains("cid:" + contentId);
                byte[] png = chart.get("content").binaryValue();
                assertThat(png).as("a PNG").startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            }
        }

        // RFC 8058: the mail client posts the List-Unsubscribe URL with List-Unsubscribe=One-Click, no login.
        String unsubscribe = listUnsubscribeUrl(koReport);
        assertThat(header(koReport, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> unsubscribed = http.send(
                    HttpRequest.newBuilder(URI.create(unsubscribe))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unsubscribed.statusCode()).as(unsubscribed.body()).isBetween(200, 299);
        }
        Api.Response paused = gateway.get("/api/reports/schedules/" + koSchedule, korean.token());
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.json().get("paused").asBoolean())
                .as("paused by one-click unsubscribe")
                .isTrue();
        Api.Response other = gateway.get("/api/reports/schedules/" + enSchedule, english.token());
        assertThat(other.json().get("paused").asBoolean())
                .as("another person's schedule")
                .isFalse();

        Api.Response preview = gateway.get("/api/reports/preview", korean.token());
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.contentType()).startsWith("text/html");
        assertThat(preview.body()).contains("<html", "005930", "AAPL");
    }

    @Test
    void aPriceCrossingTheLineSendsExactlyOneAlertMail() throws Exception {
        Shopper reader = shoppers.signUp("tars-alert", "ko");
        String symbol = "005930";
        watch(reader, symbol);
        BigDecimal current = quote(symbol).get("price").decimalValue();
        BigDecimal line = current.multiply(new BigDecimal("1.05")).setScale(0, RoundingMode.CEILING);

        Instant created = Instant.now();
        Api.Response alert = gateway.post(
                "/api/alerts",
                Map.of("symbol", symbol, "kind", "PRICE_ABOVE", "price", line, "mode", "ONCE"),
                reader.token());
        assertThat(alert.status()).as(alert.toString()).isEqualTo(201);
        String alertId = alert.json().get("id").asString();

        // The evaluation measures a crossing from the last quote it saw: let a quote after the alert's creation
        // through before the jump.
        Poll.until(
                () -> Instant.parse(quote(symbol).get("asOf").asString()),
                asOf -> asOf.isAfter(created),
                Duration.ofSeconds(60));
        Thread.sleep(2_000);

        BigDecimal above = line.multiply(new BigDecimal("1.05")).setScale(0, RoundingMode.CEILING);
        moveTo(symbol, above);
        Predicate<JsonNode> alertMail = mail -> mail.get("subject").asString().startsWith("[TARS] 삼성전자");
        JsonNode mail = mailbox.await(reader.email(), alertMail, MAIL_PATIENCE);
        assertThat(mail.get("subject").asString()).as("Korean alert subject").contains("이상 도달");
        assertThat(mail.get("html").asString()).contains("/alerts/" + alertId);

        // More quotes above the line: the same episode, no second mail.
        for (int step = 1; step <= 3; step++) {
            BigDecimal higher = above.add(BigDecimal.valueOf(100L * step));
            Instant movedAt = Instant.now();
            moveTo(symbol, higher);
            JsonNode after = Poll.until(
                    () -> quote(symbol),
                    q -> Instant.parse(q.get("asOf").asString()).isAfter(movedAt),
                    Duration.ofSeconds(60));
            assertThat(after.get("price").decimalValue())
                    .as("still above the line")
                    .isGreaterThan(line);
        }
        Thread.sleep(5_000);
        assertThat(mailbox.all(reader.email()).stream().filter(alertMail))
                .as("alert mails after more quotes above the line")
                .hasSize(1);
        Api.Response events = gateway.get("/api/alerts/events", reader.token());
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        assertThat(events.json()
                        .get("items")
                        .valueStream()
                        .filter(event -> alertId.equals(event.get("alertId").asString())))
                .as("the alert's history")
                .hasSize(1);
        Api.Response fired = gateway.get("/api/alerts/" + alertId, reader.token());
        assertThat(fired.json().get("status").asString()).isEqualTo("FIRED");
    }

    private static void watch(Shopper reader, String... symbols) {
        for (String symbol : symbols) {
            Api.Response watched = gateway.put("/api/watchlist/" + symbol, reader.token());
            assertThat(watched.status()).as(watched.toString()).isEqualTo(204);
        }
    }

    /** A schedule at the next whole minute at least 30 s away (so the call lands before it), every day. */
    private static String scheduleOneMinuteAhead(Shopper reader, String zone) {
        ZonedDateTime at = ZonedDateTime.now(ZoneId.of(zone)).plusSeconds(90).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("times", List.of(at.format(DateTimeFormatter.ofPattern("HH:mm"))));
        schedule.put("weekdays", EVERY_DAY);
        schedule.put("zone", zone);
        schedule.put("markets", List.of("KRX", "US"));
        // Any day of the year: a market holiday must not leave the test without its report.
        schedule.put("skipMarketHolidays", false);
        Api.Response created = gateway.post("/api/reports/schedules", schedule, reader.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(Instant.parse(created.json().get("nextRunAt").asString()))
                .as("the next run")
                .isEqualTo(at.toInstant());
        return created.json().get("id").asString();
    }

    private static JsonNode awaitReport(Shopper reader) throws InterruptedException {
        return mailbox.await(
                reader.email(),
                mail -> !header(mail, "List-Unsubscribe").isEmpty()
                        && mail.get("html").asString().contains("005930"),
                MAIL_PATIENCE);
    }

    private static String header(JsonNode mail, String name) {
        return mail.get("headers")
                .propertyStream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().valueStream())
                .map(JsonNode::asString)
                .findFirst()
                .orElse("");
    }

    private static String listUnsubscribeUrl(JsonNode mail) {
        String value = header(mail, "List-Unsubscribe");
        java.util.regex.Matcher url =
                java.util.regex.Pattern.compile("<(https?://[^>]+)>").matcher(value);
        assertThat(url.find())
                .as("an http(s) URL in List-Unsubscribe: " + value)
                .isTrue();
        return url.group(1);
    }

    private static JsonNode quote(String symbol) {
        try {
            return Poll.until(
                            () -> gateway.get("/api/market/quotes/" + symbol, null),
                            r -> r.status() == 200,
                            Duration.ofSeconds(30))
                    .json();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void moveTo(String symbol, BigDecimal price) {
        Api.Response moved = standIn.post("/control/price", Map.of("symbol", symbol, "price", price));
        assertThat(moved.status()).as(moved.toString()).isBetween(200, 299);
    }
}
