package dev.tarsspeedy.webapp.reports.web;

import dev.tarsspeedy.webapp.reports.client.ReportClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schedule as its form holds it. {@code times} is one line: local times ({@code 08:30}) and market-relative ones
 * ({@code KRX_CLOSE+30}, {@code US_OPEN-15}), separated by commas; the API checks them and names what is wrong.
 */
record ScheduleForm(
        String name,
        String times,
        List<String> weekdays,
        String zone,
        List<String> markets,
        Boolean skipMarketHolidays) {

    private static final Pattern RELATIVE = Pattern.compile("([A-Z]+_(?:OPEN|CLOSE))\\s*([+-])\\s*(\\d{1,4})");

    ScheduleForm {
        weekdays = weekdays == null ? List.of() : List.copyOf(weekdays);
        markets = markets == null ? List.of() : List.copyOf(markets);
    }

    static ScheduleForm of(ReportClient.Schedule schedule) {
        List<String> times = new ArrayList<>();
        for (Object time : schedule.times()) {
            times.add(text(time));
        }
        return new ScheduleForm(
                schedule.name(),
                String.join(", ", times),
                schedule.weekdays(),
                schedule.zone(),
                schedule.markets(),
                schedule.skipMarketHolidays());
    }

    /** A time as the form and the list show it. */
    static String text(Object time) {
        if (time instanceof Map<?, ?> relative) {
            Object offset = relative.get("offsetMinutes");
            int minutes = offset instanceof Number number ? number.intValue() : 0;
            return relative.get("relativeTo") + (minutes < 0 ? "-" + -minutes : "+" + minutes);
        }
        return String.valueOf(time);
    }

    /** What the API is sent; an empty name is none, and a box left unchecked is {@code false}. */
    ReportClient.ScheduleInput input(Boolean paused) {
        List<Object> parsed = new ArrayList<>();
        for (String part : (times == null ? "" : times).split(",")) {
            String time = part.strip();
            if (time.isEmpty()) {
                continue;
            }
            Matcher relative = RELATIVE.matcher(time.toUpperCase(java.util.Locale.ROOT));
            if (relative.matches()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("relativeTo", relative.group(1));
                int minutes = Integer.parseInt(relative.group(3));
                json.put("offsetMinutes", relative.group(2).equals("-") ? -minutes : minutes);
                parsed.add(json);
            } else {
                parsed.add(time);
            }
        }
        return new ReportClient.ScheduleInput(
                name == null || name.isBlank() ? null : name.strip(),
                parsed,
                weekdays,
                zone == null || zone.isBlank() ? null : zone.strip(),
                markets,
                Boolean.TRUE.equals(skipMarketHolidays),
                paused);
    }
}
