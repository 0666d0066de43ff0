package dev.tarsspeedy.notification.delivery.client;

import dev.tarsspeedy.notification.delivery.DeliverySettings;
import dev.tarsspeedy.notification.delivery.EmailSender;
import dev.tarsspeedy.notification.delivery.OutgoingEmail;
import dev.tarsspeedy.notification.delivery.RejectedRequestException;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Sends over SMTP with JavaMail, connected as Spring's {@link JavaMailSenderImpl} is configured
 * ({@code spring.mail.*}). JavaMail blocks for the whole SMTP conversation, so every send runs on a scheduler of its
 * own with at most {@code notification.delivery.concurrency} threads: never on an event loop, never more connections
 * than that.
 *
 * <p>A send completes the moment the server has answered the message data with {@code 250}, <em>before</em> the
 * connection is closed ({@code QUIT} and its reply): the caller records the mail as sent while the goodbye is still
 * under way. {@code JavaMailSender.send} would return only after the {@code QUIT} round trip, and that round trip would
 * widen the one window in which a crash sends a mail twice (docs/email-delivery.md).
 */
@Component
public class SmtpEmailSender implements EmailSender, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmtpEmailSender.class);
    /** Sends waiting for a thread. The listener threads send one at a time each, so this only guards a misuse. */
    private static final int QUEUE_CAPACITY = 1_000;

    private static final int IDLE_THREAD_SECONDS = 60;
    private static final String DEFAULT_PROTOCOL = "smtp";

    private final JavaMailSenderImpl mailSender;
    private final InternetAddress from;
    private final Scheduler scheduler;

    public SmtpEmailSender(JavaMailSenderImpl mailSender, DeliverySettings properties) {
        this.mailSender = mailSender;
        this.from = MimeMessages.sender(properties.from());
        this.scheduler = Schedulers.newBoundedElastic(
                properties.concurrency(), QUEUE_CAPACITY, "smtp-send", IDLE_THREAD_SECONDS, true);
    }

    @Override
    public Mono<Void> send(OutgoingEmail email) {
        return Mono.<Void>create(accepted -> sendNow(email, accepted)).subscribeOn(scheduler);
    }

    private void sendNow(OutgoingEmail email, MonoSink<Void> accepted) {
        MimeMessage message;
        Address[] recipients;
        try {
            message = MimeMessages.build(mailSender.getSession(), from, email);
            recipients = message.getAllRecipients();
        } catch (AddressException e) {
            accepted.error(new RejectedRequestException("not a valid recipient address: '" + email.to() + "'", e));
            return;
        } catch (MessagingException e) {
            accepted.error(new RejectedRequestException("cannot build the message: " + e.getMessage(), e));
            return;
        }
        Transport transport;
        try {
            transport = connect();
        } catch (MessagingException | RuntimeException e) {
            accepted.error(SmtpFailures.classify(email.messageId(), e));
            return;
        }
        try {
            try {
                transport.sendMessage(message, recipients);
            } catch (MessagingException | RuntimeException e) {
                accepted.error(SmtpFailures.classify(email.messageId(), e));
                return;
            }
            // The server has the mail: from here on it is sent, whatever happens to the connection. Completing now
            // lets the caller record SENT while QUIT goes back and forth.
            accepted.success();
        } finally {
            close(transport, email);
        }
    }

    /** Connects as {@code JavaMailSenderImpl} would: its session, protocol, host, port and credentials. */
    private Transport connect() throws MessagingException {
        String username = mailSender.getUsername();
        String password = mailSender.getPassword();
        if ("".equals(username)) { // an unset placeholder: no authentication
            username = null;
            password = "".equals(password) ? null : password;
        }
        Session session = mailSender.getSession();
        String protocol = mailSender.getProtocol();
        if (protocol == null) {
            protocol = session.getProperty("mail.transport.protocol");
        }
        Transport transport = session.getTransport(protocol == null ? DEFAULT_PROTOCOL : protocol);
        transport.connect(mailSender.getHost(), mailSender.getPort(), username, password);
        return transport;
    }

    private static void close(Transport transport, OutgoingEmail email) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            // After a 250 the mail is gone, after a failure the failure is what counts: neither depends on QUIT.
            log.debug("closing the SMTP connection for {} failed: {}", email.messageId(), e.toString());
        }
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }
}
