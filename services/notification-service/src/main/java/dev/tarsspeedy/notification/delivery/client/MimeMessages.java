package dev.tarsspeedy.notification.delivery.client;

import dev.tarsspeedy.notification.delivery.InlineImage;
import dev.tarsspeedy.notification.delivery.OutgoingEmail;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

/**
 * Builds the MIME message for an {@link OutgoingEmail}: {@code multipart/alternative} with a {@code text/plain} and a
 * {@code text/html} part, both UTF-8 (the transfer encoding JavaMail picks keeps Korean intact), an RFC 2047 encoded
 * subject, the request's deterministic {@code Message-ID}, and for bulk mail the RFC 8058 one-click unsubscribe
 * headers. When the HTML shows inline images, the HTML part becomes a {@code multipart/related} of the HTML and the
 * images (base64, {@code Content-ID}, inline), the structure mail clients resolve {@code cid:} references in:
 *
 * <pre>
 * multipart/alternative
 * ├── text/plain
 * └── multipart/related
 *     ├── text/html
 *     └── image/png (Content-ID: &lt;...&gt;), ...
 * </pre>
 */
final class MimeMessages {

    static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
    static final String ONE_CLICK = "List-Unsubscribe=One-Click";
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private MimeMessages() {}

    /**
     * The sender's address, parsed strictly, its display name (Korean too) encoded as UTF-8.
     *
     * @throws IllegalArgumentException when {@code from} is not an address
     */
    static InternetAddress sender(String from) {
        try {
            InternetAddress parsed = new InternetAddress(from, true);
            return parsed.getPersonal() == null
                    ? parsed
                    : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), UTF_8);
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("not a sender address: '" + from + "': " + e.getMessage(), e);
        }
    }

    /**
     * The recipient's address, parsed strictly: one plain address, no display name, no list.
     *
     * @throws AddressException when it is not one
     */
    static InternetAddress recipient(String to) throws AddressException {
        InternetAddress address = new InternetAddress(to.strip(), true);
        address.validate();
        if (address.getPersonal() != null || address.isGroup()) {
            throw new AddressException("expected a plain address", to);
        }
        return address;
    }

    static MimeMessage build(Session session, InternetAddress from, OutgoingEmail email) throws MessagingException {
        MimeMessage message = new FixedIdMimeMessage(session, email.messageId());
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, recipient(email.to()));
        message.setSubject(email.content().subject(), UTF_8);
        message.setSentDate(new Date());
        if (email.bulk()) {
            // RFC 2369 wants the URL in angle brackets; RFC 8058 adds the POST marker for one-click unsubscribe.
            message.setHeader(LIST_UNSUBSCRIBE, "<" + email.unsubscribeUrl() + ">");
            message.setHeader(LIST_UNSUBSCRIBE_POST, ONE_CLICK);
        }

        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.content().text(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.content().html(), UTF_8, "html");
        // Simplest first: a client shows the last alternative it understands.
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(withImages(html, email.content().images()));
        message.setContent(alternatives);
        message.saveChanges();
        return message;
    }

    /** The HTML part as it is, or with its images in a {@code multipart/related} (RFC 2387) whose root it is. */
    private static MimeBodyPart withImages(MimeBodyPart html, List<InlineImage> images) throws MessagingException {
        if (images.isEmpty()) {
            return html;
        }
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(html);
        for (InlineImage image : images) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(image.content(), image.contentType())));
            part.setContentID("<" + image.contentId() + ">");
            part.setDisposition(Part.INLINE);
            part.setFileName(fileName(image));
            part.setHeader("Content-Transfer-Encoding", "base64");
            related.addBodyPart(part);
        }
        MimeBodyPart wrapper = new MimeBodyPart();
        wrapper.setContent(related);
        return wrapper;
    }

    /** A file name for clients that offer inline images for saving: the Content-ID's local part and the type. */
    private static String fileName(InlineImage image) {
        String local = image.contentId().replaceFirst("@.*$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        String subtype = image.contentType().replaceFirst("^[^/]*/", "").replaceFirst(";.*$", "");
        return local + "." + subtype;
    }

    /**
     * A message whose Message-ID survives {@link MimeMessage#saveChanges()}, which would otherwise replace it with a
     * random one on every send.
     */
    static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
