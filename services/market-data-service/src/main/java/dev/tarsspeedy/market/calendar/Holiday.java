package dev.tarsspeedy.market.calendar;

import dev.tarsspeedy.market.Market;
import java.time.LocalDate;
import java.util.Objects;

/** A weekday on which a market does not trade, with its name (weekends are not holidays: they are just closed). */
public record Holiday(Market market, LocalDate date, LocalizedName name) {

    public Holiday {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }
}
