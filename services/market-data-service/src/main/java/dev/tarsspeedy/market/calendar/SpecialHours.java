package dev.tarsspeedy.market.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A trading day whose session differs from the year's regular hours: a late open (KRX's first trading day of the
 * year, the college entrance exam day) or an early close (the US day after Thanksgiving), in the market's zone.
 */
public record SpecialHours(LocalDate date, LocalTime opens, LocalTime closes, LocalizedName name) {

    public SpecialHours {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(name, "name");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException(date + ": closes " + closes + " is not after opens " + opens);
        }
    }
}
