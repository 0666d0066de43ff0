package dev.tarsspeedy.standin.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped master: enough rows, well formed, prices on the grid, the known facts right. */
class SymbolMasterTest {

    private final SymbolMaster master = SymbolMaster.load();

    @Test
    void shipsAtLeastTwoHundredListingsPerMarket() {
        List<Listing> krx = master.listings(Market.KRX);
        List<Listing> us = master.listings(Market.US);

        assertThat(krx).hasSizeGreaterThanOrEqualTo(200);
        assertThat(us).hasSizeGreaterThanOrEqualTo(200);
        assertThat(krx).allSatisfy(l -> {
            assertThat(l.symbol()).matches("\\d{6}");
            assertThat(l.exchange()).isIn("KOSPI", "KOSDAQ");
            assertThat(l.name()).isNotBlank();
            assertThat(l.englishName()).isNotBlank();
            assertThat(l.referencePrice()
                            .remainder(BigDecimal.valueOf(
                                    Ticks.krxTick(l.referencePrice().doubleValue()))))
                    .isZero();
        });
        assertThat(krx).anyMatch(l -> l.exchange().equals("KOSDAQ"));
        assertThat(us).allSatisfy(l -> {
            assertThat(l.symbol()).matches("[A-Z]{1,5}");
            assertThat(l.exchange()).isIn("NYSE", "NASDAQ");
            assertThat(l.referencePrice().scale()).isEqualTo(2);
        });
    }

    @Test
    void knownListingsAreRight() {
        assertThat(master.find("005930")).hasValueSatisfying(l -> {
            assertThat(l.name()).isEqualTo("삼성전자");
            assertThat(l.englishName()).isEqualTo("Samsung Electronics");
            assertThat(l.exchange()).isEqualTo("KOSPI");
            assertThat(l.isin()).isEqualTo("KR7005930003");
            assertThat(l.currency()).isEqualTo("KRW");
        });
        assertThat(master.find("000660").orElseThrow().isin()).isEqualTo("KR7000660001");
        assertThat(master.find("035720").orElseThrow().name()).isEqualTo("카카오");
        assertThat(master.find("373220").orElseThrow().englishName()).isEqualTo("LG Energy Solution");
        assertThat(master.find("AAPL")).hasValueSatisfying(l -> {
            assertThat(l.exchange()).isEqualTo("NASDAQ");
            assertThat(l.currency()).isEqualTo("USD");
            assertThat(l.isin()).isEmpty();
        });
        assertThat(master.find("JPM").orElseThrow().exchange()).isEqualTo("NYSE");
    }

    @Test
    void syntheticListingsComeAfterTheRealOnesWithCodesOfTheirOwn() {
        try (MarketStandIn market = MarketStandIn.start(MarketStandIn.options().syntheticKrxListings(2_500))) {
            List<Listing> krx = market.listings(Market.KRX);
            assertThat(krx).hasSize(master.listings(Market.KRX).size() + 2_500);
            Listing first = krx.get(master.listings(Market.KRX).size());
            assertThat(first.symbol()).isEqualTo("800000");
            assertThat(first.englishName()).isEqualTo("Synthetic 0001");
            assertThat(krx.stream().map(Listing::symbol).distinct().count()).isEqualTo(krx.size());
            assertThat(market.price(krx.getLast().symbol()))
                    .hasValueSatisfying(p -> assertThat(p).isPositive());
        }
    }

    @Test
    void krxTicksFollowTheGrid() {
        assertThat(Ticks.round(Market.KRX, 1_999.4)).isEqualByComparingTo("1999");
        assertThat(Ticks.round(Market.KRX, 2_003)).isEqualByComparingTo("2005");
        assertThat(Ticks.round(Market.KRX, 71_049)).isEqualByComparingTo("71000");
        assertThat(Ticks.round(Market.KRX, 71_051)).isEqualByComparingTo("71100");
        assertThat(Ticks.round(Market.KRX, 333_333)).isEqualByComparingTo("333500");
        assertThat(Ticks.round(Market.KRX, 812_345)).isEqualByComparingTo("812000");
        assertThat(Ticks.round(Market.KRX, 0.2)).isEqualByComparingTo("1");
        assertThat(Ticks.round(Market.US, 123.456)).isEqualByComparingTo("123.46");
    }
}
