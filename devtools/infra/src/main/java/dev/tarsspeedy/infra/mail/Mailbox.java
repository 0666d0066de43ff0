package dev.tarsspeedy.infra.mail;

import java.time.Duration;
import java.util.List;

/** A client of the HTTP mailbox, for tests: it works against the local mailbox and an external one alike. */
public interface Mailbox {

    /** Messages to {@code address}, oldest first. */
    List<MailMessage> messages(String address);

    /** Every message, each once however many recipients it had, oldest first. */
    List<MailMessage> messages();

    /** Waits until at least {@code count} messages to {@code address} arrived; returns them, oldest first. */
    List<MailMessage> awaitMessages(String address, int count, Duration timeout);

    /** Deletes every message. */
    void clear();
}
