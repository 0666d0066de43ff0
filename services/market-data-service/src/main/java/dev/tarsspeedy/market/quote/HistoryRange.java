package dev.tarsspeedy.market.quote;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** The ranges of {@code GET /api/market/quotes/{symbol}/history}: one day intraday, longer ones as daily closes. */
public enum HistoryRange {
    ONE_DAY("1d", 0),
    FIVE_DAYS("5d", 7),
    ONE_MONTH("1m", 31),
    SIX_MONTHS("6m", 183),
    ONE_YEAR("1y", 366);

    private final String code;
    private final int days;

    HistoryRange(String code, int days) {
        this.code = code;
        this.days = days;
    }

    public String code() {
        return code;
    }

    public boolean intraday() {
        return this == ONE_DAY;
    }

    /** The first day of daily closes the range shows, ending {@code today}. */
    public LocalDate from(LocalDate today) {
        return today.minusDays(days);
    }

    public static Optional<HistoryRange> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.strip().toLowerCase(Locale.ROOT);
        for (HistoryRange range : values()) {
            if (range.code.equals(code)) {
                return Optional.of(range);
            }
        }
        return Optional.empty();
    }
}
