package dev.tarsspeedy.notification.delivery;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.contracts.notification.EmailRequested.Category;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which mail is bulk, and what bulk mail needs: an RFC 8058 one-click unsubscribe URL, which becomes its
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} headers. A bulk template (a report, a reminder) makes
 * the mail bulk whatever category the producer gave it, so the headers never depend on a producer's choice.
 */
final class BulkMail {

    private BulkMail() {}

    /** The request as it is sent: {@code BULK} when its template is bulk mail, else as the producer said. */
    static EmailRequested categorised(EmailRequested request, boolean bulkTemplate) {
        if (!bulkTemplate || request.category() == Category.BULK) {
            return request;
        }
        return new EmailRequested(
                request.idempotencyKey(),
                request.template(),
                request.locale(),
                request.to(),
                request.model(),
                Category.BULK,
                request.unsubscribeUrl());
    }

    /**
     * Checks what a request needs beyond its template: a recipient, and for bulk mail a usable unsubscribe URL.
     *
     * @throws RejectedRequestException when it can never be sent as it is
     */
    static void checkAddressing(EmailRequested request) {
        if (request.to().isBlank()) {
            throw new RejectedRequestException("no recipient address");
        }
        if (request.category() != Category.BULK) {
            return;
        }
        String url = request.unsubscribeUrl();
        if (url == null || url.isBlank()) {
            throw new RejectedRequestException("BULK mail needs an unsubscribeUrl (RFC 8058 one-click unsubscribe);"
                    + " template '" + request.template() + "' is sent as BULK");
        }
        if (!url.chars().allMatch(c -> c > ' ' && c < 127)) {
            // It goes into a header as it is: no spaces, line breaks or non-ASCII (percent-encode those).
            throw new RejectedRequestException("unsubscribeUrl must be printable ASCII without spaces: " + url);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new RejectedRequestException("unsubscribeUrl must be an absolute https URL: " + url);
            }
        } catch (URISyntaxException e) {
            throw new RejectedRequestException("unsubscribeUrl is not a URL: " + e.getMessage());
        }
    }

    /** The unsubscribe URL the message carries in its headers; {@code null} for transactional mail. */
    static String unsubscribeUrl(EmailRequested request) {
        return request.category() == Category.BULK ? request.unsubscribeUrl() : null;
    }
}
