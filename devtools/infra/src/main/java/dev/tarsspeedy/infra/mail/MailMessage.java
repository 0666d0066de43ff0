package dev.tarsspeedy.infra.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A received message as the mailbox serves it: bodies decoded to plain strings.
 *
 * @param id stable and unique per message while the server runs
 * @param from the sender's address without display name: the {@code From} header, else the SMTP envelope sender
 * @param to the SMTP envelope recipients (so Bcc recipients are included), in header order where they appear there
 * @param subject decoded (RFC 2047), {@code null} without a {@code Subject} header
 * @param text the first inline text/plain part, transfer encoding and charset decoded, line breaks as {@code \n};
 *     {@code null} when there is none
 * @param html the first inline text/html part, decoded like {@code text}; {@code null} when there is none
 * @param headers every header, names as sent, values decoded (RFC 2047), several values for repeated headers
 * @param receivedAt when the SMTP server accepted the message
 * @param parts every other leaf part (inline images, attachments) in message order, decoded
 */
public record MailMessage(
        String id,
        String from,
        List<String> to,
        String subject,
        String text,
        String html,
        Map<String, List<String>> headers,
        Instant receivedAt,
        List<MailPart> parts) {

    public MailMessage {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }
}
