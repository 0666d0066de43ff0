package dev.tarsspeedy.notification.delivery;

import java.util.Objects;

/**
 * One email ready for the SMTP server.
 *
 * @param to the recipient's address, as requested (the sender checks it)
 * @param messageId the {@code Message-ID} header, with angle brackets: the same for every attempt of one request
 * @param unsubscribeUrl for bulk mail, the RFC 8058 one-click unsubscribe URL; {@code null} for transactional mail
 */
public record OutgoingEmail(String to, RenderedEmail content, String messageId, String unsubscribeUrl) {

    public OutgoingEmail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(messageId, "messageId");
    }

    public boolean bulk() {
        return unsubscribeUrl != null;
    }
}
