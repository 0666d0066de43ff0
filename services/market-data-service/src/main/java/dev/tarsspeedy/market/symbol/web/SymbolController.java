package dev.tarsspeedy.market.symbol.web;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.symbol.ListedSymbol;
import dev.tarsspeedy.market.symbol.SymbolMaster;
import dev.tarsspeedy.market.symbol.SymbolPage;
import dev.tarsspeedy.market.symbol.SymbolSettings;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Symbol search and lookup, public ({@code GET /api/market/**}). */
@RestController
class SymbolController {

    private final SymbolMaster master;
    private final SymbolSettings settings;

    SymbolController(SymbolMaster master, SymbolSettings settings) {
        this.master = master;
        this.settings = settings;
    }

    /**
     * Symbols matching {@code q}: the exact code or ticker first, then codes starting with it, then names (Korean,
     * English, or Korean initial consonants such as {@code ㅅㅅㅈㅈ}) starting with it, then containing it.
     */
    @GetMapping("/api/market/symbols")
    Mono<SymbolPageResponse> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String market,
            @RequestParam(defaultValue = "0") String page,
            @RequestParam(defaultValue = "20") String size) {
        return Mono.defer(() -> {
            // Control characters and path separators are in no stock's name or code: a 400, not an empty page.
            if (q == null
                    || q.isBlank()
                    || q.strip().length() > settings.maxQueryLength()
                    || q.chars().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\')) {
                return Mono.error(SymbolProblems.invalidQuery(settings.maxQueryLength()));
            }
            Market wanted = SymbolProblems.market(market);
            int pageNumber = number(page);
            int pageSize = number(size);
            if (pageNumber < 0 || pageSize < 1 || pageSize > settings.maxPageSize()) {
                return Mono.error(SymbolProblems.invalidPage(settings.maxPageSize()));
            }
            return master.search(q.strip(), wanted, pageNumber, pageSize).map(SymbolPageResponse::of);
        });
    }

    /** One symbol, listed or delisted: 404 {@code unknown-symbol} when the master lacks it, 400 when malformed. */
    @GetMapping("/api/market/symbols/{symbol}")
    Mono<SymbolResponse> get(@PathVariable String symbol) {
        return Mono.defer(() -> {
            if (!Symbol.isWellFormed(symbol)) {
                return Mono.error(SymbolProblems.malformedSymbol(symbol));
            }
            return master.find(Symbol.parse(symbol)).map(SymbolResponse::of).onErrorMap(SymbolProblems::translate);
        });
    }

    /** A page or size parameter; anything not a small integer counts as out of range. */
    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * @param symbol the code or ticker
     * @param nameKo the Korean name, {@code null} when there is none (most US stocks)
     * @param nameEn the English name, {@code null} when no provider gave one yet
     * @param listed {@code false} for a symbol delisted since
     */
    record SymbolResponse(
            String symbol,
            Market market,
            String exchange,
            String nameKo,
            String nameEn,
            String currency,
            boolean listed) {

        static SymbolResponse of(ListedSymbol symbol) {
            return new SymbolResponse(
                    symbol.symbol().code(),
                    symbol.market(),
                    symbol.exchange(),
                    symbol.nameKo(),
                    symbol.nameEn(),
                    symbol.market().currency().getCurrencyCode(),
                    symbol.listed());
        }
    }

    record SymbolPageResponse(List<SymbolResponse> items, int page, int size, long total) {

        static SymbolPageResponse of(SymbolPage page) {
            return new SymbolPageResponse(
                    page.items().stream().map(SymbolResponse::of).toList(), page.page(), page.size(), page.total());
        }
    }
}
