package dev.tarsspeedy.standin.market;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

/**
 * When each market trades: weekdays but the given holidays, the regular session in the market's own zone. In the
 * demo session every calendar day is a trading day and its session is the whole day, so prices move around the clock.
 */
final class Sessions {

    private final Map<Market, Set<LocalDate>> holidays;
    private final boolean demo;

    Sessions(Map<Market, Set<LocalDate>> holidays, boolean demo) {
        this.holidays = Map.copyOf(holidays);
        this.demo = demo;
    }

    boolean demo() {
        return demo;
    }

    boolean tradingDay(Market market, LocalDate day) {
        if (demo) {
            return true;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY
                && dow != DayOfWeek.SUNDAY
                && !holidays.getOrDefault(market, Set.of()).contains(day);
    }

    Instant open(Market market, LocalDate day) {
        ZonedDateTime start = demo
                ? day.atStartOfDay(market.zone())
                : day.atTime(market.open()).atZone(market.zone());
        return start.toInstant();
    }

    Instant close(Market market, LocalDate day) {
        ZonedDateTime end = demo
                ? day.plusDays(1).atStartOfDay(market.zone())
                : day.atTime(market.close()).atZone(market.zone());
        return end.toInstant();
    }

    boolean isOpen(Market market, Instant at) {
        LocalDate day = at.atZone(market.zone()).toLocalDate();
        return tradingDay(market, day) && !at.isBefore(open(market, day)) && at.isBefore(close(market, day));
    }

    LocalDate previousTradingDay(Market market, LocalDate day) {
        LocalDate d = day.minusDays(1);
        for (int i = 0; i < 60 && !tradingDay(market, d); i++) {
            d = d.minusDays(1);
        }
        return d;
    }

    LocalDate nextTradingDay(Market market, LocalDate day) {
        LocalDate d = day.plusDays(1);
        for (int i = 0; i < 60 && !tradingDay(market, d); i++) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The latest trading day whose session has begun by {@code at}: today once open, else the previous one. */
    LocalDate lastStartedSession(Market market, Instant at) {
        LocalDate day = at.atZone(market.zone()).toLocalDate();
        if (tradingDay(market, day) && !at.isBefore(open(market, day))) {
            return day;
        }
        return previousTradingDay(market, day);
    }
}
