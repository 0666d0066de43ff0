package dev.tarsspeedy.market.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.market.provider.ProviderQuote;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteRulesTest {

    private static final Instant AT = Instant.parse("2026-12-07T01:00:00Z");

    @Test
    void aQuoteDiffersWhenPriceVolumeOrFreshnessDoes() {
        Quote quote = quote("70000", 10L, Freshness.LIVE);

        assertThat(quote.differsFrom(null)).isTrue();
        assertThat(quote.differsFrom(quote("70000.00", 10L, Freshness.LIVE))).isFalse();
        assertThat(quote.differsFrom(quote("70100", 10L, Freshness.LIVE))).isTrue();
        assertThat(quote.differsFrom(quote("70000", 11L, Freshness.LIVE))).isTrue();
        assertThat(quote.differsFrom(quote("70000", 10L, Freshness.STALE))).isTrue();
    }

    @Test
    void rangesAreTheFiveCodes() {
        assertThat(HistoryRange.parse("1D")).contains(HistoryRange.ONE_DAY);
        assertThat(HistoryRange.parse("1y")).contains(HistoryRange.ONE_YEAR);
        assertThat(HistoryRange.parse("2y")).isEmpty();
        assertThat(HistoryRange.parse(null)).isEmpty();
        assertThat(HistoryRange.FIVE_DAYS.from(LocalDate.of(2026, 12, 7))).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void callsTakeAtMostTheProvidersSymbolsPerCall() {
        assertThat(QuoteFetcher.partition(List.of(1, 2, 3, 4, 5), 2))
                .containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
        assertThat(QuoteFetcher.partition(List.of(), 30)).isEmpty();
    }

    private static Quote quote(String price, Long volume, Freshness freshness) {
        return new Quote(
                new ProviderQuote(
                        Symbol.parse("005930"),
                        ProviderName.KIS,
                        new BigDecimal(price),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        volume,
                        null,
                        null,
                        AT,
                        false,
                        false),
                freshness,
                LocalDate.of(2026, 12, 7),
                true,
                AT);
    }
}
