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
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
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
 * <p>A send completes the moment the server has answered the message data with {@code 250}: the caller records the mail
 * as sent at once, with no goodbye round trip in the one window in which a crash sends a mail twice
 * (docs/email-delivery.md).
 *
 * <p>Connections are kept for the next send (at most one per thread, {@code smtp-connection-max-idle} idle, {@code
 * smtp-messages-per-connection} mails each): a burst of reports does not pay a TCP connect, a greeting, an {@code
 * EHLO} (and with STARTTLS a TLS handshake and {@code AUTH}) and a {@code QUIT} per mail. A kept connection that the
 * server closed meanwhile fails before it takes a message; such a send is tried once more on a new connection.
 */
@Component
public class SmtpEmailSender implements EmailSender, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmtpEmailSender.class);
    /** Sends waiting for a thread. The listener threads send one at a time each, so this only guards a misuse. */
    private static final int QUEUE_CAPACITY = 1_000;

    private static final int IDLE_THREAD_SECONDS = 60;
    private static final String DEFAULT_PROTOCOL = "smtp";
    /** Where JavaMail takes the SMTP sockets from: ours have {@code TCP_NODELAY} ({@link NoDelaySocketFactory}). */
    static final String SOCKET_FACTORY = "mail.smtp.socketFactory";

    private final JavaMailSenderImpl mailSender;
    private final InternetAddress from;
    private final Scheduler scheduler;
    private final Duration maxIdle;
    private final int messagesPerConnection;
    /** Connections between two sends, most recently used first. */
    private final Deque<Kept> idle = new ArrayDeque<>();

    private final Disposable sweeper;
    private volatile boolean closed;

    public SmtpEmailSender(JavaMailSenderImpl mailSender, DeliverySettings properties) {
        // An instance, not a class name (JavaMail's rule for this property); setting the properties again drops any
        // session made before, so every connection gets it.
        Properties javaMail = mailSender.getJavaMailProperties();
        javaMail.putIfAbsent(SOCKET_FACTORY, new NoDelaySocketFactory());
        mailSender.setJavaMailProperties(javaMail);
        this.mailSender = mailSender;
        this.from = MimeMessages.sender(properties.from());
        this.scheduler = Schedulers.newBoundedElastic(
                properties.concurrency(), QUEUE_CAPACITY, "smtp-send", IDLE_THREAD_SECONDS, true);
        this.maxIdle = properties.smtpConnectionMaxIdle();
        this.messagesPerConnection = properties.smtpMessagesPerConnection();
        // Idle connections are closed by us, not left for the server's timeout.
        long period = Math.max(1, maxIdle.toMillis());
        this.sweeper = maxIdle.isZero()
                ? Disposables.disposed()
                : scheduler.schedulePeriodically(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
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
        Kept kept = takeIdle();
        if (kept != null) {
            try {
                kept.transport().sendMessage(message, recipients);
                sent(kept.transport(), kept.sent() + 1, email, accepted);
                return;
            } catch (MessagingException | RuntimeException e) {
                close(kept.transport(), email);
                if (!SmtpFailures.isConnectionLost(e)) {
                    accepted.error(SmtpFailures.classify(email.messageId(), e));
                    return;
                }
                // No answer at all on a kept connection: the server most likely closed it while it was idle.
                log.debug("kept SMTP connection failed for {}, trying a new one: {}", email.messageId(), e.toString());
            }
        }
        Transport transport;
        try {
            transport = connect();
        } catch (MessagingException | RuntimeException e) {
            accepted.error(SmtpFailures.classify(email.messageId(), e));
            return;
        }
        try {
            transport.sendMessage(message, recipients);
        } catch (MessagingException | RuntimeException e) {
            close(transport, email);
            accepted.error(SmtpFailures.classify(email.messageId(), e));
            return;
        }
        sent(transport, 1, email, accepted);
    }

    /**
     * The server has the mail: from here on it is sent, whatever happens to the connection. A connection to keep is
     * back among the idle ones before the caller hears of it (its next mail finds it); one to close is closed after.
     */
    private void sent(Transport transport, int sent, OutgoingEmail email, MonoSink<Void> accepted) {
        boolean kept = keep(transport, sent);
        accepted.success();
        if (!kept) {
            close(transport, email);
        }
    }

    /** A kept connection young enough to use, or {@code null}; older ones are closed on the way. */
    private Kept takeIdle() {
        while (true) {
            Kept kept;
            synchronized (idle) {
                kept = idle.pollFirst();
            }
            if (kept == null) {
                return null;
            }
            // No NOOP to ask whether it still lives (a round trip per mail): a dead one fails fast and is replaced.
            if (System.nanoTime() - kept.idleSince() < maxIdle.toNanos()) {
                return kept;
            }
            close(kept.transport(), null);
        }
    }

    /** Keeps the connection for the next send, unless it has sent its share or keeping is off. */
    private boolean keep(Transport transport, int sent) {
        if (closed || maxIdle.isZero() || sent >= messagesPerConnection) {
            return false;
        }
        synchronized (idle) {
            idle.addFirst(new Kept(transport, sent, System.nanoTime()));
        }
        return true;
    }

    private void closeIdle() {
        List<Kept> expired = new ArrayList<>();
        synchronized (idle) {
            idle.removeIf(kept -> {
                boolean old = System.nanoTime() - kept.idleSince() >= maxIdle.toNanos();
                if (old) {
                    expired.add(kept);
                }
                return old;
            });
        }
        expired.forEach(kept -> close(kept.transport(), null));
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
            log.debug(
                    "closing an SMTP connection{} failed: {}",
                    email == null ? "" : " after " + email.messageId(),
                    e.toString());
        }
    }

    /** How many connections wait for the next send (for tests). */
    int idleConnections() {
        synchronized (idle) {
            return idle.size();
        }
    }

    @Override
    public void destroy() {
        closed = true;
        sweeper.dispose();
        List<Kept> all;
        synchronized (idle) {
            all = new ArrayList<>(idle);
            idle.clear();
        }
        all.forEach(kept -> close(kept.transport(), null));
        scheduler.dispose();
    }

    /** A connection between two sends: how many mails it carried, since when it waits. */
    private record Kept(Transport transport, int sent, long idleSince) {}
}
