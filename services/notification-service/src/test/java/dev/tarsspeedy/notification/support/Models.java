package dev.tarsspeedy.notification.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic models of the TARS templates, as the alert service sends them: what a JSON body or a Kafka event turns
 * into (numbers as Integer, Long or BigDecimal, a missing number as null).
 */
public final class Models {

    public static final String MANAGE_URL = "https://tars.example/reports?tab=schedules&x=1";
    public static final String ALERT_URL = "https://tars.example/alerts/7f1c?from=mail";

    private Models() {}

    /**
     * A Korean user's report at 08:30 in Seoul: Samsung Electronics live with a day's chart, Apple at its close with a
     * month's chart, SK hynix stale with unknown numbers and no chart; and a market note.
     */
    public static Map<String, Object> stockReport() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", "김민준");
        model.put("zone", "Asia/Seoul");
        model.put("generatedAt", "2026-12-07T08:30:00+09:00");
        model.put("manageUrl", MANAGE_URL);
        model.put("marketNote", "미국 시장은 오늘 휴장입니다 (Thanksgiving)");
        model.put("rows", List.of(samsung(), apple(), hynix()));
        return model;
    }

    public static Map<String, Object> samsung() {
        Map<String, Object> row = new HashMap<>();
        row.put("symbol", "005930");
        row.put("stockName", "삼성전자");
        row.put("market", "KRX");
        row.put("currency", "KRW");
        row.put("price", 71500);
        row.put("change", 1000);
        row.put("changePercent", new BigDecimal("1.42"));
        row.put("open", 70600);
        row.put("high", 72000);
        row.put("low", 70500);
        row.put("volume", 12_345_678L);
        row.put("high52w", 88800);
        row.put("low52w", 49900);
        row.put("source", "KIS");
        row.put("asOf", "2026-12-04T15:30:00+09:00");
        row.put("freshness", "LIVE");
        row.put("chartRange", "1d");
        row.put("chart", wave(70500, 72000, 120));
        return row;
    }

    public static Map<String, Object> apple() {
        Map<String, Object> row = new HashMap<>();
        row.put("symbol", "AAPL");
        row.put("stockName", "Apple");
        row.put("market", "US");
        row.put("currency", "USD");
        row.put("price", new BigDecimal("189.5"));
        row.put("change", new BigDecimal("-0.96"));
        row.put("changePercent", new BigDecimal("-0.5"));
        row.put("open", new BigDecimal("190.2"));
        row.put("high", new BigDecimal("191.05"));
        row.put("low", new BigDecimal("188.9"));
        row.put("volume", 48_210_000);
        row.put("high52w", new BigDecimal("199.62"));
        row.put("low52w", new BigDecimal("164.08"));
        row.put("source", "Finnhub");
        // In UTC: the report shows it in the reader's zone (06:00 in Seoul).
        row.put("asOf", "2026-12-06T21:00:00Z");
        row.put("freshness", "END_OF_DAY");
        row.put("chartRange", "1m");
        List<Object> month = new ArrayList<>(wave(185, 195, 21));
        month.set(0, 192); // an Integer among the decimals, as JSON parsing gives
        row.put("chart", month);
        return row;
    }

    /** A stale quote: numbers the provider never sent are null, and there is nothing to draw. */
    public static Map<String, Object> hynix() {
        Map<String, Object> row = new HashMap<>();
        row.put("symbol", "000660");
        row.put("stockName", "SK하이닉스");
        row.put("market", "KRX");
        row.put("currency", "KRW");
        row.put("price", 131000);
        row.put("change", null);
        row.put("changePercent", null);
        row.put("open", null);
        row.put("high", null);
        row.put("low", null);
        row.put("volume", null);
        row.put("high52w", 149500);
        row.put("low52w", 98700);
        row.put("source", "KRX");
        row.put("asOf", "2026-12-03T15:30:00+09:00");
        row.put("freshness", "STALE");
        row.put("chartRange", "1d");
        row.put("chart", List.of());
        return row;
    }

    /**
     * A price alert on Samsung Electronics at 72,300 won: a line of 72,000 won for the price kinds, 5 % for a move.
     * The line or percent a kind does not have is left out, as a producer must at the model's top level
     * ({@code EmailRequested} copies the model with {@code Map.copyOf}, which holds no nulls).
     */
    public static Map<String, Object> priceAlert(String kind) {
        Map<String, Object> model = new HashMap<>();
        model.put("stockName", "삼성전자");
        model.put("symbol", "005930");
        model.put("kind", kind);
        if (kind.startsWith("PRICE_")) {
            model.put("line", 72000);
        }
        if (kind.equals("MOVE_PERCENT")) {
            model.put("percent", new BigDecimal("5"));
        }
        model.put("price", 72300);
        model.put("currency", "KRW");
        model.put("asOf", "2026-12-07T10:02:13+09:00");
        model.put("source", "KIS");
        model.put("alertUrl", ALERT_URL);
        return model;
    }

    /** A copy of the model with one field of one row replaced (or removed, for {@code null} with remove). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> withRowField(Map<String, Object> model, int row, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(model);
        List<Map<String, Object>> rows = new ArrayList<>((List<Map<String, Object>>) model.get("rows"));
        Map<String, Object> changed = new HashMap<>(rows.get(row));
        changed.put(field, value);
        rows.set(row, changed);
        copy.put("rows", rows);
        return copy;
    }

    /** A copy of the model with one field replaced. */
    public static Map<String, Object> with(Map<String, Object> model, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(model);
        copy.put(field, value);
        return copy;
    }

    /** A copy of the model without one field. */
    public static Map<String, Object> without(Map<String, Object> model, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(model);
        copy.remove(field);
        return copy;
    }

    /** Prices between low and high, a wave with a drift upwards, as a day's or a month's chart holds them. */
    private static List<Object> wave(double low, double high, int points) {
        List<Object> prices = new ArrayList<>(points);
        double middle = (low + high) / 2;
        double amplitude = (high - low) / 3;
        for (int i = 0; i < points; i++) {
            double drift = (high - low) / 4 * i / points;
            double price = middle - amplitude / 2 + drift + amplitude * Math.sin(i / 7.0) / 2;
            prices.add(BigDecimal.valueOf(Math.round(price * 100) / 100.0));
        }
        return prices;
    }
}
