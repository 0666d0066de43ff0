package dev.tarsspeedy.webapp.pages.web;

import java.math.BigDecimal;
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

    /**
     * A price in its currency, per locale: whole won ({@code ₩70,000}), dollars with cents ({@code $189.25}); an
     * empty text without a price.
     */
    public String money(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat format =
                NumberFormat.getCurrencyInstance(locale.getLanguage().equals("ko") ? Locale.KOREA : Locale.US);
        Currency unit = Currency.getInstance(currency == null ? "KRW" : currency);
        format.setCurrency(unit);
        format.setMinimumFractionDigits(unit.getDefaultFractionDigits());
        format.setMaximumFractionDigits(unit.getDefaultFractionDigits());
        return format.format(amount);
    }

    /** A signed change in percent with two decimals: {@code +1.25%}, {@code -0.40%}. */
    public String percent(BigDecimal change, Locale locale) {
        if (change == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return (change.signum() > 0 ? "+" : "") + format.format(change) + "%";
    }

    /**
     * The classes of a change: its direction ({@code up}, {@code down}, or none) and its colour in the reader's
     * convention ({@link #rise}, {@link #fall}).
     */
    public String trend(BigDecimal change, Locale locale) {
        if (change == null || change.signum() == 0) {
            return "";
        }
        return change.signum() > 0 ? "up " + rise(locale) : "down " + fall(locale);
    }

    /** The colour class of a rise: red in Korean (the Korean market's convention), green otherwise. */
    public String rise(Locale locale) {
        return korean(locale) ? "trend-red" : "trend-green";
    }

    /** The colour class of a fall: blue in Korean, red otherwise. */
    public String fall(Locale locale) {
        return korean(locale) ? "trend-blue" : "trend-red";
    }

    private static boolean korean(Locale locale) {
        return locale != null && "ko".equals(locale.getLanguage());
    }

    /** The time of day of a moment in the reader's zone ({@code 09:30:15}). */
    public String clock(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(instant.atZone(zone));
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
