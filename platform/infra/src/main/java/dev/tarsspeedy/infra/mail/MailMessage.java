package dev.tarsspeedy.infra.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A received message as the mailbox serves it: bodies decoded to plain strings.
 *
 * @param headers every header, names as sent, values decoded (RFC 2047), several values for repeated headers
 */
public record MailMessage(
        String id,
        String from,
        List<String> to,
        String subject,
        String text,
        String html,
        Map<String, List<String>> headers,
        Instant receivedAt) {}
