package dev.tarsspeedy.market.calendar;

import dev.tarsspeedy.market.Market;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One market's calendar as written in {@code calendar/<market>.yml} on the class path (the format and how to add a
 * year: the service README, "Market calendars"). Loading checks the data, so a typo fails the start (and the tests)
 * instead of opening a market on a holiday: dates inside their year, holidays and special hours on weekdays only,
 * no day twice, times that close after they open.
 *
 * @param market the market
 * @param zone the zone its times are written in
 * @param years the years covered, by year
 */
public record CalendarData(Market market, ZoneId zone, NavigableMap<Integer, CalendarYear> years) {

    public CalendarData {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(zone, "zone");
        years = new TreeMap<>(years);
        if (years.isEmpty()) {
            throw new IllegalArgumentException(market + ": the calendar covers no year");
        }
        if (years.lastKey() - years.firstKey() + 1 != years.size()) {
            throw new IllegalArgumentException(market + ": the calendar's years have a gap: " + years.keySet());
        }
    }

    /** The data of {@code market} from {@code calendar/<market in lower case>.yml} on the class path. */
    public static CalendarData load(Market market) {
        String resource = "calendar/" + market.name().toLowerCase(Locale.ROOT) + ".yml";
        try (InputStream in = CalendarData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no calendar data on the class path: " + resource);
            }
            return parse(market, in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /** The data of {@code market} from YAML in the calendar format; {@code origin} names it in error messages. */
    public static CalendarData parse(Market market, InputStream yaml, String origin) {
        Object document = strings().load(yaml);
        try {
            Map<String, Object> root = map(document, "the document");
            String declared = text(root, "market");
            if (!declared.equals(market.name())) {
                throw new IllegalArgumentException("market is " + declared + ", expected " + market);
            }
            ZoneId zone = ZoneId.of(text(root, "zone"));
            if (!zone.equals(market.zone())) {
                throw new IllegalArgumentException("zone is " + zone + ", expected " + market.zone());
            }
            Map<Integer, CalendarYear> years = new HashMap<>();
            for (Map.Entry<String, Object> entry :
                    map(root.get("years"), "years").entrySet()) {
                int year = Integer.parseInt(entry.getKey());
                years.put(year, year(market, year, map(entry.getValue(), "year " + year)));
            }
            return new CalendarData(market, zone, new TreeMap<>(years));
        } catch (RuntimeException e) {
            throw new IllegalStateException("calendar data " + origin + " is invalid: " + e.getMessage(), e);
        }
    }

    private static CalendarYear year(Market market, int year, Map<String, Object> data) {
        Map<String, Object> regular = map(data.get("regular"), year + " regular");
        Map<LocalDate, Holiday> holidays = new HashMap<>();
        Map<LocalDate, SpecialHours> special = new HashMap<>();
        for (Map<String, Object> row : rows(data.get("holidays"), year + " holidays")) {
            LocalDate date = date(row, year);
            if (holidays.put(date, new Holiday(market, date, name(row))) != null) {
                throw new IllegalArgumentException(date + " is listed twice");
            }
        }
        for (String list : List.of("late-opens", "early-closes")) {
            for (Map<String, Object> row : rows(data.get(list), year + " " + list)) {
                LocalDate date = date(row, year);
                SpecialHours hours = new SpecialHours(date, time(row, "opens"), time(row, "closes"), name(row));
                if (holidays.containsKey(date) || special.put(date, hours) != null) {
                    throw new IllegalArgumentException(date + " is listed twice");
                }
            }
        }
        return new CalendarYear(year, time(regular, "opens"), time(regular, "closes"), holidays, special);
    }

    private static LocalDate date(Map<String, Object> row, int year) {
        LocalDate date = parseDate(text(row, "date"));
        if (date.getYear() != year) {
            throw new IllegalArgumentException(date + " is listed under " + year);
        }
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            throw new IllegalArgumentException(date + " is a weekend day: list only weekdays");
        }
        return date;
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a yyyy-MM-dd date: " + text);
        }
    }

    private static LocalTime time(Map<String, Object> row, String key) {
        String text = text(row, key);
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " is not an HH:mm time: " + text);
        }
    }

    private static LocalizedName name(Map<String, Object> row) {
        return new LocalizedName(text(row, "ko"), text(row, "en"));
    }

    private static String text(Map<String, Object> row, String key) {
        if (!(row.get(key) instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is missing in " + row);
        }
        return text.strip();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + " is not a mapping");
        }
        return (Map<String, Object>) map;
    }

    private static List<Map<String, Object>> rows(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing (write [] for none)");
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(what + " is not a list");
        }
        return list.stream().map(row -> map(row, what + " entry")).toList();
    }

    /**
     * A YAML reader that resolves no scalar type: every value is a string. YAML 1.1 would read {@code 10:00} as the
     * number 600 (base 60) and dates as {@code java.util.Date}s; here the calendar parses them itself.
     */
    private static Yaml strings() {
        LoaderOptions options = new LoaderOptions();
        DumperOptions dumper = new DumperOptions();
        Resolver stringsOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {}
        };
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, stringsOnly);
    }

    /** The first and last year covered. */
    public int firstYear() {
        return years.firstKey();
    }

    public int lastYear() {
        return years.lastKey();
    }

    /** The year's data; {@link CalendarNotCoveredException} for a year without. */
    public CalendarYear year(int year) {
        CalendarYear data = years.get(year);
        if (data == null) {
            throw new CalendarNotCoveredException(market, year);
        }
        return data;
    }
}
