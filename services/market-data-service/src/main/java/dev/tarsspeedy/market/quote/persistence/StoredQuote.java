package dev.tarsspeedy.market.quote.persistence;

import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.market.provider.ProviderQuote;
import dev.tarsspeedy.market.quote.Freshness;
import dev.tarsspeedy.market.quote.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.databind.json.JsonMapper;

/** A quote as JSON in Redis (the latest quote, the streams' feed): flat, every field by name. */
record StoredQuote(
        String symbol,
        String source,
        BigDecimal price,
        BigDecimal change,
        BigDecimal changePercent,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal previousClose,
        Long volume,
        BigDecimal high52w,
        BigDecimal low52w,
        Instant asOf,
        boolean endOfDay,
        boolean simulated,
        String freshness,
        LocalDate tradingDay,
        boolean inSession,
        Instant fetchedAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static String toJson(Quote quote) {
        ProviderQuote q = quote.provider();
        return JSON.writeValueAsString(new StoredQuote(
                q.symbol().code(),
                q.source().name(),
                q.price(),
                q.change(),
                q.changePercent(),
                q.open(),
                q.high(),
                q.low(),
                q.previousClose(),
                q.volume(),
                q.high52w(),
                q.low52w(),
                q.asOf(),
                q.endOfDay(),
                q.simulated(),
                quote.freshness().name(),
                quote.tradingDay(),
                quote.inSession(),
                quote.fetchedAt()));
    }

    static Quote fromJson(String json) {
        StoredQuote s = JSON.readValue(json, StoredQuote.class);
        return new Quote(
                new ProviderQuote(
                        new Symbol(s.symbol),
                        ProviderName.valueOf(s.source),
                        s.price,
                        s.change,
                        s.changePercent,
                        s.open,
                        s.high,
                        s.low,
                        s.previousClose,
                        s.volume,
                        s.high52w,
                        s.low52w,
                        s.asOf,
                        s.endOfDay,
                        s.simulated),
                Freshness.valueOf(s.freshness),
                s.tradingDay,
                s.inSession,
                s.fetchedAt);
    }
}
