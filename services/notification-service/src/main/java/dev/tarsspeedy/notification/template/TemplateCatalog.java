package dev.tarsspeedy.notification.template;

import static dev.tarsspeedy.notification.template.ModelField.number;
import static dev.tarsspeedy.notification.template.ModelField.rows;
import static dev.tarsspeedy.notification.template.ModelField.text;

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
                // TARS: the scheduled watchlist report (BULK)
                TemplateSpec.bulk(
                        "stock-report",
                        text("name"),
                        rows(
                                "rows",
                                text("symbol"),
                                text("stockName"),
                                number("price"),
                                text("currency"),
                                number("changePercent")))));
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
