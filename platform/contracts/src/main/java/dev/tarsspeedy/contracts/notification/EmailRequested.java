package dev.tarsspeedy.contracts.notification;

import java.util.Map;
import java.util.Objects;

/**
 * A service asks the notification service to send one email. Services never talk SMTP themselves.
 *
 * <p>Published in the platform's event envelope (type {@link #TYPE}, version {@link #VERSION}) to {@link #TOPIC},
 * keyed by the recipient's address, so mail to one person keeps its order.
 *
 * @param idempotencyKey unique per intended email ({@code identity:signup-code:<codeId>}): a request with a key
 *     that was already handled is not sent again
 * @param template the template id, e.g. {@code signup-verification} (the notification service's README lists them)
 * @param locale {@code ko} or {@code en}; anything else falls back to English
 * @param to the recipient's address
 * @param model the values the template uses, by name
 * @param category {@link Category#BULK} mail (reports, reminders) carries RFC 8058 one-click unsubscribe headers
 * @param unsubscribeUrl the one-click unsubscribe URL for bulk mail, {@code null} for transactional mail
 */
public record EmailRequested(
        String idempotencyKey,
        String template,
        String locale,
        String to,
        Map<String, Object> model,
        Category category,
        String unsubscribeUrl) {

    public static final String TOPIC = "notification.email-requested.v1";
    public static final String TYPE = "EmailRequested";
    public static final int VERSION = 1;

    public EmailRequested {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(to, "to");
        locale = locale == null ? "en" : locale;
        model = model == null ? Map.of() : Map.copyOf(model);
        category = category == null ? Category.TRANSACTIONAL : category;
    }

    public enum Category {
        /** Sign-up codes, password resets, receipts: sent because the user acted. */
        TRANSACTIONAL,
        /** Reports, reminders: sent on a schedule; one-click unsubscribe. */
        BULK
    }
}
