package dev.tarsspeedy.webapp.pages.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Amounts and times as the reader expects them; templates call it as {@code @fmt}. */
@Component("fmt")
public class Formats {

    private static final Currency KRW = Currency.getInstance("KRW");

    /** Won, formatted per locale: {@code ₩12,000} in English, {@code ₩12,000} in Korean. */
    public String krw(long amount, Locale locale) {
        NumberFormat format =
                NumberFormat.getCurrencyInstance(locale.getLanguage().equals("ko") ? Locale.KOREA : Locale.US);
        format.setCurrency(KRW);
        format.setMaximumFractionDigits(0);
        return format.format(amount);
    }

    /** A moment in the reader's zone, with the zone's short name. */
    public String time(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(instant.atZone(zone))
                + " "
                + zone.getDisplayName(java.time.format.TextStyle.SHORT, locale);
    }

    /** The moment as an ISO-8601 instant, for the countdown script. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
