package dev.tarsspeedy.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.market.MarketApiShapes.Member;
import dev.tarsspeedy.market.support.MarketTestBase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

/**
 * The public market API answers the JSON shapes its consumers read ({@link MarketApiShapes}): every member present
 * (a {@code null} is written, never left out), no member they do not know of, and the values in the types they parse
 * (numbers as JSON numbers, instants and dates as ISO text, flags as booleans). The alert service and the web
 * interface decode these bodies by member name: a renamed or dropped member would silently read as {@code null}
 * there.
 */
class MarketApiContractIT extends MarketTestBase {

    /** The freshness words the consumers know. */
    private static final Set<String> FRESHNESS = Set.of("LIVE", "DELAYED", "END_OF_DAY", "STALE");

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {};

    private enum Kind {
        TEXT,
        NUMBER,
        INTEGER,
        BOOLEAN,
        INSTANT,
        DATE,
        OFFSET_DATE_TIME
    }

    /**
     * The type of each member a consumer parses, by {@code shape.member}; a member listed here with a {@code !} is
     * never {@code null} in the answers this test reads.
     */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("quote.symbol", "TEXT!"),
            Map.entry("quote.name", "TEXT!"),
            Map.entry("quote.market", "TEXT!"),
            Map.entry("quote.currency", "TEXT!"),
            Map.entry("quote.price", "NUMBER!"),
            Map.entry("quote.change", "NUMBER!"),
            Map.entry("quote.changePercent", "NUMBER!"),
            Map.entry("quote.open", "NUMBER!"),
            Map.entry("quote.high", "NUMBER!"),
            Map.entry("quote.low", "NUMBER!"),
            Map.entry("quote.previousClose", "NUMBER!"),
            Map.entry("quote.volume", "INTEGER!"),
            Map.entry("quote.high52w", "NUMBER"),
            Map.entry("quote.low52w", "NUMBER"),
            Map.entry("quote.source", "TEXT!"),
            Map.entry("quote.asOf", "INSTANT!"),
            Map.entry("quote.freshness", "TEXT!"),
            Map.entry("quote.tradingDay", "DATE!"),
            Map.entry("quote.inSession", "BOOLEAN!"),
            Map.entry("quote.simulated", "BOOLEAN!"),
            Map.entry("history.symbol", "TEXT!"),
            Map.entry("history.range", "TEXT!"),
            Map.entry("history.currency", "TEXT!"),
            Map.entry("point.at", "INSTANT!"),
            Map.entry("point.price", "NUMBER!"),
            Map.entry("point.volume", "INTEGER"),
            Map.entry("bar.date", "DATE!"),
            Map.entry("bar.open", "NUMBER"),
            Map.entry("bar.high", "NUMBER"),
            Map.entry("bar.low", "NUMBER"),
            Map.entry("bar.close", "NUMBER!"),
            Map.entry("bar.volume", "INTEGER!"),
            Map.entry("bar.source", "TEXT!"),
            Map.entry("symbols.page", "INTEGER!"),
            Map.entry("symbols.size", "INTEGER!"),
            Map.entry("symbols.total", "INTEGER!"),
            Map.entry("symbol.symbol", "TEXT!"),
            Map.entry("symbol.market", "TEXT!"),
            Map.entry("symbol.exchange", "TEXT!"),
            Map.entry("symbol.nameKo", "TEXT"),
            Map.entry("symbol.nameEn", "TEXT"),
            Map.entry("symbol.currency", "TEXT!"),
            Map.entry("symbol.listed", "BOOLEAN!"),
            Map.entry("status.at", "INSTANT!"),
            Map.entry("status.simulated", "BOOLEAN!"),
            Map.entry("marketStatus.market", "TEXT!"),
            Map.entry("marketStatus.zone", "TEXT!"),
            Map.entry("marketStatus.open", "BOOLEAN!"),
            Map.entry("marketStatus.simulated", "BOOLEAN!"),
            Map.entry("marketStatus.closedBecause", "TEXT"),
            Map.entry("marketStatus.reason", "TEXT"),
            Map.entry("calendar.market", "TEXT!"),
            Map.entry("calendar.zone", "TEXT!"),
            Map.entry("calendar.from", "DATE!"),
            Map.entry("calendar.to", "DATE!"),
            Map.entry("calendar.simulated", "BOOLEAN!"),
            Map.entry("session.date", "DATE!"),
            Map.entry("session.opens", "INSTANT!"),
            Map.entry("session.closes", "INSTANT!"),
            Map.entry("session.opensLocal", "OFFSET_DATE_TIME!"),
            Map.entry("session.closesLocal", "OFFSET_DATE_TIME!"),
            Map.entry("session.note", "TEXT"),
            Map.entry("holiday.date", "DATE!"),
            Map.entry("holiday.name", "TEXT!"));

    @Test
    void everyMemberOfEveryShapeHasAType() {
        for (String shape : MarketApiShapes.WRITTEN.keySet()) {
            for (Member member : MarketApiShapes.shape(shape)) {
                String key = shape + "." + member.name();
                assertThat(member.shape() != null || member.list() || KINDS.containsKey(key))
                        .as("the type of %s", key)
                        .isTrue();
            }
        }
        assertThat(KINDS.keySet())
                .allSatisfy(key -> assertThat(MarketApiShapes.names(key.substring(0, key.indexOf('.'))))
                        .as("a member %s", key)
                        .contains(key.substring(key.indexOf('.') + 1)));
    }

    @Test
    void quotesHistoryAndTheStreamAnswerTheirShapes() {
        goToSession(Market.KRX, Duration.ofMinutes(30));
        String symbol = krxSymbol(40);
        String notFollowed = krxSymbol(41);
        follow(symbol);
        await().atMost(Duration.ofSeconds(10)).until(() -> quoteCached(symbol));
        // The backfill writes a year of closes oldest first: wait for the last month's.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !list(get("/api/market/quotes/" + symbol + "/history?range=1m", null), "bars")
                        .isEmpty());

        Map<String, Object> quotes = get("/api/market/quotes?symbols=" + symbol + "," + notFollowed, "en");
        assertShape(quotes, "quotes", "quotes");
        assertThat(list(quotes, "quotes")).hasSize(1);
        assertThat(quotes.get("missing")).isEqualTo(List.of(notFollowed));

        Map<String, Object> quote = get("/api/market/quotes/" + symbol, "ko");
        assertShape(quote, "quote", "quote");
        assertThat(FRESHNESS).contains((String) quote.get("freshness"));
        assertThat(quote)
                .containsEntry("symbol", symbol)
                .containsEntry("market", "KRX")
                .containsEntry("currency", "KRW");

        Map<String, Object> day = get("/api/market/quotes/" + symbol + "/history?range=1d", null);
        assertShape(day, "history", "history 1d");
        assertThat(list(day, "points")).isNotEmpty();
        assertThat(list(day, "bars")).isEmpty();
        Map<String, Object> month = get("/api/market/quotes/" + symbol + "/history?range=1m", null);
        assertShape(month, "history", "history 1m");
        assertThat(list(month, "bars")).isNotEmpty();
        assertThat(list(month, "points")).isEmpty();

        ServerSentEvent<Map<String, Object>> first = client().mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .get()
                .uri("/api/market/quotes/stream?symbols={symbol}", symbol)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(EVENT)
                .getResponseBody()
                .filter(event -> event.data() != null)
                .blockFirst(Duration.ofSeconds(20));
        assertThat(first).isNotNull();
        assertThat(first.event()).isEqualTo("quote");
        assertShape(first.data(), "quote", "stream event");
    }

    @Test
    void symbolSearchAndLookupAnswerTheirShapes() {
        String symbol = krxSymbol(0);
        Map<String, Object> page = get("/api/market/symbols?q=" + symbol + "&size=5", "ko");
        assertShape(page, "symbols", "symbols");
        assertThat(list(page, "items")).isNotEmpty();
        assertThat(list(page, "items").getFirst()).containsEntry("symbol", symbol);

        assertShape(get("/api/market/symbols/" + symbol, "en"), "symbol", "symbol");
    }

    @Test
    void statusAndCalendarAnswerTheirShapes() {
        Map<String, Object> status = get("/api/market/status", "en");
        assertShape(status, "status", "status");
        assertThat(list(status, "markets")).hasSize(Market.values().length);

        // December 2026 in Seoul has sessions and holidays (Christmas, the year-end closing).
        Map<String, Object> krx = get("/api/market/calendar?market=KRX&from=2026-12-01&to=2026-12-31", "ko");
        assertShape(krx, "calendar", "calendar KRX");
        assertThat(list(krx, "sessions")).isNotEmpty();
        assertThat(list(krx, "holidays")).isNotEmpty();
        // The day after Thanksgiving has a note (an early close).
        Map<String, Object> us = get("/api/market/calendar?market=US&from=2026-11-26&to=2026-11-27", "en");
        assertShape(us, "calendar", "calendar US");
        assertThat(list(us, "sessions"))
                .singleElement()
                .satisfies(session -> assertThat(session.get("note")).isNotNull());
    }

    /** The body has exactly the shape's members, each of its type, and nested shapes likewise. */
    @SuppressWarnings("unchecked")
    private static void assertShape(Map<String, Object> json, String shape, String where) {
        assertThat(json).as(where).isNotNull();
        List<Member> members = MarketApiShapes.shape(shape);
        assertThat(json.keySet())
                .as("the members of %s (%s)", where, shape)
                .containsExactlyInAnyOrderElementsOf(
                        members.stream().map(Member::name).toList());
        for (Member member : members) {
            Object value = json.get(member.name());
            String at = where + "." + member.name();
            if (member.list()) {
                assertThat(value).as(at).isInstanceOf(List.class);
                for (Object element : (List<Object>) value) {
                    if (member.shape() == null) {
                        assertThat(element).as(at).isInstanceOf(String.class);
                    } else {
                        assertThat(element).as(at).isInstanceOf(Map.class);
                        assertShape((Map<String, Object>) element, member.shape(), at);
                    }
                }
            } else if (member.shape() != null) {
                if (value != null) {
                    assertThat(value).as(at).isInstanceOf(Map.class);
                    assertShape((Map<String, Object>) value, member.shape(), at);
                }
            } else {
                assertKind(value, KINDS.get(shape + "." + member.name()), at);
            }
        }
    }

    private static void assertKind(Object value, String kind, String at) {
        boolean required = kind.endsWith("!");
        if (value == null) {
            assertThat(required).as("%s is null", at).isFalse();
            return;
        }
        switch (Kind.valueOf(required ? kind.substring(0, kind.length() - 1) : kind)) {
            case TEXT -> assertThat(value).as(at).isInstanceOf(String.class);
            case NUMBER -> assertThat(value).as(at).isInstanceOf(Number.class);
            case INTEGER -> assertThat(value).as(at).isInstanceOfAny(Integer.class, Long.class);
            case BOOLEAN -> assertThat(value).as(at).isInstanceOf(Boolean.class);
            case INSTANT -> parses(value, at, text -> Instant.parse(text));
            case DATE -> parses(value, at, text -> LocalDate.parse(text));
            case OFFSET_DATE_TIME -> parses(value, at, text -> OffsetDateTime.parse(text));
        }
    }

    private static void parses(Object value, String at, java.util.function.Function<String, Object> parser) {
        assertThat(value).as(at).isInstanceOf(String.class);
        try {
            parser.apply((String) value);
        } catch (RuntimeException e) {
            fail("%s is not ISO text: %s", at, value);
        }
    }

    private Map<String, Object> get(String uri, String language) {
        var request = client().get().uri(uri);
        if (language != null) {
            request = request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return request.exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String member) {
        return (List<Map<String, Object>>) body.get(member);
    }
}
