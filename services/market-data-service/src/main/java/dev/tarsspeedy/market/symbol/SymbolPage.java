package dev.tarsspeedy.market.symbol;

import java.util.List;

/**
 * One page of search results, best first.
 *
 * @param items the page's symbols
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many symbols match in all
 */
public record SymbolPage(List<ListedSymbol> items, int page, int size, long total) {

    public SymbolPage {
        items = List.copyOf(items);
    }
}
