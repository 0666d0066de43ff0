package dev.tarsspeedy.market.calendar.web;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.calendar.CalendarNotCoveredException;
import dev.tarsspeedy.platform.problem.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** The calendar endpoints' bad inputs as problems, with details from the bundles in the reader's language. */
final class CalendarProblems {

    static final String MARKETS = Arrays.stream(Market.values()).map(Enum::name).collect(Collectors.joining(", "));

    private CalendarProblems() {}

    /** The market named by a request parameter (any case), or the {@code unknown-market} problem. */
    static Market market(String text) {
        if (text != null) {
            String name = text.strip().toUpperCase(Locale.ROOT);
            for (Market market : Market.values()) {
                if (market.name().equals(name)) {
                    return market;
                }
            }
        }
        return unknownMarket(text);
    }

    private static Market unknownMarket(String text) {
        String shown = text == null ? "" : text.length() > 20 ? text.substring(0, 20) + "…" : text;
        throw ProblemException.localized(
                        HttpStatus.BAD_REQUEST, "unknown-market", "unknown-market.detail", shown, MARKETS)
                .with("market", shown);
    }

    /** The date in parameter {@code name} ({@code yyyy-MM-dd}), or the {@code invalid-date} problem. */
    static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            String shown = text.length() > 20 ? text.substring(0, 20) + "…" : text;
            throw ProblemException.localized(HttpStatus.BAD_REQUEST, "invalid-date", "invalid-date.detail", name, shown)
                    .with("parameter", name);
        }
    }

    static ProblemException reversed(LocalDate from, LocalDate to) {
        return ProblemException.localized(
                HttpStatus.BAD_REQUEST, "bad-date-range", "bad-date-range.reversed", from.toString(), to.toString());
    }

    static ProblemException tooLong(LocalDate from, LocalDate to, int maxDays) {
        return ProblemException.localized(
                        HttpStatus.BAD_REQUEST,
                        "bad-date-range",
                        "bad-date-range.too-long",
                        from.toString(),
                        to.toString(),
                        maxDays)
                .with("maxDays", maxDays);
    }

    static ProblemException notCovered(CalendarNotCoveredException missing) {
        return ProblemException.localized(
                        HttpStatus.BAD_REQUEST,
                        "calendar-not-covered",
                        "calendar-not-covered.detail",
                        missing.market().name(),
                        String.valueOf(missing.year()))
                .with("market", missing.market().name())
                .with("year", missing.year());
    }
}
