package dev.tarsspeedy.market.symbol.web;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.symbol.UnknownSymbolException;
import dev.tarsspeedy.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** The symbol endpoints' errors as problems, with details from the bundles in the reader's language. */
final class SymbolProblems {

    private static final String MARKETS =
            Arrays.stream(Market.values()).map(Enum::name).collect(Collectors.joining(", "));

    private SymbolProblems() {}

    static Throwable translate(Throwable error) {
        return error instanceof UnknownSymbolException unknown
                ? ProblemException.localized(
                                HttpStatus.NOT_FOUND,
                                "unknown-symbol",
                                "unknown-symbol.detail",
                                unknown.symbol().code())
                        .with("symbol", unknown.symbol().code())
                : error;
    }

    static ProblemException malformedSymbol(String text) {
        String shown = shorten(text);
        return ProblemException.localized(HttpStatus.BAD_REQUEST, "malformed-symbol", "malformed-symbol.detail", shown)
                .with("symbol", shown);
    }

    static ProblemException invalidQuery(int maxLength) {
        return ProblemException.localized(
                        HttpStatus.BAD_REQUEST, "invalid-search-query", "invalid-search-query.detail", maxLength)
                .with("maxLength", maxLength);
    }

    static ProblemException invalidPage(int maxSize) {
        return ProblemException.localized(HttpStatus.BAD_REQUEST, "invalid-page", "invalid-page.detail", maxSize)
                .with("maxSize", maxSize);
    }

    /** The market named by the parameter (any case), {@code null} for none, or the {@code unknown-market} problem. */
    static Market market(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        for (Market market : Market.values()) {
            if (market.name().equals(name)) {
                return market;
            }
        }
        String shown = shorten(text);
        throw ProblemException.localized(
                        HttpStatus.BAD_REQUEST, "unknown-market", "unknown-market.detail", shown, MARKETS)
                .with("market", shown);
    }

    private static String shorten(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
