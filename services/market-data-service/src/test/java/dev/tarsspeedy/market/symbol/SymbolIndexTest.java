package dev.tarsspeedy.market.symbol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The search's order: exact code, code prefix (shorter codes first), name prefix, name contains (shorter names first),
 * then by code.
 */
class SymbolIndexTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private static ListedSymbol krx(String code, String exchange, String ko, String en) {
        return new ListedSymbol(new Symbol(code), Market.KRX, exchange, ko, en, true, NOW);
    }

    private static ListedSymbol us(String code, String exchange, String en) {
        return new ListedSymbol(new Symbol(code), Market.US, exchange, null, en, true, NOW);
    }

    private static final SymbolIndex INDEX = new SymbolIndex(
            List.of(
                    krx("005930", "KOSPI", "삼성전자", "Samsung Electronics"),
                    krx("005935", "KOSPI", "삼성전자우", "Samsung Electronics (Pref.)"),
                    krx("006400", "KOSPI", "삼성SDI", "Samsung SDI"),
                    krx("028260", "KOSPI", "삼성물산", "Samsung C&T"),
                    krx("207940", "KOSPI", "삼성바이오로직스", "Samsung Biologics"),
                    krx("000660", "KOSPI", "SK하이닉스", "SK hynix"),
                    krx("066570", "KOSPI", "LG전자", "LG Electronics"),
                    krx("009150", "KOSPI", "삼성전기", null),
                    new ListedSymbol(new Symbol("000990"), Market.KRX, "KOSPI", "옛삼성", null, false, NOW),
                    us("AAPL", "NASDAQ", "Apple Inc."),
                    us("AA", "NYSE", "Alcoa Corp"),
                    us("AAL", "NASDAQ", "American Airlines Group Inc"),
                    us("SSNLF", "OTC", "Samsung Electronics Co Ltd")),
            new SymbolRepository.MasterVersion(13, NOW));

    private static List<String> codes(String query, Market market) {
        return INDEX.search(query, market, 0, 50).items().stream()
                .map(symbol -> symbol.symbol().code())
                .toList();
    }

    @Test
    void theExactCodeComesFirstThenCodePrefixes() {
        assertThat(codes("AA", null)).startsWith("AA", "AAL", "AAPL");
        assertThat(codes("aapl", null)).first().isEqualTo("AAPL");
        assertThat(codes("00593", null)).containsExactly("005930", "005935");
        assertThat(codes("005930", null)).first().isEqualTo("005930");
    }

    @Test
    void koreanNamesByPrefixThenContainingShorterFirst() {
        assertThat(codes("삼성", Market.KRX)).containsExactly("005930", "009150", "028260", "005935", "006400", "207940");
        assertThat(codes("전자", null)).containsExactly("005930", "066570", "005935");
    }

    @Test
    void initialConsonantsAndMixedQueriesFindTheName() {
        assertThat(codes("ㅅㅅㅈㅈ", null)).containsExactly("005930", "005935");
        assertThat(codes("삼ㅅㅈ", null)).containsExactly("005930", "009150", "005935");
        assertThat(codes("ㅎㅇㄴㅅ", null)).containsExactly("000660");
    }

    @Test
    void englishNamesMatchInAnyCase() {
        assertThat(codes("samsung", null)).containsExactly("005930", "028260", "005935", "006400", "207940", "SSNLF");
        assertThat(codes("samsung", Market.US)).containsExactly("SSNLF");
        assertThat(codes("APPLE", null)).containsExactly("AAPL");
        assertThat(codes("hynix", null)).containsExactly("000660");
    }

    @Test
    void delistedSymbolsAreNotFoundButStayKnown() {
        assertThat(codes("옛삼성", null)).isEmpty();
        assertThat(INDEX.get(new Symbol("000990")).listed()).isFalse();
    }

    @Test
    void resultsArePaged() {
        SymbolPage first = INDEX.search("삼성", Market.KRX, 0, 4);
        assertThat(first.total()).isEqualTo(6);
        assertThat(first.items()).hasSize(4);
        SymbolPage second = INDEX.search("삼성", Market.KRX, 1, 4);
        assertThat(second.items()).extracting(symbol -> symbol.symbol().code()).containsExactly("006400", "207940");
        assertThat(INDEX.search("삼성", Market.KRX, 9, 4).items()).isEmpty();
    }
}
