package dev.tarsspeedy.market.provider.client;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/** Reading the providers' figures, which come as strings ({@code "71000"}, {@code "-1.25"}, {@code ""}) or numbers. */
final class Fields {

    private Fields() {}

    /** The figure, or {@code null} when absent, blank or not a number. */
    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (!value.isString()) {
            return null;
        }
        String text = value.asString().strip().replace(",", "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The figure if it is above 0 (a price of 0 is "no data" at every provider), else {@code null}. */
    static BigDecimal positive(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        return value != null && value.signum() > 0 ? value : null;
    }

    static Long whole(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        if (value == null) {
            return null;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            return value.longValue();
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isString() || value.isNumber()) {
            String text = value.asString().strip();
            return text.isEmpty() ? null : text;
        }
        return null;
    }
}
