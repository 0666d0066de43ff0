package dev.tarsspeedy.notification.template;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Numbers and times as the reader expects them, for the templates ({@code ${fmt.price(row.price, row.currency)}}): one
 * instance per rendering, in its language. Every method takes {@code null} (an unknown value) and answers
 * {@value #MISSING}.
 *
 * <p>Colours follow the reader's market: in Korean a rise is red and a fall blue, in English a rise is green and a
 * fall red.
 */
public final class MailFormat {

    static final String MISSING = "-";
    /** Currencies whose prices have no minor unit on the exchange. */
    private static final Set<String> WHOLE = Set.of("KRW", "JPY");

    private static final String GREY = "#6b7280";
    private static final String KO_UP = "#c81e1e";
    private static final String KO_DOWN = "#1d4ed8";
    private static final String EN_UP = "#15803d";
    private static final String EN_DOWN = "#b91c1c";

    private final Locale locale;
    private final boolean korean;

    MailFormat(Locale locale) {
        this.locale = locale;
        this.korean = locale.getLanguage().equals("ko");
    }

    /** {@code 71,500원} / {@code ₩71,500}, {@code $189.50}, {@code 12.30 EUR}. */
    public String price(BigDecimal value, String currency) {
        if (value == null) {
            return MISSING;
        }
        String amount = amount(value, currency);
        return switch (currency == null ? "" : currency) {
            case "KRW" -> korean ? amount + "원" : "₩" + amount;
            case "USD" -> (value.signum() < 0 ? "-$" + amount.substring(1) : "$" + amount);
            default -> currency == null || currency.isBlank() ? amount : amount + " " + currency;
        };
    }

    /** The number alone, with the currency's decimals: {@code 71,500}, {@code 189.50}. */
    public String amount(BigDecimal value, String currency) {
        if (value == null) {
            return MISSING;
        }
        return decimal(WHOLE.contains(currency) ? "#,##0" : "#,##0.00").format(value);
    }

    /** A change with its direction: {@code ▲1,000}, {@code ▼2.35}, {@code 0}. */
    public String change(BigDecimal value, String currency) {
        if (value == null) {
            return MISSING;
        }
        String amount = amount(value.abs(), currency);
        return switch (value.signum()) {
            case 1 -> "▲" + amount;
            case -1 -> "▼" + amount;
            default -> amount;
        };
    }

    /** {@code +1.42%}, {@code -0.50%}, {@code 0.00%}; 1.42 means 1.42 %. */
    public String percent(BigDecimal value) {
        if (value == null) {
            return MISSING;
        }
        return decimal("+#,##0.00;-#,##0.00")
                        .format(value.setScale(2, RoundingMode.HALF_UP))
                        .replace("+0.00", "0.00") + "%";
    }

    /** A threshold: {@code 5%}, {@code 2.5%}. */
    public String plainPercent(BigDecimal value) {
        if (value == null) {
            return MISSING;
        }
        return decimal("#,##0.##").format(value) + "%";
    }

    /** Traded shares, short: {@code 1,234만} / {@code 1.23억} in Korean, {@code 12.35M} / {@code 845.2K} in English. */
    public String volume(BigDecimal value) {
        if (value == null) {
            return MISSING;
        }
        BigDecimal v = value.abs();
        if (korean) {
            if (v.compareTo(BigDecimal.valueOf(100_000_000)) >= 0) {
                return decimal("#,##0.##").format(value.movePointLeft(8)) + "억";
            }
            if (v.compareTo(BigDecimal.valueOf(10_000)) >= 0) {
                return decimal("#,##0").format(value.movePointLeft(4)) + "만";
            }
            return decimal("#,##0").format(value);
        }
        if (v.compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0) {
            return decimal("#,##0.##").format(value.movePointLeft(9)) + "B";
        }
        if (v.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            return decimal("#,##0.##").format(value.movePointLeft(6)) + "M";
        }
        if (v.compareTo(BigDecimal.valueOf(10_000)) >= 0) {
            return decimal("#,##0.#").format(value.movePointLeft(3)) + "K";
        }
        return decimal("#,##0").format(value);
    }

    /** {@code 70,800 – 72,000}; {@value #MISSING} when either end is unknown. */
    public String range(BigDecimal low, BigDecimal high, String currency) {
        if (low == null || high == null) {
            return MISSING;
        }
        return amount(low, currency) + " – " + amount(high, currency);
    }

    /** A quote's time in the reader's zone: {@code 12월 7일 15:30} / {@code Dec 7, 15:30}. */
    public String time(OffsetDateTime time, String zone) {
        if (time == null) {
            return MISSING;
        }
        return DateTimeFormatter.ofPattern(korean ? "M월 d일 HH:mm" : "MMM d, HH:mm", locale)
                .format(inZone(time, zone));
    }

    /** A time with its date and weekday: {@code 2026년 12월 7일 (월) 08:30} / {@code Mon, Dec 7, 2026, 08:30}. */
    public String dateTime(OffsetDateTime time, String zone) {
        if (time == null) {
            return MISSING;
        }
        return DateTimeFormatter.ofPattern(korean ? "yyyy년 M월 d일 (E) HH:mm" : "EEE, MMM d, yyyy, HH:mm", locale)
                .format(inZone(time, zone));
    }

    /**
     * The time at its own offset, which is named: {@code 2026년 12월 7일 (월) 15:30 (UTC+09:00)}. An alert's
     * {@code asOf} comes with the reader's offset already.
     */
    public String dateTime(OffsetDateTime time) {
        if (time == null) {
            return MISSING;
        }
        String offset = time.getOffset().getTotalSeconds() == 0
                ? "UTC"
                : "UTC" + time.getOffset().getId();
        return dateTime(time, null) + " (" + offset + ")";
    }

    /** The colour of a change: rising, falling or grey (unchanged, unknown, or stale when {@code stale}). */
    public String colour(BigDecimal change, boolean stale) {
        if (stale || change == null || change.signum() == 0) {
            return GREY;
        }
        if (korean) {
            return change.signum() > 0 ? KO_UP : KO_DOWN;
        }
        return change.signum() > 0 ? EN_UP : EN_DOWN;
    }

    /** Whether any row's {@code freshness} is {@code STALE}: the mail then explains the marker. */
    public boolean anyStale(List<? extends java.util.Map<String, Object>> rows) {
        return rows.stream().anyMatch(row -> "STALE".equals(row.get("freshness")));
    }

    /** {@link #colour} for a chart image. */
    Color awtColour(BigDecimal change, boolean stale) {
        return Color.decode(colour(change, stale));
    }

    private OffsetDateTime inZone(OffsetDateTime time, String zone) {
        if (zone == null || zone.isBlank()) {
            return time;
        }
        try {
            return time.atZoneSameInstant(ZoneId.of(zone)).toOffsetDateTime();
        } catch (DateTimeException e) {
            return time; // an unknown zone: the offset the producer gave is the reader's anyway
        }
    }

    private DecimalFormat decimal(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
