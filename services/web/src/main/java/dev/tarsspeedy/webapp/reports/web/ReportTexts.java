package dev.tarsspeedy.webapp.reports.web;

import dev.tarsspeedy.webapp.reports.client.ReportClient;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** A schedule in one line for its card; templates call it as {@code @reportTexts}. */
@Component("reportTexts")
public class ReportTexts {

    /** {@code 08:30, KRX_CLOSE+30 · Mon, Tue · KRX, US · Asia/Seoul}, day names in the reader's language. */
    public String describe(ReportClient.Schedule schedule, Locale locale) {
        List<String> times = new ArrayList<>();
        schedule.times().forEach(time -> times.add(ScheduleForm.text(time)));
        List<String> days = new ArrayList<>();
        for (String day : schedule.weekdays()) {
            days.add(weekday(day).getDisplayName(TextStyle.SHORT, locale));
        }
        return String.join(", ", times) + " · " + String.join(", ", days) + " · "
                + String.join(", ", schedule.markets()) + " · " + schedule.zone();
    }

    private static DayOfWeek weekday(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(abbreviation)) {
                return day;
            }
        }
        throw new IllegalArgumentException("not a weekday: " + abbreviation);
    }
}
