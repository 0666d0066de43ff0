package dev.tarsspeedy.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MimeDecodingTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T09:30:00Z");
    private static final String SUBJECT = "주문이 확인되었습니다";
    private static final String TEXT = "안녕하세요, 주문 #1042가 확인되었습니다.\n감사합니다.";
    private static final String HTML = "<p>안녕하세요, <b>주문 #1042</b>가 확인되었습니다.</p>";

    @Test
    void decodesEncodedWordsQuotedPrintableAndBase64() throws Exception {
        String raw = crlf("""
                Return-Path: <bounce@tars.dev>
                From: =?UTF-8?B?%s?= <alerts@tars.dev>
                To: Buyer <buyer@example.com>
                Subject: =?UTF-8?B?%s?=
                List-Unsubscribe: <https://tars.dev/unsubscribe?u=42>
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                %s
                --b1
                Content-Type: text/html; charset=UTF-8
                Content-Transfer-Encoding: base64

                %s
                --b1--
                """.formatted(
                        base64("TARS 알림", StandardCharsets.UTF_8),
                        base64(SUBJECT, StandardCharsets.UTF_8),
                        quotedPrintableUtf8(TEXT),
                        base64(HTML, StandardCharsets.UTF_8)));

        MailMessage message = decode(raw, List.of("buyer@example.com"));

        assertThat(message.id()).isEqualTo("7");
        assertThat(message.receivedAt()).isEqualTo(RECEIVED);
        assertThat(message.from()).isEqualTo("alerts@tars.dev");
        assertThat(message.to()).containsExactly("buyer@example.com");
        assertThat(message.subject()).isEqualTo(SUBJECT);
        assertThat(message.text()).isEqualTo(TEXT);
        assertThat(message.html()).isEqualTo(HTML);
        assertThat(message.headers())
                .containsEntry("Subject", List.of(SUBJECT))
                .containsEntry("From", List.of("TARS 알림 <alerts@tars.dev>"))
                .containsEntry("List-Unsubscribe", List.of("<https://tars.dev/unsubscribe?u=42>"));
        assertThat(message.headers().keySet())
                .containsExactly(
                        "Return-Path", "From", "To", "Subject", "List-Unsubscribe", "MIME-Version", "Content-Type");
    }

    @Test
    void readsEachPartInItsOwnCharset() throws Exception {
        String raw = crlf(
                """
                From: shop@example.com
                Subject: =?EUC-KR?B?%s?=
                Content-Type: text/plain; charset=euc-kr
                Content-Transfer-Encoding: base64

                %s
                """.formatted(base64(SUBJECT, Charset.forName("EUC-KR")), base64(TEXT, Charset.forName("EUC-KR"))));

        MailMessage message = decode(raw, List.of("buyer@example.com"));

        assertThat(message.subject()).isEqualTo(SUBJECT);
        assertThat(message.text()).isEqualTo(TEXT);
        assertThat(message.html()).isNull();
    }

    @Test
    void skipsAttachmentsAndFindsBodiesInNestedMultiparts() throws Exception {
        String raw = crlf("""
                From: shop@example.com
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: text/plain; charset=UTF-8
                Content-Disposition: attachment; filename="invoice.txt"

                attached, not the body
                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/html

                <p>%s</p>
                --inner--
                --outer--
                """.formatted(TEXT));

        MailMessage message = decode(raw, List.of("buyer@example.com"));

        assertThat(message.text()).isNull();
        assertThat(message.html()).isEqualTo("<p>" + TEXT + "</p>"); // 8-bit without a charset is read as UTF-8
        assertThat(message.subject()).isNull();
    }

    @Test
    void ordersEnvelopeRecipientsLikeTheHeadersAndAddsBlindCopiesLast() throws Exception {
        String raw = crlf("""
                From: shop@example.com
                To: Second <Second@Example.com>, first@example.com
                Cc: not-delivered@example.com

                hello
                """);

        MailMessage message = decode(
                raw, List.of("first@example.com", "zz-bcc@example.com", "second@example.com", "aa-bcc@example.com"));

        assertThat(message.to())
                .containsExactly("second@example.com", "first@example.com", "aa-bcc@example.com", "zz-bcc@example.com");
    }

    @Test
    void fallsBackToTheEnvelopeSenderAndGroupsRepeatedHeaders() throws Exception {
        String raw = crlf("""
                Received: from a
                received: from b
                X-Tag: =?UTF-8?Q?caf=C3=A9?=
                 folded

                hello
                """);

        MailMessage message = decode(raw, List.of("buyer@example.com"));

        assertThat(message.from()).isEqualTo("bounce@tars.dev");
        assertThat(message.headers())
                .containsEntry("Received", List.of("from a", "from b"))
                .containsEntry("X-Tag", List.of("café folded"));
        assertThat(message.headers()).doesNotContainKey("received");
    }

    @Test
    void unknownOrMissingCharsetsReadAsUtf8() {
        assertThat(MimeDecoding.charset("text/plain")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(MimeDecoding.charset("text/plain; charset=x-unheard-of")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(MimeDecoding.charset("text/plain; charset=\"ks_c_5601-1987\""))
                .isNotEqualTo(StandardCharsets.UTF_8);
        assertThat(MimeDecoding.charset("text/plain; charset=iso-8859-1")).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    private static MailMessage decode(String raw, List<String> envelopeRecipients) throws Exception {
        MimeMessage mime = new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        return MimeDecoding.decode("7", RECEIVED, "bounce@tars.dev", envelopeRecipients, mime);
    }

    private static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    private static String base64(String text, Charset charset) {
        return Base64.getEncoder().encodeToString(text.getBytes(charset));
    }

    /** Encodes every non-ASCII byte and keeps line breaks as hard breaks, as senders do. */
    private static String quotedPrintableUtf8(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int unsigned = b & 0xff;
            if (unsigned == '\n') {
                encoded.append('\n');
            } else if (unsigned >= 128 || unsigned == '=') {
                encoded.append('=').append(String.format("%02X", unsigned));
            } else {
                encoded.append((char) unsigned);
            }
        }
        return encoded.toString();
    }
}
