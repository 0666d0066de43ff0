package dev.tarsspeedy.notification.smtp;

import dev.tarsspeedy.notification.delivery.DeliveryProperties;
import dev.tarsspeedy.notification.delivery.EmailSender;
import dev.tarsspeedy.notification.delivery.OutgoingEmail;
import dev.tarsspeedy.notification.delivery.RejectedRequestException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Sends through Spring's {@link JavaMailSender} (configured by {@code spring.mail.*}). JavaMail blocks for the whole
 * SMTP conversation, so every send runs on a scheduler of its own with at most
 * {@code notification.delivery.concurrency} threads: never on an event loop, never more connections than that.
 */
@Component
public class SmtpEmailSender implements EmailSender, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmtpEmailSender.class);
    /** Sends waiting for a thread. The listener threads send one at a time each, so this only guards a misuse. */
    private static final int QUEUE_CAPACITY = 1_000;

    private static final int IDLE_THREAD_SECONDS = 60;

    private final JavaMailSender mailSender;
    private final InternetAddress from;
    private final Scheduler scheduler;

    public SmtpEmailSender(JavaMailSender mailSender, DeliveryProperties properties) {
        this.mailSender = mailSender;
        this.from = MimeMessages.sender(properties.from());
        this.scheduler = Schedulers.newBoundedElastic(
                properties.concurrency(), QUEUE_CAPACITY, "smtp-send", IDLE_THREAD_SECONDS, true);
    }

    @Override
    public Mono<Void> send(OutgoingEmail email) {
        return Mono.<Void>fromRunnable(() -> sendNow(email)).subscribeOn(scheduler);
    }

    private void sendNow(OutgoingEmail email) {
        MimeMessage message;
        try {
            message = MimeMessages.build(mailSender.createMimeMessage().getSession(), from, email);
        } catch (AddressException e) {
            throw new RejectedRequestException("not a valid recipient address: '" + email.to() + "'", e);
        } catch (MessagingException e) {
            throw new RejectedRequestException("cannot build the message: " + e.getMessage(), e);
        }
        try {
            mailSender.send(message);
        } catch (MailSendException e) {
            if (e.getFailedMessages().isEmpty()) {
                // Spring reports a failed QUIT after the server accepted the message this way. The mail is gone:
                // calling it a failure would send it twice.
                log.warn(
                        "{} was accepted by the SMTP server; closing the connection failed: {}",
                        email.messageId(),
                        e.getMostSpecificCause().toString());
                return;
            }
            throw SmtpFailures.classify(email.messageId(), e);
        } catch (MailException e) {
            throw SmtpFailures.classify(email.messageId(), e);
        }
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }
}
