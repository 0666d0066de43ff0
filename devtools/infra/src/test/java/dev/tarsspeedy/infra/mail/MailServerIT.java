package dev.tarsspeedy.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.tarsspeedy.infra.InfraSettings;
import dev.tarsspeedy.infra.InfraSettings.ExternalServers;
import dev.tarsspeedy.infra.process.NetworkPorts;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real mail over SMTP into the server, read back through the HTTP mailbox. */
class MailServerIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BUYER = "buyer@example.com";
    private static final String SUBJECT = "주문이 확인되었습니다";
    private static final String TEXT = "안녕하세요, 주문 #1042가 확인되었습니다.\n감사합니다.";
    private static final String HTML = "<p>안녕하세요, <b>주문 #1042</b>가 확인되었습니다.</p>";
    private static final String UNSUBSCRIBE = "<https://tars.dev/unsubscribe?u=42>";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static MailServer mail;
    private static Mailbox mailbox;

    @BeforeAll
    static void start() {
        mail = new MailServer(InfraSettings.forTests());
        mail.start();
        mailbox = mail.mailbox();
    }

    @AfterAll
    static void stop() {
        if (mail != null) {
            mail.stop();
        }
    }

    @BeforeEach
    void emptyMailbox() {
        mailbox.clear();
    }

    @Test
    void decodesAKoreanMultipartMessage() throws Exception {
        Instant before = Instant.now();
        MimeMessage message = newMessage();
        message.setFrom(new InternetAddress("alerts@tars.dev", "TARS 알림", "UTF-8"));
        message.setRecipients(RecipientType.TO, BUYER);
        message.setSubject(SUBJECT, "UTF-8");
        message.setHeader("List-Unsubscribe", UNSUBSCRIBE);
        message.setContent(alternative(TEXT, HTML));
        Transport.send(message);

        MailMessage received = mailbox.awaitMessages(BUYER, 1, WAIT).getFirst();
        Instant after = Instant.now();

        assertThat(received.id()).isNotBlank();
        assertThat(received.from()).isEqualTo("alerts@tars.dev");
        assertThat(received.to()).containsExactly(BUYER);
        assertThat(received.subject()).isEqualTo(SUBJECT);
        assertThat(received.text()).isEqualTo(TEXT);
        assertThat(received.html()).isEqualTo(HTML);
        assertThat(received.headers())
                .containsEntry("Subject", List.of(SUBJECT))
                .containsEntry("From", List.of("TARS 알림 <alerts@tars.dev>"))
                .containsEntry("To", List.of(BUYER))
                .containsEntry("List-Unsubscribe", List.of(UNSUBSCRIBE));
        assertThat(received.receivedAt()).isBetween(before, after);
        assertThat(received.parts()).isEmpty();
    }

    @Test
    void servesInlineImagesAndAttachmentsAsParts() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        MimeMultipart related = new MimeMultipart("related");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>차트</p><img src=\"cid:chart-1@tars.dev\">", "UTF-8", "html");
        related.addBodyPart(html);
        MimeBodyPart image = new MimeBodyPart();
        image.setDataHandler(
                new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(png, "image/png")));
        image.setContentID("<chart-1@tars.dev>");
        image.setDisposition(jakarta.mail.Part.INLINE);
        image.setFileName("chart-1.png");
        related.addBodyPart(image);
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("차트", "UTF-8");
        alternative.addBodyPart(text);
        alternative.addBodyPart(relatedPart);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        mixed.addBodyPart(body);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setText("a,b\n1,2\n", "UTF-8");
        attachment.setDisposition(jakarta.mail.Part.ATTACHMENT);
        attachment.setFileName("prices.csv");
        mixed.addBodyPart(attachment);
        MimeMessage message = newMessage();
        message.setFrom("alerts@tars.dev");
        message.setRecipients(RecipientType.TO, BUYER);
        message.setSubject("with a chart", "UTF-8");
        message.setContent(mixed);
        Transport.send(message);

        MailMessage received = mailbox.awaitMessages(BUYER, 1, WAIT).getFirst();

        assertThat(received.text()).isEqualTo("차트");
        assertThat(received.html()).isEqualTo("<p>차트</p><img src=\"cid:chart-1@tars.dev\">");
        assertThat(received.parts()).hasSize(2);
        MailPart chart = received.parts().get(0);
        assertThat(chart.contentType()).isEqualTo("image/png");
        assertThat(chart.contentId()).isEqualTo("chart-1@tars.dev");
        assertThat(chart.disposition()).isEqualTo("inline");
        assertThat(chart.fileName()).isEqualTo("chart-1.png");
        assertThat(chart.content()).isEqualTo(png);
        MailPart csv = received.parts().get(1);
        assertThat(csv.contentType()).isEqualTo("text/plain");
        assertThat(csv.contentId()).isNull();
        assertThat(csv.disposition()).isEqualTo("attachment");
        assertThat(csv.fileName()).isEqualTo("prices.csv");
        // The bytes as they arrived: SMTP carries text with CRLF line ends.
        assertThat(new String(csv.content(), StandardCharsets.UTF_8)).isEqualTo("a,b\r\n1,2\r\n");
    }

    @Test
    void everyRecipientSeesTheMessageAndOnlyTheirs() throws Exception {
        MimeMessage both = newMessage();
        both.setFrom("shop@example.com");
        both.setRecipients(RecipientType.TO, "a@example.com");
        both.setRecipients(RecipientType.CC, "b@example.com");
        both.setSubject("for a and b", "UTF-8");
        both.setText("hello both", "UTF-8");
        Transport.send(both);
        MimeMessage other = newMessage();
        other.setFrom("shop@example.com");
        other.setRecipients(RecipientType.TO, "c@example.com");
        other.setSubject("for c", "UTF-8");
        other.setText("hello c", "UTF-8");
        Transport.send(other);

        List<MailMessage> forA = mailbox.awaitMessages("a@example.com", 1, WAIT);
        mailbox.awaitMessages("c@example.com", 1, WAIT);

        assertThat(forA).singleElement().satisfies(message -> {
            assertThat(message.subject()).isEqualTo("for a and b");
            assertThat(message.to()).containsExactly("a@example.com", "b@example.com");
        });
        assertThat(mailbox.messages("B@Example.COM"))
                .extracting(MailMessage::id)
                .containsExactly(forA.getFirst().id());
        assertThat(mailbox.messages("c@example.com"))
                .extracting(MailMessage::subject)
                .containsExactly("for c");
        assertThat(mailbox.messages()).extracting(MailMessage::subject).containsExactly("for a and b", "for c");
        if (!mail.isExternal()) {
            assertThat(mail.greenMailCopies()).isEqualTo(3); // GreenMail itself stores one copy per recipient
        }
    }

    @Test
    void servesTheJsonContract() throws Exception {
        Instant before = Instant.now();
        sendText(BUYER, "plain only", "just text");
        mailbox.awaitMessages(BUYER, 1, WAIT);

        HttpResponse<String> response = get("/api/messages?to=buyer%40example.com");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        JsonNode messages = JsonMapper.builder().build().readTree(response.body());
        assertThat(messages.isArray()).isTrue();
        assertThat(messages.size()).isEqualTo(1);
        JsonNode message = messages.get(0);
        assertThat(fieldNames(message))
                .containsExactly("id", "from", "to", "subject", "text", "html", "headers", "receivedAt", "parts");
        assertThat(message.get("id").isString()).isTrue();
        assertThat(message.get("to").isArray()).isTrue();
        assertThat(message.get("to").get(0).asString()).isEqualTo(BUYER);
        assertThat(message.get("subject").asString()).isEqualTo("plain only");
        assertThat(message.get("text").asString()).isEqualTo("just text");
        assertThat(message.get("html").isNull()).isTrue();
        assertThat(message.get("headers").get("Subject").get(0).asString()).isEqualTo("plain only");
        assertThat(message.get("parts").isArray()).isTrue();
        assertThat(message.get("parts").size()).isZero();
        assertThat(Instant.parse(message.get("receivedAt").asString())).isBetween(before, Instant.now());
        assertThat(get("/api/messages?to=nobody%40example.com").body()).isEqualTo("[]");
    }

    @Test
    void deleteEmptiesTheMailboxAndGreenMail() throws Exception {
        sendText(BUYER, "to be deleted", "bye");
        mailbox.awaitMessages(BUYER, 1, WAIT);

        HttpResponse<String> deleted =
                send(HttpRequest.newBuilder(uri("/api/messages")).DELETE());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/api/messages").body()).isEqualTo("[]");
        assertThat(mailbox.messages(BUYER)).isEmpty();
        if (!mail.isExternal()) {
            assertThat(mail.greenMailCopies()).isZero();
        }

        sendText(BUYER, "after the purge", "hi again");
        assertThat(mailbox.awaitMessages(BUYER, 1, WAIT))
                .extracting(MailMessage::subject)
                .containsExactly("after the purge");
    }

    @Test
    void showsMessagesOnEscapedWebPages() throws Exception {
        assertThat(get("/").body()).contains("No mail yet");
        MimeMessage message = newMessage();
        message.setFrom("shop@example.com");
        message.setRecipients(RecipientType.TO, BUYER);
        message.setSubject("재입고 알림: <Speedy> & TARS", "UTF-8");
        message.setContent(alternative("1 < 2 & 재입고", "<p>Tom &amp; Jerry say \"hi\"</p>"));
        Transport.send(message);
        String id = mailbox.awaitMessages(BUYER, 1, WAIT).getFirst().id();

        HttpResponse<String> list = get("/");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(list.body())
                .contains("재입고 알림: &lt;Speedy&gt; &amp; TARS")
                .contains("href=\"messages/" + id + "\"")
                .doesNotContain("<Speedy>")
                .doesNotContain("No mail yet");

        HttpResponse<String> page = get("/messages/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<pre>1 &lt; 2 &amp; 재입고</pre>")
                .contains("srcdoc=\"&lt;p&gt;Tom &amp;amp; Jerry say &quot;hi&quot;&lt;/p&gt;\"")
                .contains("sandbox=\"")
                .doesNotContain("<p>Tom");
    }

    @Test
    void listsTheNewestMessageFirstAndOpensEachOnItsOwnPage() throws Exception {
        sendText(BUYER, "첫 번째: older", "the older body");
        mailbox.awaitMessages(BUYER, 1, WAIT);
        sendText(BUYER, "두 번째: newer", "the newer body");
        List<MailMessage> oldestFirst = mailbox.awaitMessages(BUYER, 2, WAIT);
        assertThat(oldestFirst).extracting(MailMessage::subject).containsExactly("첫 번째: older", "두 번째: newer");

        String list = get("/").body();

        assertThat(list).contains("첫 번째: older", "두 번째: newer");
        assertThat(list.indexOf("두 번째: newer"))
                .as("the newer message comes first")
                .isLessThan(list.indexOf("첫 번째: older"));
        assertThat(list.indexOf("href=\"messages/" + oldestFirst.get(1).id() + "\""))
                .isLessThan(list.indexOf("href=\"messages/" + oldestFirst.get(0).id() + "\""));
        HttpResponse<String> older = get("/messages/" + oldestFirst.get(0).id());
        HttpResponse<String> newer = get("/messages/" + oldestFirst.get(1).id());
        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(older.body()).contains("<pre>the older body</pre>").doesNotContain("the newer body");
        assertThat(newer.statusCode()).isEqualTo(200);
        assertThat(newer.body()).contains("<pre>the newer body</pre>").doesNotContain("the older body");
    }

    @Test
    void deleteAllButtonPurgesAndRedirectsToTheList() throws Exception {
        sendText(BUYER, "button", "press it");
        mailbox.awaitMessages(BUYER, 1, WAIT);

        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/api/messages/delete")).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(uri("/api/messages/delete")
                        .resolve(response.headers().firstValue("Location").orElseThrow()))
                .isEqualTo(uri("/"));
        assertThat(mailbox.messages()).isEmpty();
    }

    @Test
    void answersUnknownPathsAndWrongMethods() throws Exception {
        assertThat(get("/nope").statusCode()).isEqualTo(404);
        assertThat(get("/messages/no-such-id").statusCode()).isEqualTo(404);
        assertThat(get("/api/messages?to=").statusCode()).isEqualTo(400);

        HttpResponse<String> post =
                send(HttpRequest.newBuilder(uri("/api/messages")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, DELETE");
        assertThat(send(HttpRequest.newBuilder(uri("/")).DELETE()).statusCode()).isEqualTo(405);

        assertThat(get("/api/messages").statusCode()).isEqualTo(200); // still serving
    }

    @Test
    void awaitingTooManyMessagesReportsWhatArrived() throws Exception {
        sendText("a@example.com", "the only one", "hi");
        mailbox.awaitMessages("a@example.com", 1, WAIT);

        assertThatThrownBy(() -> mailbox.awaitMessages("a@example.com", 2, Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected 2 messages to a@example.com")
                .hasMessageContaining("1 arrived")
                .hasMessageContaining("the only one");
        assertThatThrownBy(() -> mailbox.awaitMessages("typo@example.com", 1, Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("0 arrived")
                .hasMessageContaining("other mail")
                .hasMessageContaining("[a@example.com]: the only one");
    }

    @Test
    void restartsOnTheSamePortsAndStopsItsThreads() throws Exception {
        assumeThat(mail.isExternal()).isFalse();
        int smtpPort = mail.smtpPort();
        String mailboxUrl = mail.mailboxUrl();
        int mailboxPort = URI.create(mailboxUrl).getPort();

        mail.stop();
        try {
            assertThat(NetworkPorts.isOpen(NetworkPorts.LOOPBACK, smtpPort)).isFalse();
            assertThat(NetworkPorts.isOpen(NetworkPorts.LOOPBACK, mailboxPort)).isFalse();
            assertThat(liveServerThreads(smtpPort)).isEmpty();
        } finally {
            mail.start();
        }

        assertThat(mail.smtpPort()).isEqualTo(smtpPort);
        assertThat(mail.mailboxUrl()).isEqualTo(mailboxUrl);
        assertThat(mail.endpoints())
                .extracting(endpoint -> endpoint.label() + " " + endpoint.url())
                .containsExactly("SMTP smtp://127.0.0.1:" + smtpPort, "Mailbox " + mailboxUrl + "/");
        sendText(BUYER, "after the restart", "still here");
        assertThat(mailbox.awaitMessages(BUYER, 1, WAIT))
                .extracting(MailMessage::subject)
                .containsExactly("after the restart");
    }

    @Test
    void externalModeUsesAnotherServerAndExplainsWhatIsMissing() throws Exception {
        assumeThat(mail.isExternal()).isFalse();
        URI smtp = URI.create("smtp://127.0.0.1:" + mail.smtpPort());
        URI nothingListens = URI.create("http://127.0.0.1:" + NetworkPorts.freePort());

        MailServer external = external(smtp, Optional.of(URI.create(mail.mailboxUrl() + "/")));
        external.start();
        try {
            assertThat(external.isExternal()).isTrue();
            assertThat(external.mailboxUrl()).isEqualTo(mail.mailboxUrl());
            sendText(BUYER, "through the external view", "hi");
            assertThat(external.mailbox().awaitMessages(BUYER, 1, WAIT))
                    .extracting(MailMessage::subject)
                    .containsExactly("through the external view");
        } finally {
            external.stop();
        }
        assertThat(mail.mailbox().messages(BUYER)).hasSize(1); // stopping the external view left the server alone

        assertThatThrownBy(() -> external(smtp, Optional.empty()).start()).hasMessageContaining("INFRA_MAILBOX_URL");
        assertThatThrownBy(() -> external(smtp, Optional.of(nothingListens)).start())
                .hasMessageContaining("INFRA_MAILBOX_URL")
                .hasMessageContaining(nothingListens.toString());
        assertThatThrownBy(() -> external(URI.create("smtp://127.0.0.1:" + NetworkPorts.freePort()), Optional.empty())
                        .start())
                .hasMessageContaining("INFRA_SMTP_URL");
    }

    private static MailServer external(URI smtp, Optional<URI> mailbox) {
        ExternalServers servers =
                new ExternalServers(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(smtp), mailbox);
        return new MailServer(InfraSettings.forTests().withExternal(servers));
    }

    private static List<String> liveServerThreads(int smtpPort) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                // the JDK HTTP server's and GreenMail's SMTP listener threads; both are not daemons
                .filter(name -> name.equals("HTTP-Dispatcher") || name.equals("smtp:127.0.0.1:" + smtpPort))
                .toList();
    }

    private static MimeMultipart alternative(String text, String html) throws MessagingException {
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
        return new MimeMultipart("alternative", textPart, htmlPart);
    }

    private static void sendText(String to, String subject, String text) throws MessagingException {
        MimeMessage message = newMessage();
        message.setFrom("shop@example.com");
        message.setRecipients(RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }

    private static MimeMessage newMessage() {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", mail.smtpHost());
        properties.setProperty("mail.smtp.port", Integer.toString(mail.smtpPort()));
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.smtp.timeout", "10000");
        return new MimeMessage(Session.getInstance(properties));
    }

    private static List<String> fieldNames(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }

    private static URI uri(String pathAndQuery) {
        return URI.create(mail.mailboxUrl() + pathAndQuery);
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(
                request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
