package dev.tarsspeedy.market.calendar;

import dev.tarsspeedy.market.Market;

/**
 * A question about a year the calendar data does not cover: never guessed, so a missing year is noticed (see the
 * service README, "Market calendars", for adding one).
 */
public final class CalendarNotCoveredException extends IllegalArgumentException {

    private final Market market;
    private final int year;

    public CalendarNotCoveredException(Market market, int year) {
        super("the " + market + " calendar has no data for " + year);
        this.market = market;
        this.year = year;
    }

    public Market market() {
        return market;
    }

    public int year() {
        return year;
    }
}
