package dev.tarsspeedy.alert.report;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One time of a schedule: a local time of day in the schedule's zone ({@code 08:30}), or a time relative to a market's
 * regular open or close ({@code KRX_CLOSE+30}: 30 minutes after the KRX close, resolved with that day's calendar).
 */
public sealed interface ScheduleTime permits ScheduleTime.AtLocalTime, ScheduleTime.MarketRelative {

    /** The most minutes a market-relative time may lie before or after its event. */
    int MAX_OFFSET_MINUTES = 720;

    /** As stored: {@code HH:mm} or {@code EVENT+minutes} / {@code EVENT-minutes}. */
    String text();

    DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    record AtLocalTime(LocalTime time) implements ScheduleTime {
        public AtLocalTime {
            Objects.requireNonNull(time, "time");
            time = time.withSecond(0).withNano(0);
        }

        @Override
        public String text() {
            return HH_MM.format(time);
        }
    }

    record MarketRelative(MarketEvent event, int offsetMinutes) implements ScheduleTime {
        public MarketRelative {
            Objects.requireNonNull(event, "event");
            if (Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) {
                throw new IllegalArgumentException(
                        "offset beyond " + MAX_OFFSET_MINUTES + " minutes: " + offsetMinutes);
            }
        }

        @Override
        public String text() {
            return event.name() + (offsetMinutes < 0 ? "-" : "+") + Math.abs(offsetMinutes);
        }
    }

    /** A market's regular open or close. */
    enum MarketEvent {
        KRX_OPEN("KRX", true),
        KRX_CLOSE("KRX", false),
        US_OPEN("US", true),
        US_CLOSE("US", false);

        private final String market;
        private final boolean open;

        MarketEvent(String market, boolean open) {
            this.market = market;
            this.open = open;
        }

        public String market() {
            return market;
        }

        public boolean isOpen() {
            return open;
        }
    }

    Pattern LOCAL = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])");
    Pattern RELATIVE = Pattern.compile("([A-Z_]+)([+-])([0-9]{1,4})");

    /** A local time written {@code HH:mm} (00:00 to 23:59); throws {@link IllegalArgumentException}. */
    static AtLocalTime local(String text) {
        if (text == null || !LOCAL.matcher(text.strip()).matches()) {
            throw new IllegalArgumentException("not a time of day HH:mm: " + text);
        }
        try {
            return new AtLocalTime(LocalTime.parse(text.strip(), HH_MM));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time of day HH:mm: " + text, e);
        }
    }

    /** A stored time ({@link #text()}); throws {@link IllegalArgumentException}. */
    static ScheduleTime parse(String text) {
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            int minutes = Integer.parseInt(relative.group(3));
            return new MarketRelative(
                    MarketEvent.valueOf(relative.group(1).toUpperCase(Locale.ROOT)),
                    relative.group(2).equals("-") ? -minutes : minutes);
        }
        return local(text);
    }
}
