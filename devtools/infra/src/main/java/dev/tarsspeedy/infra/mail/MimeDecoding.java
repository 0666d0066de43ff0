package dev.tarsspeedy.infra.mail;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns a received MIME message into a {@link MailMessage}: decoded subject, headers and text bodies. */
final class MimeDecoding {

    private MimeDecoding() {}

    /**
     * Decodes what a test wants to assert on. Never throws: a part that cannot be decoded comes out as
     * {@code null} rather than losing the whole message.
     *
     * @param envelopeSender the SMTP {@code MAIL FROM} address, used when the message has no {@code From}
     * @param envelopeRecipients the SMTP {@code RCPT TO} addresses
     */
    static MailMessage decode(
            String id,
            Instant receivedAt,
            String envelopeSender,
            Collection<String> envelopeRecipients,
            MimeMessage message) {
        List<Part> bodies = inlineParts(message);
        return new MailMessage(
                id,
                sender(message).orElse(blankToNull(envelopeSender)),
                recipients(message, envelopeRecipients),
                subject(message),
                firstText(bodies, "text/plain"),
                firstText(bodies, "text/html"),
                headers(message),
                receivedAt,
                otherParts(message));
    }

    /** The leaf parts that are not the first text/plain or text/html body (inline images, attachments). */
    static List<MailPart> otherParts(Part root) {
        List<Part> leaves = new ArrayList<>();
        try {
            collectLeaves(root, leaves);
        } catch (MessagingException | IOException e) {
            // keep the parts found before the broken one
        }
        List<MailPart> parts = new ArrayList<>();
        boolean text = false;
        boolean html = false;
        for (Part part : leaves) {
            try {
                boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
                if (!attachment && !text && part.isMimeType("text/plain")) {
                    text = true;
                    continue;
                }
                if (!attachment && !html && part.isMimeType("text/html")) {
                    html = true;
                    continue;
                }
                byte[] content;
                try (InputStream in = part.getInputStream()) {
                    content = in.readAllBytes();
                }
                String[] ids =
                        part instanceof jakarta.mail.internet.MimePart mime ? mime.getHeader("Content-ID") : null;
                String contentId =
                        ids == null || ids.length == 0 ? null : ids[0].strip().replaceAll("^<|>$", "");
                parts.add(new MailPart(
                        new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT),
                        contentId,
                        part.getDisposition() == null
                                ? null
                                : part.getDisposition().toLowerCase(Locale.ROOT),
                        part.getFileName(),
                        content));
            } catch (MessagingException | IOException e) {
                // a part that cannot be decoded is left out; the others are still worth showing
            }
        }
        return List.copyOf(parts);
    }

    private static void collectLeaves(Part part, List<Part> leaves) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectLeaves(multipart.getBodyPart(i), leaves);
            }
        } else {
            leaves.add(part);
        }
    }

    /**
     * The envelope recipients, deduplicated ignoring case, in the order the To, Cc and Bcc headers name them;
     * envelope-only recipients (Bcc headers are usually stripped) follow in alphabetical order.
     */
    static List<String> recipients(MimeMessage message, Collection<String> envelopeRecipients) {
        Map<String, String> envelope = new HashMap<>();
        envelopeRecipients.stream().sorted().forEach(address -> envelope.putIfAbsent(lower(address), address));
        Set<String> ordered = new LinkedHashSet<>();
        for (Address address : headerRecipients(message)) {
            if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                Optional.ofNullable(envelope.get(lower(internet.getAddress()))).ifPresent(ordered::add);
            }
        }
        envelope.values().stream().sorted().forEach(ordered::add);
        return List.copyOf(ordered);
    }

    /** Header name as first sent -> decoded values, in message order; names grouped ignoring case. */
    static Map<String, List<String>> headers(Part part) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, String> firstSpelling = new HashMap<>();
        try {
            for (Header header : Collections.list(part.getAllHeaders())) {
                String name = firstSpelling.computeIfAbsent(lower(header.getName()), key -> header.getName());
                headers.computeIfAbsent(name, n -> new ArrayList<>()).add(decodeHeader(header.getValue()));
            }
        } catch (MessagingException e) {
            // The headers parsed before the failure are still worth showing.
        }
        Map<String, List<String>> immutable = new LinkedHashMap<>();
        headers.forEach((name, values) -> immutable.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(immutable);
    }

    static String decodeHeader(String raw) {
        if (raw == null) {
            return "";
        }
        String unfolded = MimeUtility.unfold(raw);
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException e) {
            return unfolded; // an unknown charset in an encoded word: the raw text beats nothing
        }
    }

    /** The decoded bytes of a text part in its declared charset; UTF-8 when none or an unknown one is declared. */
    static String text(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        // SMTP forces CRLF on the wire; \n gives back what the sender most likely wrote.
        return new String(bytes, charset(part.getContentType())).replace("\r\n", "\n");
    }

    static Charset charset(String contentType) {
        try {
            String name = new ContentType(contentType).getParameter("charset");
            // Without a declared charset, UTF-8 reads US-ASCII correctly and the 8-bit text senders often send.
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(MimeUtility.javaCharset(name));
        } catch (ParseException | IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static Optional<String> sender(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            if (from != null) {
                for (Address address : from) {
                    if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                        return Optional.of(internet.getAddress());
                    }
                }
            }
        } catch (MessagingException e) {
            // an unparsable From header: fall back to the envelope
        }
        return Optional.empty();
    }

    private static Address[] headerRecipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? new Address[0] : all;
        } catch (MessagingException e) {
            return new Address[0];
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The non-attachment leaf parts in document order, descending into every multipart. */
    private static List<Part> inlineParts(Part root) {
        List<Part> leaves = new ArrayList<>();
        try {
            collectInlineParts(root, leaves);
        } catch (MessagingException | IOException e) {
            // keep the parts found before the broken one
        }
        return leaves;
    }

    private static void collectInlineParts(Part part, List<Part> leaves) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectInlineParts(multipart.getBodyPart(i), leaves);
            }
        } else {
            leaves.add(part);
        }
    }

    private static String firstText(List<Part> parts, String mimeType) {
        for (Part part : parts) {
            try {
                if (part.isMimeType(mimeType)) {
                    return text(part);
                }
            } catch (MessagingException | IOException e) {
                return null;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
