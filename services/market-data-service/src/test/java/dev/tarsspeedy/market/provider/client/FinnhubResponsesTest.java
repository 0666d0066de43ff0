package dev.tarsspeedy.market.provider.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.Listing;
import dev.tarsspeedy.market.provider.ProviderException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Finnhub's answers as the free tier sends them. */
class FinnhubResponsesTest {

    private static final Symbol APPLE = Symbol.parse("AAPL");

    @Test
    void aQuoteTakesItsTimeFromT() {
        String body = "{\"c\":261.74,\"d\":-2.51,\"dp\":-0.9498,\"h\":263.31,\"l\":260.68,\"o\":261.07,\"pc\":264.25,"
                + "\"t\":1772553600}";
        assertThat(FinnhubResponses.quote(APPLE, FinnhubResponses.success(200, body), false))
                .hasValueSatisfying(quote -> {
                    assertThat(quote.price()).isEqualByComparingTo("261.74");
                    assertThat(quote.change()).isEqualByComparingTo("-2.51");
                    assertThat(quote.previousClose()).isEqualByComparingTo("264.25");
                    assertThat(quote.asOf()).isEqualTo(Instant.ofEpochSecond(1772553600));
                    assertThat(quote.volume()).isNull();
                });
    }

    @Test
    void basicFinancialsGiveThe52WeekRange() {
        String body = """
                {"metric":{"10DayAverageTradingVolume":43.5,"52WeekHigh":260.1,"52WeekHighDate":"2025-12-03",
                 "52WeekLow":169.2101,"52WeekLowDate":"2025-04-08","beta":1.2},
                 "metricType":"all","series":{},"symbol":"AAPL"}""";
        assertThat(FinnhubResponses.yearRange(APPLE, FinnhubResponses.success(200, body)))
                .hasValueSatisfying(range -> {
                    assertThat(range.high()).isEqualByComparingTo("260.1");
                    assertThat(range.low()).isEqualByComparingTo("169.2101");
                });
        String none = "{\"metric\":{},\"metricType\":\"\",\"series\":{},\"symbol\":\"\"}";
        assertThat(FinnhubResponses.yearRange(APPLE, FinnhubResponses.success(200, none)))
                .isEmpty();
        String zeros = "{\"metric\":{\"52WeekHigh\":0,\"52WeekLow\":0}}";
        assertThat(FinnhubResponses.yearRange(APPLE, FinnhubResponses.success(200, zeros)))
                .isEmpty();
    }

    @Test
    void zerosAreNoQuote() {
        String zeros = "{\"c\":0,\"d\":null,\"dp\":null,\"h\":0,\"l\":0,\"o\":0,\"pc\":0,\"t\":0}";
        assertThat(FinnhubResponses.quote(APPLE, FinnhubResponses.success(200, zeros), false))
                .isEmpty();
    }

    @Test
    void statusesAreFailures() {
        assertThatThrownBy(() -> FinnhubResponses.success(
                        429, "{\"error\":\"API limit reached. Please try again later. Remaining Limit: 0\"}"))
                .isInstanceOf(ProviderException.RateLimited.class)
                .hasMessageContaining("API limit reached");
        assertThatThrownBy(() -> FinnhubResponses.success(401, "{\"error\":\"Invalid API key\"}"))
                .isInstanceOf(ProviderException.BadCredentials.class);
        assertThatThrownBy(() -> FinnhubResponses.success(502, "<html>Bad Gateway</html>"))
                .isInstanceOf(ProviderException.Unavailable.class);
    }

    @Test
    void theMasterKeepsCommonStocksOnTheMainVenues() {
        String body = """
                [{"currency":"USD","description":"APPLE INC","displaySymbol":"AAPL","figi":"BBG000B9XRY4",
                  "mic":"XNAS","symbol":"AAPL","type":"Common Stock"},
                 {"currency":"USD","description":"BERKSHIRE HATHAWAY INC-CL B","displaySymbol":"BRK.B",
                  "figi":"BBG000DWG505","mic":"XNYS","symbol":"BRK.B","type":"Common Stock"},
                 {"currency":"USD","description":"SPDR S&P 500 ETF TRUST","displaySymbol":"SPY","figi":"BBG000BDTBL9",
                  "mic":"ARCX","symbol":"SPY","type":"ETP"},
                 {"currency":"USD","description":"SOME OTC CO","displaySymbol":"SOTCF","figi":"X","mic":"OOTC",
                  "symbol":"SOTCF","type":"Common Stock"}]""";
        assertThat(FinnhubResponses.listings(FinnhubResponses.success(200, body)))
                .extracting(listing -> listing.symbol().code(), Listing::exchange, Listing::nameEn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("AAPL", "NASDAQ", "APPLE INC"),
                        org.assertj.core.groups.Tuple.tuple("BRK.B", "NYSE", "BERKSHIRE HATHAWAY INC-CL B"));
    }
}
