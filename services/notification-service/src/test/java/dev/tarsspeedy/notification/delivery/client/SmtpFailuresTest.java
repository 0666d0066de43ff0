package dev.tarsspeedy.notification.delivery.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.notification.delivery.DeliveryFailedException;
import dev.tarsspeedy.notification.delivery.RejectedRequestException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

class SmtpFailuresTest {

    private static MailSendException perMessage(Exception failure) {
        Map<Object, Exception> failed = new LinkedHashMap<>();
        failed.put("message", failure);
        return new MailSendException(failed);
    }

    @Test
    void serverUnreachableIsTransient() {
        MessagingException connect = new MessagingException(
                "Couldn't connect to host, port: 127.0.0.1, 2525; timeout -1",
                new ConnectException("Connection refused"));
        MailSendException failure =
                new MailSendException("Mail server connection failed", connect, Map.of("m", connect));

        RuntimeException classified = SmtpFailures.classify("<id@x>", failure);

        assertThat(classified).isInstanceOf(DeliveryFailedException.class).hasCause(failure);
        assertThat(classified.getMessage()).contains("Connection refused").startsWith("<id@x> not sent, SMTP:");
    }

    @Test
    void aConnectionThatEndedWithoutAnAnswerOrAClosingAnswerIsLost() {
        // What JavaMail throws on a kept connection the server closed while it was idle.
        assertThat(SmtpFailures.isConnectionLost(
                        new MessagingException("Can't send command to SMTP host", new SocketException("Broken pipe"))))
                .isTrue();
        assertThat(SmtpFailures.isConnectionLost(
                        new MessagingException("Exception reading response", new SocketException("Connection reset"))))
                .isTrue();
        assertThat(SmtpFailures.isConnectionLost(
                        new MessagingException("421 4.4.2 tars.example Error: timeout exceeded")))
                .isTrue();
    }

    @Test
    void anAnswerAboutTheMailIsNotALostConnection() {
        assertThat(SmtpFailures.isConnectionLost(perMessage(new SendFailedException("451 4.3.0 Try again later"))))
                .isFalse();
        assertThat(SmtpFailures.isConnectionLost(new MessagingException("552 5.3.4 Message too big")))
                .isFalse();
    }

    @Test
    void fourHundredsAreTransientFiveHundredsPermanent() {
        assertThat(SmtpFailures.isPermanent(perMessage(new SendFailedException("451 4.3.0 Try again later"))))
                .isFalse();
        assertThat(SmtpFailures.isPermanent(perMessage(new SendFailedException("554 5.7.1 Message rejected as spam"))))
                .isTrue();
        assertThat(SmtpFailures.classify("<id@x>", perMessage(new MessagingException("552 5.3.4 Message too big"))))
                .isInstanceOf(RejectedRequestException.class)
                .hasMessageContaining("552 5.3.4 Message too big");
    }

    @Test
    void authenticationProblemsAreTheServicesAndRetried() {
        assertThat(SmtpFailures.isPermanent(
                        perMessage(new MessagingException("535 5.7.8 Authentication credentials invalid"))))
                .isFalse();
        assertThat(SmtpFailures.isPermanent(new MailAuthenticationException("Authentication failed")))
                .isFalse();
        // As JavaMail's transport throws it, unwrapped (the sender connects the transport itself).
        assertThat(SmtpFailures.isPermanent(
                        new AuthenticationFailedException("535 5.7.8 Authentication credentials invalid")))
                .isFalse();
        assertThat(SmtpFailures.isPermanent(new SendFailedException("451 4.3.0 Try again later")))
                .isFalse();
    }

    @Test
    void aRefusedRecipientIsPermanentAnUnsentValidOneIsNot() throws AddressException {
        Address[] kim = {new InternetAddress("kim@example.com")};
        SendFailedException refused = new SendFailedException(
                "Invalid Addresses", new MessagingException("550 5.1.1 unknown user"), null, null, kim);
        SendFailedException deferred = new SendFailedException(
                "Invalid Addresses", new MessagingException("452 4.2.2 mailbox full"), null, kim, null);

        assertThat(SmtpFailures.isPermanent(perMessage(refused))).isTrue();
        assertThat(SmtpFailures.isPermanent(perMessage(deferred))).isFalse();
    }

    @Test
    void aBadAddressAnywhereInTheChainIsPermanent() {
        MessagingException wrapped = new MessagingException("cannot send", new AddressException("Illegal address"));

        assertThat(SmtpFailures.isPermanent(perMessage(wrapped))).isTrue();
    }
}
