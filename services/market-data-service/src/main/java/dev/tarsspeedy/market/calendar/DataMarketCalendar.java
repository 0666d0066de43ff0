package dev.tarsspeedy.market.calendar;

import dev.tarsspeedy.market.Market;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The {@link MarketCalendar} from the calendar data in the repository ({@link CalendarData}, one file per market),
 * loaded and checked once at start. A date outside the covered years is a {@link CalendarNotCoveredException}.
 */
@Component
public class DataMarketCalendar implements MarketCalendar {

    /** Longest run of days without a session any market has (KRX's Lunar New Year or Chuseok with a weekend). */
    private static final int MAX_CLOSED_DAYS = 14;

    private final Map<Market, CalendarData> data = new EnumMap<>(Market.class);

    /** Every market's data from the class path. */
    public DataMarketCalendar() {
        this(List.of(CalendarData.load(Market.KRX), CalendarData.load(Market.US)));
    }

    public DataMarketCalendar(List<CalendarData> markets) {
        for (CalendarData market : markets) {
            data.put(market.market(), market);
        }
        for (Market market : Market.values()) {
            if (!data.containsKey(market)) {
                throw new IllegalArgumentException("no calendar data for " + market);
            }
        }
    }

    @Override
    public Optional<Session> session(Market market, LocalDate date) {
        CalendarYear year = data(market).year(date.getYear());
        if (isWeekend(date) || year.holidays().containsKey(date)) {
            return Optional.empty();
        }
        SpecialHours special = year.specialHours().get(date);
        LocalTime opens = special == null ? year.opens() : special.opens();
        LocalTime closes = special == null ? year.closes() : special.closes();
        return Optional.of(new Session(
                market,
                date,
                date.atTime(opens).atZone(market.zone()).toInstant(),
                date.atTime(closes).atZone(market.zone()).toInstant(),
                special == null ? null : special.name().en()));
    }

    @Override
    public List<Session> sessions(Market market, LocalDate from, LocalDate to) {
        checkRange(market, from, to);
        List<Session> sessions = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            session(market, date).ifPresent(sessions::add);
        }
        return sessions;
    }

    @Override
    public List<Holiday> holidays(Market market, LocalDate from, LocalDate to) {
        checkRange(market, from, to);
        List<Holiday> holidays = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            holiday(market, date).ifPresent(holidays::add);
        }
        return holidays;
    }

    @Override
    public Optional<Holiday> holiday(Market market, LocalDate date) {
        return Optional.ofNullable(data(market).year(date.getYear()).holidays().get(date));
    }

    @Override
    public Optional<LocalizedName> specialHours(Market market, LocalDate date) {
        return Optional.ofNullable(
                        data(market).year(date.getYear()).specialHours().get(date))
                .map(SpecialHours::name);
    }

    @Override
    public Optional<Session> openSession(Market market, Instant instant) {
        return session(market, localDate(market, instant)).filter(session -> session.isOpenAt(instant));
    }

    @Override
    public Session nextSession(Market market, Instant instant) {
        LocalDate date = localDate(market, instant);
        for (int i = 0; i <= MAX_CLOSED_DAYS; i++, date = date.plusDays(1)) {
            Optional<Session> session = session(market, date);
            if (session.isPresent() && session.get().closes().isAfter(instant)) {
                return session.get();
            }
        }
        throw new IllegalStateException(market + ": no session within " + MAX_CLOSED_DAYS + " days after " + instant);
    }

    @Override
    public Session previousSession(Market market, Instant instant) {
        LocalDate date = localDate(market, instant);
        for (int i = 0; i <= MAX_CLOSED_DAYS; i++, date = date.minusDays(1)) {
            Optional<Session> session = session(market, date);
            if (session.isPresent() && !session.get().closes().isAfter(instant)) {
                return session.get();
            }
        }
        throw new IllegalStateException(market + ": no session within " + MAX_CLOSED_DAYS + " days before " + instant);
    }

    @Override
    public boolean covers(Market market, int year) {
        CalendarData covered = data(market);
        return year >= covered.firstYear() && year <= covered.lastYear();
    }

    @Override
    public int lastYear(Market market) {
        return data(market).lastYear();
    }

    private void checkRange(Market market, LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            data(market).year(year);
        }
    }

    private CalendarData data(Market market) {
        return data.get(Objects.requireNonNull(market, "market"));
    }

    private static LocalDate localDate(Market market, Instant instant) {
        return instant.atZone(market.zone()).toLocalDate();
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
