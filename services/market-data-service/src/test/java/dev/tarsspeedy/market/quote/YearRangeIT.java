package dev.tarsspeedy.market.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.market.QuoteUpdated;
import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.support.MarketTestBase;
import dev.tarsspeedy.standin.market.Provider;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Polling quotes KRX symbols with KIS's multi-quote and US symbols with Finnhub's quote, neither with a 52-week high or
 * low; the alert service's 52-week alerts read them from every {@code QuoteUpdated}, so the service fills them in from
 * the stored year of daily bars (KRX) or Finnhub's basic financials (US) and the day's prices.
 */
class YearRangeIT extends MarketTestBase {

    @Test
    void polledQuotesCarryThe52WeekRangeOfTheStoredYear() {
        goToSession(Market.KRX, Duration.ofMinutes(30));
        String first = krxSymbol(44);
        String second = krxSymbol(45);
        follow(first);
        follow(second);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> quoteCached(first) && quoteCached(second) && bars(first) > 200 && bars(second) > 200);
        awaitProvidersQuiet();

        // Both due at once: one multi-quote call for the two.
        CLOCK.advance(Duration.ofSeconds(31));
        long multi = MARKET.calls().count(Provider.KIS, "intstock-multprice");
        poll();
        assertThat(MARKET.calls().count(Provider.KIS, "intstock-multprice"))
                .as("polled with the multi-quote")
                .isGreaterThan(multi);

        Map<String, Object> quote = quote(first);
        LocalDate day = LocalDate.parse((String) quote.get("tradingDay"));
        BigDecimal storedHigh = stored("max(coalesce(high, close))", first, day);
        BigDecimal storedLow = stored("min(coalesce(low, close))", first, day);
        BigDecimal price = decimal(quote, "price");
        BigDecimal expectedHigh = storedHigh.max(price).max(orElse(decimal(quote, "high"), price));
        BigDecimal expectedLow = storedLow.min(price).min(orElse(decimal(quote, "low"), price));

        assertThat(quote).containsEntry("source", "KIS");
        assertThat(decimal(quote, "high52w")).as("52-week high").isEqualByComparingTo(expectedHigh);
        assertThat(decimal(quote, "low52w")).as("52-week low").isEqualByComparingTo(expectedLow);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> quoteUpdates(first).getLast().price().compareTo(price) == 0);
        QuoteUpdated published = quoteUpdates(first).getLast();
        assertThat(published.high52w()).isEqualByComparingTo(expectedHigh);
        assertThat(published.low52w()).isEqualByComparingTo(expectedLow);
    }

    @Test
    void usQuotesCarryThe52WeekRangeOfFinnhubsBasicFinancialsAskedOnceADay() {
        goToSession(Market.US, Duration.ofMinutes(30));
        String symbol = usSymbol(5);
        long metricCalls = MARKET.calls().count(Provider.FINNHUB, "metric");
        follow(symbol);
        await().atMost(Duration.ofSeconds(10)).until(() -> quoteCached(symbol));
        CLOCK.advance(Duration.ofSeconds(61));
        poll();

        Map<String, Object> quote = quote(symbol);
        assertThat(quote).containsEntry("source", "FINNHUB");
        LocalDate day = LocalDate.parse((String) quote.get("tradingDay"));
        BigDecimal price = decimal(quote, "price");
        BigDecimal expectedHigh = MARKET.history(symbol, day.minusWeeks(52), day.minusDays(1)).stream()
                .map(dev.tarsspeedy.standin.market.DailyBar::high)
                .reduce(price.max(orElse(decimal(quote, "high"), price)), BigDecimal::max);
        BigDecimal expectedLow = MARKET.history(symbol, day.minusWeeks(52), day.minusDays(1)).stream()
                .map(dev.tarsspeedy.standin.market.DailyBar::low)
                .reduce(price.min(orElse(decimal(quote, "low"), price)), BigDecimal::min);
        assertThat(decimal(quote, "high52w")).as("52-week high").isEqualByComparingTo(expectedHigh);
        assertThat(decimal(quote, "low52w")).as("52-week low").isEqualByComparingTo(expectedLow);
        assertThat(MARKET.calls().count(Provider.FINNHUB, "metric"))
                .as("basic financials asked once for the day")
                .isEqualTo(metricCalls + 1);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> quoteUpdates(symbol).getLast().price().compareTo(price) == 0);
        assertThat(quoteUpdates(symbol).getLast().high52w()).isEqualByComparingTo(expectedHigh);
    }

    private long bars(String symbol) {
        return count("select count(*) from quote_history where symbol = :symbol", "symbol", symbol);
    }

    /** An aggregate of the stored bars of the 52 weeks before {@code day}. */
    private BigDecimal stored(String aggregate, String symbol, LocalDate day) {
        return database.sql("select " + aggregate + " from quote_history"
                        + " where symbol = :symbol and trading_day >= :from and trading_day < :day")
                .bind("symbol", symbol)
                .bind("from", day.minusWeeks(52))
                .bind("day", day)
                .map(row -> row.get(0, BigDecimal.class))
                .one()
                .block(Duration.ofSeconds(10));
    }

    private static BigDecimal decimal(Map<String, Object> quote, String member) {
        Object value = quote.get(member);
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static BigDecimal orElse(BigDecimal value, BigDecimal otherwise) {
        return value != null ? value : otherwise;
    }
}
