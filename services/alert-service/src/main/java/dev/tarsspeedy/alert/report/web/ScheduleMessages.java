package dev.tarsspeedy.alert.report.web;

import dev.tarsspeedy.alert.report.ReportSchedule;
import dev.tarsspeedy.alert.report.ScheduleInput;
import dev.tarsspeedy.alert.report.ScheduleTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The schedule's request and response bodies. */
final class ScheduleMessages {

    private ScheduleMessages() {}

    /**
     * A schedule as a client writes it; in a {@code PATCH} every field is optional. {@code times} items are
     * {@code "08:30"} or {@code {"relativeTo": "KRX_CLOSE", "offsetMinutes": 30}}.
     */
    record ScheduleRequest(
            String name,
            List<Object> times,
            List<String> weekdays,
            String zone,
            List<String> markets,
            Boolean skipMarketHolidays,
            Boolean holidayNotice,
            Boolean paused) {

        ScheduleInput input() {
            List<ScheduleInput.TimeInput> parsed = null;
            if (times != null) {
                parsed = new ArrayList<>();
                for (Object time : times) {
                    parsed.add(time(time));
                }
            }
            return new ScheduleInput(name, parsed, weekdays, zone, markets, skipMarketHolidays, holidayNotice, paused);
        }

        private static ScheduleInput.TimeInput time(Object time) {
            if (time instanceof String text) {
                return new ScheduleInput.TimeInput(text, null, null);
            }
            if (time instanceof Map<?, ?> map) {
                Object relativeTo = map.get("relativeTo");
                Object offset = map.get("offsetMinutes");
                Object at = map.get("at");
                if (offset != null && !(offset instanceof Integer)) {
                    return new ScheduleInput.TimeInput(null, "?", Integer.MAX_VALUE);
                }
                return new ScheduleInput.TimeInput(
                        at instanceof String text ? text : null,
                        relativeTo instanceof String text ? text : relativeTo == null ? null : "?",
                        (Integer) offset);
            }
            return new ScheduleInput.TimeInput(null, null, null);
        }
    }

    record ScheduleResponse(
            String id,
            String name,
            List<Object> times,
            List<String> weekdays,
            String zone,
            List<String> markets,
            boolean skipMarketHolidays,
            boolean holidayNotice,
            boolean paused,
            Instant nextRunAt,
            Instant lastRunAt,
            Instant createdAt,
            Instant updatedAt) {

        static ScheduleResponse of(ReportSchedule schedule) {
            List<Object> times = new ArrayList<>();
            for (ScheduleTime time : schedule.rule().times()) {
                switch (time) {
                    case ScheduleTime.AtLocalTime local -> times.add(local.text());
                    case ScheduleTime.MarketRelative relative -> {
                        Map<String, Object> json = new LinkedHashMap<>();
                        json.put("relativeTo", relative.event().name());
                        json.put("offsetMinutes", relative.offsetMinutes());
                        times.add(json);
                    }
                }
            }
            return new ScheduleResponse(
                    schedule.id().toString(),
                    schedule.name(),
                    times,
                    schedule.rule().weekdays().stream()
                            .sorted()
                            .map(DayOfWeek::name)
                            .map(day -> day.substring(0, 3))
                            .toList(),
                    schedule.rule().zone().getId(),
                    schedule.markets().stream().sorted().toList(),
                    schedule.skipMarketHolidays(),
                    schedule.holidayNotice(),
                    schedule.paused(),
                    schedule.nextRunAt(),
                    schedule.lastRunAt(),
                    schedule.createdAt(),
                    schedule.updatedAt());
        }
    }
}
