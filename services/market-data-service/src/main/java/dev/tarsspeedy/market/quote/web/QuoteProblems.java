package dev.tarsspeedy.market.quote.web;

import dev.tarsspeedy.market.quote.NoQuoteYetException;
import dev.tarsspeedy.market.symbol.UnknownSymbolException;
import dev.tarsspeedy.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Quote errors as problems, details from the bundles in the reader's language; other errors pass through. */
final class QuoteProblems {

    private QuoteProblems() {}

    static Throwable translate(Throwable error) {
        return switch (error) {
            case UnknownSymbolException unknown ->
                ProblemException.localized(
                                HttpStatus.NOT_FOUND,
                                "unknown-symbol",
                                "unknown-symbol.detail",
                                unknown.symbol().code())
                        .with("symbol", unknown.symbol().code());
            case NoQuoteYetException none ->
                ProblemException.localized(
                                HttpStatus.NOT_FOUND,
                                "no-quote-yet",
                                "no-quote-yet.detail",
                                none.symbol().code())
                        .with("symbol", none.symbol().code())
                        .withHeader("Retry-After", "5");
            default -> error;
        };
    }

    static ProblemException malformedSymbol(String text) {
        return ProblemException.localized(HttpStatus.BAD_REQUEST, "malformed-symbol", "malformed-symbol.detail", text)
                .with("symbol", text);
    }

    static ProblemException noSymbols() {
        return ProblemException.localized(HttpStatus.BAD_REQUEST, "malformed-symbol", "malformed-symbol.none");
    }

    static ProblemException tooManySymbols(int given, int most) {
        return ProblemException.localized(
                        HttpStatus.BAD_REQUEST, "too-many-symbols", "too-many-symbols.detail", given, most)
                .with("limit", most);
    }

    static ProblemException badRange(String text) {
        return ProblemException.localized(HttpStatus.BAD_REQUEST, "bad-range", "bad-range.detail", text)
                .with("range", text);
    }
}
