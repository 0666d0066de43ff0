package dev.tarsspeedy.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.contracts.notification.EmailRequested.Category;
import dev.tarsspeedy.infra.mail.MailMessage;
import dev.tarsspeedy.infra.mail.MailPart;
import dev.tarsspeedy.notification.support.Models;
import dev.tarsspeedy.notification.support.NotificationTestBase;
import dev.tarsspeedy.notification.support.Requests;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The TARS mails end to end inside the service: a request on Kafka, rendered with its charts, read back from the real
 * SMTP server with its inline images.
 */
class ReportMailIT extends NotificationTestBase {

    private static final Pattern CID = Pattern.compile("<img[^>]* src=\"cid:([^\"]+)\"");

    @Test
    void aReportArrivesWithItsChartsAsInlineImages() throws Exception {
        String run = run();
        String to = "report-" + run + "@example.com";
        String unsubscribe = "https://tars.example/api/reports/schedules/" + run + "/unsubscribe?token=t" + run;
        EmailRequested request = new EmailRequested(
                "report:" + run + ":2026-12-06T23:30:00Z",
                "stock-report",
                "ko",
                to,
                Models.stockReport(),
                Category.BULK,
                unsubscribe);

        Requests.send(TOPIC, request);

        MailMessage mail = mailbox().awaitMessages(to, 1, DELIVERY).getFirst();
        assertThat(mail.subject()).isEqualTo("[TARS] 관심 종목 리포트 (12월 7일 08:30)");
        assertThat(header(mail, "Content-Type")).singleElement().asString().startsWith("multipart/alternative");
        assertThat(header(mail, "List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
        assertThat(header(mail, "List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(header(mail, "Message-ID")).containsExactly(deliveries.messageId(request.idempotencyKey()));
        assertThat(mail.text())
                .contains("삼성전자 (005930, KRX)\n  71,500원  ▲1,000 (+1.42%)\n")
                .contains("SK하이닉스 (000660, KRX)  ⚠ 오래된 시세\n")
                .contains("이 메일 수신 거부: " + unsubscribe);
        assertThat(mail.html())
                .contains(">삼성전자</strong>")
                .contains(">$189.50</strong>")
                .contains(">⚠ 오래된 시세</span>");

        List<String> referenced = new ArrayList<>();
        Matcher matcher = CID.matcher(mail.html());
        while (matcher.find()) {
            referenced.add(matcher.group(1));
        }
        assertThat(referenced).hasSize(3).doesNotHaveDuplicates();
        assertThat(mail.parts()).extracting(MailPart::contentId).containsExactlyElementsOf(referenced);
        for (MailPart part : mail.parts()) {
            assertThat(part.contentType()).isEqualTo("image/png");
            assertThat(part.disposition()).isEqualTo("inline");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(part.content()));
            assertThat(image).as(part.contentId()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(160);
            assertThat(image.getHeight()).isEqualTo(48);
        }
        assertThat(awaitState(request.idempotencyKey(), DeliveryState.SENT).template())
                .isEqualTo("stock-report");
    }

    @Test
    void anAlertArrivesAsTransactionalMailWithoutImages() {
        String run = run();
        String to = "alert-" + run + "@example.com";
        EmailRequested request = Requests.transactional(
                "alert:" + run + ":1", "price-alert", "en", to, Models.priceAlert("PRICE_ABOVE"));

        Requests.send(TOPIC, request);

        MailMessage mail = mailbox().awaitMessages(to, 1, DELIVERY).getFirst();
        assertThat(mail.subject()).isEqualTo("[TARS] 삼성전자 rose to ₩72,000 or above");
        assertThat(mail.text())
                .contains("Price: ₩72,300\n")
                .contains("As of: Mon, Dec 7, 2026, 10:02 (UTC+09:00)\n")
                .contains("See the alert: " + Models.ALERT_URL);
        assertThat(mail.parts()).isEmpty();
        assertThat(header(mail, "List-Unsubscribe")).isEmpty();
    }

    @Test
    void aReportWhoseModelDoesNotFitIsDeadLetteredNotSent() {
        String run = run();
        String to = "bad-report-" + run + "@example.com";
        EmailRequested request = new EmailRequested(
                "report:" + run + ":bad",
                "stock-report",
                "ko",
                to,
                Models.withRowField(Models.stockReport(), 0, "freshness", "FRESH"),
                Category.BULK,
                "https://tars.example/u");

        Requests.send(TOPIC, request);

        DeliveryRecord record = awaitState(request.idempotencyKey(), DeliveryState.DEAD_LETTERED);
        assertThat(record.lastError()).contains("field 'rows[0].freshness' must be one of");
        assertThat(mailbox().messages(to)).isEmpty();
    }
}
