package dev.tarsspeedy.notification.template;

import static dev.tarsspeedy.notification.template.ModelField.nullableNumber;
import static dev.tarsspeedy.notification.template.ModelField.number;
import static dev.tarsspeedy.notification.template.ModelField.numbers;
import static dev.tarsspeedy.notification.template.ModelField.oneOf;
import static dev.tarsspeedy.notification.template.ModelField.optionalText;
import static dev.tarsspeedy.notification.template.ModelField.rows;
import static dev.tarsspeedy.notification.template.ModelField.text;
import static dev.tarsspeedy.notification.template.ModelField.timestamp;
import static dev.tarsspeedy.notification.template.ModelField.url;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The templates this service sends, with their models. Each lives in {@code templates/email/<id>/}: {@code subject.txt},
 * {@code body.txt}, {@code body.html} and {@code messages.properties} (English) with {@code messages_ko.properties}
 * (Korean). The README lists them for producers; keep the two in step.
 *
 * <p>Reports and reminders are {@linkplain TemplateSpec#bulk bulk} here, not only by the producers' say: RFC 8058's
 * unsubscribe headers must not depend on every producer choosing the right category.
 */
final class TemplateCatalog {

    /** How fresh a report row's quote is (the market-data service's freshness). */
    static final String[] FRESHNESS = {"LIVE", "DELAYED", "END_OF_DAY", "STALE"};
    /** The alert service's alert kinds. */
    static final String[] ALERT_KINDS = {"PRICE_ABOVE", "PRICE_BELOW", "MOVE_PERCENT", "HIGH_52W", "LOW_52W"};
    /** Prices one chart draws at most: a day of minutes, or a month of days, thinned by the producer. */
    static final int MAX_CHART_POINTS = 400;

    private final Map<String, TemplateSpec> specs = new LinkedHashMap<>();

    TemplateCatalog(List<TemplateSpec> specs) {
        specs.forEach(spec -> this.specs.put(spec.id(), spec));
    }

    static TemplateCatalog standard() {
        return new TemplateCatalog(List.of(
                // identity: sign-up and password reset codes
                new TemplateSpec("signup-verification", text("name"), text("code"), number("expiresInMinutes")),
                new TemplateSpec("password-reset", text("name"), text("code"), number("expiresInMinutes")),
                // Speedy: an order is confirmed (amount in Korean won)
                new TemplateSpec("order-confirmed", text("name"), text("orderId"), text("item"), number("amount")),
                // Speedy: an order moved on (status PREPARING, SHIPPING, DELIVERED, RETURN_REQUESTED or RETURNED)
                new TemplateSpec("order-status-changed", text("orderId"), text("item"), text("status")),
                // Speedy: a wishlisted drop opens soon (BULK); opensAt is ISO-8601 text with its offset
                TemplateSpec.bulk("drop-reminder", text("product"), text("opensAt"), text("dropUrl")),
                // Speedy: a payment was given back (reason CANCELLED, RETURNED or ORDER_NOT_PAYABLE)
                new TemplateSpec("payment-refunded", text("orderId"), text("item"), number("amount"), text("reason")),
                // TARS: the scheduled watchlist report (BULK). Times are ISO-8601 with the reader's offset; a
                // number nobody knows is null (shown as "-"); chart holds the prices to draw, oldest first.
                TemplateSpec.bulk(
                        "stock-report",
                        optionalText("name"),
                        text("zone"),
                        timestamp("generatedAt"),
                        url("manageUrl"),
                        optionalText("marketNote"),
                        rows(
                                "rows",
                                text("symbol"),
                                text("stockName"),
                                text("market"),
                                text("currency"),
                                nullableNumber("price"),
                                nullableNumber("change"),
                                nullableNumber("changePercent"),
                                nullableNumber("open"),
                                nullableNumber("high"),
                                nullableNumber("low"),
                                nullableNumber("volume"),
                                nullableNumber("high52w"),
                                nullableNumber("low52w"),
                                optionalText("source"),
                                timestamp("asOf").orAbsent(),
                                oneOf("freshness", FRESHNESS),
                                oneOf("chartRange", "1d", "1m"),
                                numbers("chart", MAX_CHART_POINTS))),
                // TARS: a price alert fired (what crossed, at what price and when)
                new TemplateSpec(
                        "price-alert",
                        text("stockName"),
                        text("symbol"),
                        oneOf("kind", ALERT_KINDS),
                        nullableNumber("line"),
                        nullableNumber("percent"),
                        number("price"),
                        text("currency"),
                        timestamp("asOf"),
                        text("source"),
                        url("alertUrl"))));
    }

    Optional<TemplateSpec> find(String id) {
        return Optional.ofNullable(specs.get(id));
    }

    Set<String> ids() {
        return Set.copyOf(specs.keySet());
    }

    /** Whether the template is bulk mail whatever a request says; {@code false} for an unknown one. */
    boolean isBulk(String id) {
        return find(id).map(TemplateSpec::bulk).orElse(false);
    }
}
