package dev.tarsspeedy.market.symbol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.Listing;
import dev.tarsspeedy.market.support.MarketTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The symbol master on its real table: the stand-in market's listings through the refresh job and the real adapters,
 * plus listings written as the job writes them ({@link SymbolMaster#apply}), searched and looked up over HTTP, with
 * the problems in both languages.
 */
class SymbolApiIT extends MarketTestBase {

    private static final List<Listing> KRX = List.of(
            new Listing(new Symbol("005930"), Market.KRX, "KOSPI", "삼성전자", null),
            new Listing(new Symbol("005935"), Market.KRX, "KOSPI", "삼성전자우", null),
            new Listing(new Symbol("006400"), Market.KRX, "KOSPI", "삼성SDI", null),
            new Listing(new Symbol("000660"), Market.KRX, "KOSPI", "SK하이닉스", null),
            new Listing(new Symbol("035720"), Market.KRX, "KOSPI", "카카오", null));

    /** English names of KRX stocks come from another provider: they must not erase the Korean ones. */
    private static final List<Listing> KRX_ENGLISH = List.of(
            new Listing(new Symbol("005930"), Market.KRX, "KOSPI", null, "Samsung Electronics"),
            new Listing(new Symbol("000660"), Market.KRX, "KOSPI", null, "SK hynix"));

    private static final List<Listing> US = List.of(
            new Listing(new Symbol("AAPL"), Market.US, "NASDAQ", null, "Apple Inc."),
            new Listing(new Symbol("AA"), Market.US, "NYSE", null, "Alcoa Corp"),
            new Listing(new Symbol("AAL"), Market.US, "NASDAQ", null, "American Airlines Group Inc"),
            new Listing(new Symbol("SSNLF"), Market.US, "OTC", null, "Samsung Electronics Co Ltd"));

    @Autowired
    private SymbolMaster master;

    @BeforeEach
    void listings() {
        master.apply(Market.KRX, KRX, false).block();
        master.apply(Market.KRX, KRX_ENGLISH, false).block();
        master.apply(Market.US, US, false).block();
    }

    @Test
    void initialConsonantsFindTheStock() {
        Map<String, Object> page = getOk("/api/market/symbols", Map.of("q", "ㅅㅅㅈㅈ"), "ko");
        assertThat(items(page))
                .extracting(item -> item.get("symbol"))
                .startsWith("005930")
                .contains("005935");
        assertThat(items(page).getFirst())
                .containsEntry("nameKo", "삼성전자")
                .containsEntry("nameEn", "Samsung Electronics")
                .containsEntry("market", "KRX")
                .containsEntry("exchange", "KOSPI")
                .containsEntry("currency", "KRW")
                .containsEntry("listed", true);
        assertThat(items(getOk("/api/market/symbols", Map.of("q", "삼ㅅ"), null)))
                .extracting(item -> item.get("symbol"))
                .contains("005930", "006400");
        assertThat(items(getOk("/api/market/symbols", Map.of("q", "ㅋㅋㅇ"), null)))
                .extracting(item -> item.get("symbol"))
                .first()
                .isEqualTo("035720");
    }

    @Test
    void theExactCodeComesFirstThenPrefixesThenNames() {
        List<Object> aa = items(getOk("/api/market/symbols", Map.of("q", "aa", "size", "50"), null)).stream()
                .map(item -> item.get("symbol"))
                .toList();
        // The exact ticker, then tickers starting with it, shorter first: AAL before AAPL.
        assertThat(aa).startsWith("AA", "AAL").contains("AAPL");
        assertThat(aa.indexOf("AAL")).isLessThan(aa.indexOf("AAPL"));
        assertThat(items(getOk("/api/market/symbols", Map.of("q", "005930"), null)))
                .extracting(item -> item.get("symbol"))
                .first()
                .isEqualTo("005930");
        Map<String, Object> samsung = getOk("/api/market/symbols", Map.of("q", "Samsung", "size", "2"), null);
        assertThat(samsung).containsEntry("page", 0).containsEntry("size", 2);
        assertThat(((Number) samsung.get("total")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(items(samsung)).hasSize(2);
        assertThat(items(getOk("/api/market/symbols", Map.of("q", "samsung", "size", "50"), null)))
                .extracting(item -> item.get("symbol"))
                .contains("005930", "SSNLF");
        assertThat(items(getOk("/api/market/symbols", Map.of("q", "samsung", "market", "us"), null)))
                .extracting(item -> item.get("market"))
                .containsOnly("US")
                .isNotEmpty();
    }

    @Test
    void oneSymbolByItsCode() {
        assertThat(getOk("/api/market/symbols/AAPL", Map.of(), null))
                .containsEntry("symbol", "AAPL")
                .containsEntry("nameEn", "Apple Inc.")
                .containsEntry("currency", "USD");
        assertThat(getOk("/api/market/symbols/aapl", Map.of(), null)).containsEntry("symbol", "AAPL");
        assertThat(master.isListed(new Symbol("005930")).block()).isTrue();
        assertThat(master.isListed(new Symbol("999999")).block()).isFalse();
    }

    @Test
    void theRefreshJobReadsEveryProvidersListingsAndTheEnglishNames() {
        jobs.runNow(jobs.job("market-symbol-refresh"));
        // FSC lists the stand-in's KRX master in Korean, Finnhub its US master; KIS adds the English names.
        for (var listing : MARKET.listings(dev.tarsspeedy.standin.market.Market.KRX)) {
            assertThat(count(
                            "select count(*) from symbol where code = :code and market = 'KRX' and listed",
                            "code",
                            listing.symbol()))
                    .as(listing.symbol())
                    .isOne();
        }
        for (var listing : MARKET.listings(dev.tarsspeedy.standin.market.Market.US)) {
            assertThat(count(
                            "select count(*) from symbol where code = :code and market = 'US' and listed",
                            "code",
                            listing.symbol()))
                    .as(listing.symbol())
                    .isOne();
        }
        // The same first run has asked KIS for the English name of every KRX row without one: English pages show
        // "Samsung Electronics" from the start, not after hours of capped hourly runs.
        Map<String, String> english = new java.util.HashMap<>();
        MARKET.listings(dev.tarsspeedy.standin.market.Market.KRX)
                .forEach(listing -> english.put(listing.symbol(), listing.englishName()));
        // 005930 and 000660 got theirs from this test's own listings.
        List<Map.Entry<String, String>> named = database.sql(
                        "select code, name_en from symbol where market = 'KRX' and name_en is not null"
                                + " and code <> '005930' and code <> '000660'")
                .map(row -> Map.entry(row.get("code", String.class), row.get("name_en", String.class)))
                .all()
                .filter(entry -> english.containsKey(entry.getKey()))
                .collectList()
                .block();
        assertThat(named)
                .as("every KRX listing of the stand-in named in English after one run")
                .hasSize(english.size() - 2);
        for (Map.Entry<String, String> entry : named) {
            assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(english.get(entry.getKey()));
        }
        assertThat(count("select count(*) from symbol where market = 'KRX' and listed and name_en is null"))
                .isZero();
        assertThat(count("select count(*) from symbol where market = 'KRX' and name_ko is null"))
                .isZero();
        assertThat(items(getOk("/api/market/symbols", Map.of("q", "ㅅㅅㅂㅇ"), null)))
                .extracting(item -> item.get("symbol"))
                .first()
                .isEqualTo("207940");
    }

    @Test
    void aCompleteRefreshDelistsWhatItNoLongerLists() {
        List<Listing> withGone = List.of(
                new Listing(new Symbol("ZZGO"), Market.US, "NYSE", null, "Gone Soon Corp"),
                new Listing(new Symbol("ZZST"), Market.US, "NYSE", null, "Stays Corp"));
        master.apply(Market.US, withGone, false).block();
        // Every US row listed now, but ZZGO: as if every US provider had answered without it.
        List<Listing> all = database.sql("select code, exchange, name_en from symbol where market = 'US' and listed")
                .map(row -> new Listing(
                        new Symbol(row.get("code", String.class)),
                        Market.US,
                        row.get("exchange", String.class),
                        null,
                        row.get("name_en", String.class)))
                .all()
                .filter(listing -> !listing.symbol().code().equals("ZZGO"))
                .collectList()
                .block();
        SymbolMaster.Applied applied = master.apply(Market.US, all, true).block();
        assertThat(applied.delisted()).isEqualTo(1);

        assertThat(getOk("/api/market/symbols/ZZGO", Map.of(), null)).containsEntry("listed", false);
        assertThat(master.isListed(new Symbol("ZZGO")).block()).isFalse();
        assertThat(items(getOk("/api/market/symbols", Map.of("q", "ZZ", "market", "US"), null)))
                .extracting(item -> item.get("symbol"))
                .containsExactly("ZZST");
        assertThat(count("select count(*) from symbol where market = 'US' and not listed"))
                .isOne();
    }

    @Test
    void badInputIsAProblemInBothLanguages() {
        Map<String, Object> unknownKo = assertProblem(
                get("/api/market/symbols/999999", Map.of(), "ko"), HttpStatus.NOT_FOUND, "unknown-symbol");
        assertThat(unknownKo)
                .containsEntry("title", "알 수 없는 종목")
                .containsEntry("detail", "999999 종목 코드로 상장된 종목이 없습니다.")
                .containsEntry("symbol", "999999");
        assertThat(assertProblem(
                        get("/api/market/symbols/ZZZZ", Map.of(), "en"), HttpStatus.NOT_FOUND, "unknown-symbol"))
                .containsEntry("title", "Unknown symbol")
                .containsEntry("detail", "No listed stock has the symbol ZZZZ.");

        assertThat(assertProblem(
                        get("/api/market/symbols/TOOLONGTICKER", Map.of(), "ko"),
                        HttpStatus.BAD_REQUEST,
                        "malformed-symbol"))
                .containsEntry("title", "잘못된 종목 코드");
        assertThat(assertProblem(
                        get("/api/market/symbols/00593", Map.of(), "en"), HttpStatus.BAD_REQUEST, "malformed-symbol"))
                .containsEntry(
                        "detail",
                        "'00593' is not a KRX code (six characters, e.g. 005930) or a US ticker (e.g. AAPL).");

        assertThat(assertProblem(
                        get("/api/market/symbols", Map.of("q", " "), "ko"),
                        HttpStatus.BAD_REQUEST,
                        "invalid-search-query"))
                .containsEntry("detail", "검색어 q는 1자에서 50자 사이여야 합니다.");
        assertProblem(get("/api/market/symbols", Map.of(), "en"), HttpStatus.BAD_REQUEST, "invalid-search-query");
        assertThat(assertProblem(
                        get("/api/market/symbols", Map.of("q", "a".repeat(51)), "en"),
                        HttpStatus.BAD_REQUEST,
                        "invalid-search-query"))
                .containsEntry("detail", "The search text q must have 1 to 50 characters.");

        assertThat(assertProblem(
                        get("/api/market/symbols", Map.of("q", "삼성", "size", "500"), "ko"),
                        HttpStatus.BAD_REQUEST,
                        "invalid-page"))
                .containsEntry("detail", "page는 0 이상, size는 1에서 50 사이여야 합니다.");
        assertProblem(
                get("/api/market/symbols", Map.of("q", "삼성", "page", "-1"), "en"),
                HttpStatus.BAD_REQUEST,
                "invalid-page");
        assertThat(assertProblem(
                        get("/api/market/symbols", Map.of("q", "삼성", "market", "LSE"), "en"),
                        HttpStatus.BAD_REQUEST,
                        "unknown-market"))
                .containsEntry("detail", "'LSE' is not a market: use one of KRX, US.");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
    /** A GET of {@code path} with the query parameters (encoded), in {@code language} ({@code null}: no header). */
    private WebTestClient.ResponseSpec get(String path, Map<String, String> query, String language) {
        WebTestClient.RequestHeadersSpec<?> request = client().get().uri(builder -> {
            UriBuilder uri = builder.path(path);
            query.forEach((name, value) -> uri.queryParam(name, "{" + name + "}"));
            return uri.build(query);
        });
        if (language != null) {
            request = request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return request.exchange();
    }

    private Map<String, Object> getOk(String path, Map<String, String> query, String language) {
        return get(path, query, language)
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }
}
