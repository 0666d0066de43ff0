package dev.tarsspeedy.infra.mail;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/** The messages the SMTP server received, decoded once, in receive order. Thread-safe. */
final class MailStore {

    private final List<MailMessage> messages = new ArrayList<>();
    /** SMTP transactions already recorded; weak, so delivered messages are not kept alive twice. */
    private final Set<MovingMessage> recorded = Collections.newSetFromMap(new WeakHashMap<>());

    private long lastId;

    /**
     * Records a delivery unless it is recorded already: GreenMail delivers a message once per recipient, the
     * mailbox keeps it once, with all its recipients.
     *
     * @return the new message, or empty for a further recipient of a recorded one
     */
    synchronized Optional<MailMessage> record(MovingMessage delivery) {
        if (!recorded.add(delivery)) {
            return Optional.empty();
        }
        MailAddress sender = delivery.getReturnPath();
        List<String> recipients =
                delivery.getToAddresses().stream().map(MailAddress::getEmail).toList();
        MailMessage message = MimeDecoding.decode(
                Long.toString(++lastId),
                Instant.now(),
                sender == null ? null : sender.getEmail(),
                recipients,
                delivery.getMessage());
        messages.add(message);
        return Optional.of(message);
    }

    /** Every message, oldest first. */
    synchronized List<MailMessage> all() {
        return List.copyOf(messages);
    }

    /** Messages with {@code address} among their recipients, ignoring case, oldest first. */
    synchronized List<MailMessage> to(String address) {
        return messages.stream()
                .filter(message -> message.to().stream().anyMatch(address::equalsIgnoreCase))
                .toList();
    }

    synchronized Optional<MailMessage> byId(String id) {
        return messages.stream().filter(message -> message.id().equals(id)).findFirst();
    }

    /** How many messages were recorded since the store was made; clearing it does not lower the count. */
    synchronized long received() {
        return lastId;
    }

    /** Forgets every message; ids keep counting, so an id never names two messages. */
    synchronized void clear() {
        messages.clear();
    }
}
