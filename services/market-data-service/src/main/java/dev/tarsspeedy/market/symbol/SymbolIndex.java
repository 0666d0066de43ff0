package dev.tarsspeedy.market.symbol;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The symbol master in memory, for search: one immutable snapshot of the table (about 2,500 KRX and 10,000 US rows,
 * a few megabytes), replaced whole when the table changes. A search scans it once and ranks every match:
 *
 * <ol>
 *   <li>the exact code or ticker;
 *   <li>codes starting with the query;
 *   <li>names (Korean or English, any case, blanks ignored) starting with it, where a typed initial consonant
 *       matches any syllable starting with it ({@code ㅅㅅㅈㅈ}, {@code 삼ㅅ});
 *   <li>names containing it the same way;
 * </ol>
 *
 * within a rank shorter codes (code ranks) or shorter names (name ranks) first, then by code. Delisted symbols are left out. Why memory and not SQL: the initial-consonant
 * and mixed matching is a per-character rule no index serves, one- and two-character queries (the usual Korean ones)
 * are below what trigram indexes help with, and the whole master fits in memory many times over.
 */
final class SymbolIndex {

    private static final int EXACT_CODE = 0;
    private static final int CODE_PREFIX = 1;
    private static final int NAME_PREFIX = 2;
    private static final int NAME_CONTAINS = 3;

    private final Map<Symbol, ListedSymbol> bySymbol;
    private final List<Entry> entries;
    private final SymbolRepository.MasterVersion version;

    SymbolIndex(List<ListedSymbol> symbols, SymbolRepository.MasterVersion version) {
        this.version = version;
        Map<Symbol, ListedSymbol> map = new HashMap<>();
        List<Entry> list = new ArrayList<>(symbols.size());
        for (ListedSymbol symbol : symbols) {
            map.put(symbol.symbol(), symbol);
            if (symbol.listed()) {
                list.add(new Entry(
                        symbol,
                        symbol.nameKo() == null ? null : HangulInitials.fold(symbol.nameKo()),
                        symbol.nameEn() == null ? null : HangulInitials.fold(symbol.nameEn())));
            }
        }
        this.bySymbol = Map.copyOf(map);
        this.entries = List.copyOf(list);
    }

    SymbolRepository.MasterVersion version() {
        return version;
    }

    ListedSymbol get(Symbol symbol) {
        return bySymbol.get(symbol);
    }

    int size() {
        return bySymbol.size();
    }

    /** The matches of {@code query} in {@code market} ({@code null}: both), best first, one page of them. */
    SymbolPage search(String query, Market market, int page, int size) {
        String code = query.strip().toUpperCase(Locale.ROOT);
        String folded = HangulInitials.fold(query);
        List<Match> matches = new ArrayList<>();
        for (Entry entry : entries) {
            if (market != null && entry.symbol.market() != market) {
                continue;
            }
            int rank = rank(entry, code, folded);
            if (rank >= 0) {
                matches.add(new Match(rank, entry));
            }
        }
        matches.sort(Comparator.comparingInt(Match::rank)
                .thenComparingInt(match -> match.rank <= CODE_PREFIX
                        ? match.entry.symbol.symbol().code().length()
                        : match.entry.nameLength())
                .thenComparing(match -> match.entry.symbol.symbol().code()));
        long from = (long) page * size;
        List<ListedSymbol> items = from >= matches.size()
                ? List.of()
                : matches.subList((int) from, (int) Math.min(matches.size(), from + size)).stream()
                        .map(match -> match.entry.symbol)
                        .toList();
        return new SymbolPage(items, page, size, matches.size());
    }

    private static int rank(Entry entry, String code, String folded) {
        String symbol = entry.symbol.symbol().code();
        if (symbol.equals(code)) {
            return EXACT_CODE;
        }
        if (!code.isEmpty() && symbol.startsWith(code)) {
            return CODE_PREFIX;
        }
        if (folded.isEmpty()) {
            return -1;
        }
        int best = Math.min(position(entry.ko, folded), position(entry.en, folded));
        if (best == Integer.MAX_VALUE) {
            return -1;
        }
        return best == 0 ? NAME_PREFIX : NAME_CONTAINS;
    }

    private static int position(String name, String folded) {
        if (name == null) {
            return Integer.MAX_VALUE;
        }
        int at = HangulInitials.indexOf(name, folded);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    private record Entry(ListedSymbol symbol, String ko, String en) {

        Entry {
            Objects.requireNonNull(symbol);
        }

        int nameLength() {
            return ko != null ? ko.length() : en.length();
        }
    }

    private record Match(int rank, Entry entry) {}
}
