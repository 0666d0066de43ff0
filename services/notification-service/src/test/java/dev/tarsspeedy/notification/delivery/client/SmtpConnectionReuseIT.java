package dev.tarsspeedy.notification.delivery.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.mail.MailServer;
import dev.tarsspeedy.notification.delivery.DeliverySettings;
import dev.tarsspeedy.notification.delivery.OutgoingEmail;
import dev.tarsspeedy.notification.delivery.RenderedEmail;
import dev.tarsspeedy.notification.support.HoldingSmtpProxy;
import dev.tarsspeedy.notification.support.NotificationTestBase;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP sender keeps its connections for the next mail, within its limits, and replaces one the server dropped
 * without failing the mail: counted at a proxy in front of the real SMTP server.
 */
class SmtpConnectionReuseIT extends NotificationTestBase {

    private static final Duration SEND = Duration.ofSeconds(10);

    @Autowired
    DeliverySettings settings;

    private final MailServer mail = Infrastructure.shared().mail();
    private HoldingSmtpProxy proxy;
    private SmtpEmailSender sender;
    private String run;

    @BeforeEach
    void proxy() throws IOException {
        proxy = new HoldingSmtpProxy(mail.smtpHost(), mail.smtpPort(), Duration.ZERO);
        run = run();
    }

    @AfterEach
    void close() throws IOException {
        if (sender != null) {
            sender.destroy();
        }
        proxy.close();
    }

    @Test
    void mailsOneAfterAnotherShareOneConnection() {
        sender = sender(Duration.ofSeconds(10), 100);
        long before = mail.received();

        for (int i = 0; i < 20; i++) {
            sender.send(email(i)).block(SEND);
        }

        assertThat(mail.received() - before).isEqualTo(20);
        assertThat(proxy.connections()).isOne();
        assertThat(sender.idleConnections()).isOne();
    }

    @Test
    void aConnectionCarriesAtMostItsShareOfMails() {
        sender = sender(Duration.ofSeconds(10), 3);
        long before = mail.received();

        for (int i = 0; i < 7; i++) {
            sender.send(email(i)).block(SEND);
        }

        assertThat(mail.received() - before).isEqualTo(7);
        assertThat(proxy.connections()).isEqualTo(3); // 3 + 3 + 1
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedAndTheMailStillGoes() throws IOException {
        sender = sender(Duration.ofSeconds(10), 100);
        long before = mail.received();
        sender.send(email(0)).block(SEND);

        proxy.dropConnections(); // as a server closes a connection idle too long for its taste
        sender.send(email(1)).block(SEND);

        assertThat(mail.received() - before).isEqualTo(2);
        assertThat(proxy.connections()).isEqualTo(2);
    }

    @Test
    void anIdleConnectionIsClosedAfterItsTime() {
        sender = sender(Duration.ofMillis(300), 100);
        sender.send(email(0)).block(SEND);

        await().atMost(Duration.ofSeconds(10)).until(() -> sender.idleConnections() == 0);
        sender.send(email(1)).block(SEND);

        assertThat(proxy.connections()).isEqualTo(2);
    }

    @Test
    void withoutKeepingEveryMailHasItsOwnConnection() {
        sender = sender(Duration.ZERO, 100);

        for (int i = 0; i < 3; i++) {
            sender.send(email(i)).block(SEND);
        }

        assertThat(proxy.connections()).isEqualTo(3);
        assertThat(sender.idleConnections()).isZero();
    }

    /** A sender to the proxy, with the service's settings but for how connections are kept. */
    private SmtpEmailSender sender(Duration maxIdle, int messagesPerConnection) {
        JavaMailSenderImpl javaMail = new JavaMailSenderImpl();
        javaMail.setHost(proxy.host());
        javaMail.setPort(proxy.port());
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "2000");
        properties.put("mail.smtp.writetimeout", "2000");
        javaMail.setJavaMailProperties(properties);
        DeliverySettings s = settings;
        return new SmtpEmailSender(
                javaMail,
                new DeliverySettings(
                        s.from(),
                        s.messageIdDomain(),
                        s.concurrency(),
                        s.sendTimeout(),
                        s.sendingLease(),
                        s.logRetention(),
                        s.logCleanupInterval(),
                        s.topic(),
                        s.groupId(),
                        s.partitions(),
                        maxIdle,
                        messagesPerConnection));
    }

    private OutgoingEmail email(int i) {
        return new OutgoingEmail(
                "reuse-" + run + "-" + i + "@example.com",
                new RenderedEmail("Mail " + i, "Text " + i, "<p>HTML " + i + "</p>"),
                "<reuse-" + run + "-" + i + "@tars-speedy.dev>",
                null);
    }
}
