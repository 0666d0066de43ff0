package dev.tarsspeedy.notification.delivery.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.notification.delivery.DeliverySettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class NoDelaySocketFactoryTest {

    @Test
    void itsSocketsSendSmallSegmentsAtOnce() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket unconnected = new NoDelaySocketFactory().createSocket();
                Socket connected = new NoDelaySocketFactory()
                        .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertThat(unconnected.getTcpNoDelay()).isTrue();
            assertThat(connected.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void theSenderGivesItToJavaMail() {
        JavaMailSenderImpl javaMail = new JavaMailSenderImpl();
        SmtpEmailSender sender = new SmtpEmailSender(javaMail, settings());
        try {
            assertThat(javaMail.getSession().getProperties().get(SmtpEmailSender.SOCKET_FACTORY))
                    .isInstanceOf(NoDelaySocketFactory.class);
        } finally {
            sender.destroy();
        }
    }

    private static DeliverySettings settings() {
        return new DeliverySettings(
                "TARS & Speedy <no-reply@tars-speedy.dev>",
                "",
                2,
                Duration.ofSeconds(30),
                Duration.ofMinutes(2),
                Duration.ofDays(30),
                Duration.ofHours(1),
                "notification.email-requested.v1",
                "notification-service",
                4,
                Duration.ofSeconds(10),
                100);
    }
}
