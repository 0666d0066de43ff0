package dev.tarsspeedy.notification.delivery.client;

import dev.tarsspeedy.notification.delivery.DeliveryFailedException;
import dev.tarsspeedy.notification.delivery.RejectedRequestException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Tells a failure that will not pass (a bad address, a 5xx answer: the request is dead-lettered at once) from one that
 * may (server unreachable, timeouts, 4xx answers, refused credentials: retried with back-off).
 */
final class SmtpFailures {

    /** The SMTP reply code that JavaMail's exceptions start their message with, e.g. "550 5.1.1 User unknown". */
    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([245])(\\d\\d)[\\s-]");
    /**
     * 5xx answers about authentication are the service's configuration, not the request's fault: retried (and
     * visible in the failed counter) rather than dead-lettering every request at once.
     */
    private static final Set<Integer> AUTHENTICATION_CODES = Set.of(530, 534, 535, 538);

    private SmtpFailures() {}

    static RuntimeException classify(String messageId, Exception failure) {
        String reason = "SMTP: " + describe(failure);
        if (isPermanent(failure)) {
            return new RejectedRequestException(messageId + " refused for good by " + reason, failure);
        }
        return new DeliveryFailedException(messageId + " not sent, " + reason, failure);
    }

    /**
     * Whether the connection broke without the server answering the mail (a closed socket, a read that ended) or the
     * server said it closes the connection ({@code 421}): what a kept connection meets when the server dropped it
     * while it was idle. Any other answer is about the mail and stands.
     */
    static boolean isConnectionLost(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SendFailedException sent
                    && ((sent.getInvalidAddresses() != null && sent.getInvalidAddresses().length > 0)
                            || (sent.getValidSentAddresses() != null && sent.getValidSentAddresses().length > 0))) {
                return false;
            }
            if (t instanceof MessagingException && t.getMessage() != null) {
                Matcher reply = REPLY_CODE.matcher(t.getMessage());
                if (reply.find()) {
                    return (reply.group(1) + reply.group(2)).equals("421");
                }
            }
        }
        return true;
    }

    static boolean isPermanent(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof AddressException
                    || t instanceof MailParseException
                    || t instanceof MailPreparationException) {
                return true;
            }
            if (t instanceof SendFailedException sent
                    && sent.getInvalidAddresses() != null
                    && sent.getInvalidAddresses().length > 0
                    && (sent.getValidUnsentAddresses() == null || sent.getValidUnsentAddresses().length == 0)
                    && (sent.getValidSentAddresses() == null || sent.getValidSentAddresses().length == 0)) {
                return true; // the server refused the recipient with a 5xx
            }
            if (t instanceof MessagingException && t.getMessage() != null) {
                Matcher reply = REPLY_CODE.matcher(t.getMessage());
                if (reply.find() && reply.group(1).equals("5")) {
                    int code = Integer.parseInt(reply.group(1) + reply.group(2));
                    if (!AUTHENTICATION_CODES.contains(code)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The failure with every cause, JavaMail's "next" exceptions and Spring's per-message exceptions. */
    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> ordered = new ArrayList<>();
        Deque<Throwable> queue = new ArrayDeque<>();
        queue.add(failure);
        while (!queue.isEmpty()) {
            Throwable t = queue.poll();
            if (!seen.add(t)) {
                continue;
            }
            ordered.add(t);
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
                queue.add(messaging.getNextException());
            }
            if (t instanceof MailSendException send) {
                for (Exception e : send.getMessageExceptions()) {
                    queue.add(e);
                }
            }
        }
        return ordered;
    }

    /** JavaMail's messages along the chain, each once; Spring's wrappers only repeat them. */
    private static String describe(Throwable failure) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t : chain(failure)) {
            if (t instanceof MailException) {
                continue;
            }
            messages.add(
                    t.getMessage() == null
                            ? t.getClass().getSimpleName()
                            : t.getMessage().strip());
        }
        return messages.isEmpty() ? String.valueOf(failure.getMessage()) : String.join("; ", messages);
    }
}
