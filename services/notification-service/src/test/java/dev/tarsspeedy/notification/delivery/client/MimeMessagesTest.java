package dev.tarsspeedy.notification.delivery.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.notification.delivery.InlineImage;
import dev.tarsspeedy.notification.delivery.OutgoingEmail;
import dev.tarsspeedy.notification.delivery.RenderedEmail;
import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The MIME message as it goes over the wire: written out and parsed back, like a receiving server would. */
class MimeMessagesTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final InternetAddress FROM = MimeMessages.sender("TARS & Speedy <no-reply@tars-speedy.dev>");
    private static final RenderedEmail CONTENT =
            new RenderedEmail("[Speedy] 주문이 확인되었습니다", "김민준님, 안녕하세요.\n주문 번호: A-1", "<p>김민준님, 안녕하세요.</p>");
    private static final String MESSAGE_ID = "<0123abcd@tars-speedy.dev>";

    private static MimeMessage wire(OutgoingEmail email) throws Exception {
        MimeMessage built = MimeMessages.build(SESSION, FROM, email);
        // saveChanges() again, as the sender does: the Message-ID must survive it.
        built.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        built.writeTo(bytes);
        String raw = bytes.toString(StandardCharsets.US_ASCII);
        assertThat(raw.chars().allMatch(c -> c < 128))
                .as("7-bit clean on the wire")
                .isTrue();
        return new MimeMessage(SESSION, new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void transactionalMailIsMultipartAlternativeInUtf8WithTheGivenMessageId() throws Exception {
        MimeMessage message = wire(new OutgoingEmail("kim@example.com", CONTENT, MESSAGE_ID, null));

        assertThat(message.getMessageID()).isEqualTo(MESSAGE_ID);
        assertThat(message.getHeader("Message-ID")).containsExactly(MESSAGE_ID);
        assertThat(message.getSubject()).isEqualTo("[Speedy] 주문이 확인되었습니다");
        assertThat(message.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(message.getFrom()).hasSize(1);
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@tars-speedy.dev");
        assertThat(from.getPersonal()).isEqualTo("TARS & Speedy");
        assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("kim@example.com");
        assertThat(message.getSentDate()).isNotNull();
        assertThat(message.getHeader("List-Unsubscribe")).isNull();
        assertThat(message.getHeader("List-Unsubscribe-Post")).isNull();

        assertThat(message.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(html.getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat(text.getContent()).isEqualTo("김민준님, 안녕하세요.\n주문 번호: A-1");
        assertThat(html.getContent()).isEqualTo("<p>김민준님, 안녕하세요.</p>");
    }

    @Test
    void bulkMailCarriesOneClickUnsubscribeHeaders() throws Exception {
        MimeMessage message =
                wire(new OutgoingEmail("kim@example.com", CONTENT, MESSAGE_ID, "https://tars.example/u?t=a1&x=2"));

        assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<https://tars.example/u?t=a1&x=2>");
        assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(message.getMessageID()).isEqualTo(MESSAGE_ID);
    }

    @Test
    void inlineImagesGoWithTheHtmlInMultipartRelated() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 1, 2, (byte) 0xff};
        byte[] other = {(byte) 0x89, 'P', 'N', 'G', 9, 9};
        RenderedEmail content = new RenderedEmail(
                "[TARS] 관심 종목 리포트",
                "삼성전자 71,500원",
                "<p>삼성전자</p><img src=\"cid:chart-1@tars-speedy.dev\"><img src=\"cid:chart-2@tars-speedy.dev\">",
                List.of(
                        new InlineImage("chart-1@tars-speedy.dev", "image/png", png),
                        new InlineImage("chart-2@tars-speedy.dev", "image/png", other)));

        MimeMessage message = wire(new OutgoingEmail("kim@example.com", content, MESSAGE_ID, "https://tars.example/u"));

        assertThat(message.getContentType()).startsWith("multipart/alternative");
        MimeMultipart alternatives = (MimeMultipart) message.getContent();
        assertThat(alternatives.getCount()).isEqualTo(2);
        assertThat(alternatives.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(alternatives.getBodyPart(0).getContent()).isEqualTo("삼성전자 71,500원");
        BodyPart relatedPart = alternatives.getBodyPart(1);
        assertThat(relatedPart.getContentType()).startsWith("multipart/related");
        MimeMultipart related = (MimeMultipart) relatedPart.getContent();
        assertThat(related.getCount()).isEqualTo(3);
        assertThat(related.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat((String) related.getBodyPart(0).getContent()).contains("cid:chart-1@tars-speedy.dev");
        for (int i = 1; i <= 2; i++) {
            MimeBodyPart image = (MimeBodyPart) related.getBodyPart(i);
            assertThat(image.getContentType()).startsWith("image/png");
            assertThat(image.getContentID()).isEqualTo("<chart-" + i + "@tars-speedy.dev>");
            assertThat(image.getDisposition()).isEqualTo("inline");
            assertThat(image.getFileName()).isEqualTo("chart-" + i + ".png");
            assertThat(image.getEncoding()).isEqualTo("base64");
            assertThat(image.getInputStream().readAllBytes()).isEqualTo(i == 1 ? png : other);
        }
        assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<https://tars.example/u>");
        assertThat(message.getMessageID()).isEqualTo(MESSAGE_ID);
    }

    @Test
    void aKoreanSenderNameIsEncoded() throws Exception {
        InternetAddress sender = MimeMessages.sender("티에이알에스 <no-reply@tars-speedy.dev>");

        assertThat(sender.getPersonal()).isEqualTo("티에이알에스");
        assertThat(sender.toString()).startsWith("=?UTF-8?").endsWith("<no-reply@tars-speedy.dev>");
        assertThat(MimeUtility.decodeText(sender.toString())).isEqualTo("티에이알에스 <no-reply@tars-speedy.dev>");
    }

    @Test
    void refusesWhatIsNotOnePlainAddress() {
        for (String to : new String[] {"not an address", "a@b.example, c@d.example", "Kim <kim@example.com>", "kim@"}) {
            assertThatThrownBy(() -> MimeMessages.recipient(to)).as(to).isInstanceOf(AddressException.class);
        }
        assertThatThrownBy(() -> MimeMessages.sender("TARS & Speedy")).isInstanceOf(IllegalArgumentException.class);
    }
}
