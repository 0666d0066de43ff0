package dev.tarsspeedy.notification.delivery;

import reactor.core.publisher.Mono;

/** Hands an email to the SMTP server. */
public interface EmailSender {

    /**
     * Sends the email off the caller's thread (SMTP clients block), with bounded concurrency. Completes as soon as
     * the SMTP server has accepted the message, without waiting for anything after that (closing the connection):
     * the caller records the mail as sent at once.
     *
     * @return a cold {@link Mono}: nothing is sent before it is subscribed. It fails with
     *     {@link RejectedRequestException} when the message can never be sent (bad address, a permanent 5xx answer)
     *     and with {@link DeliveryFailedException} when it may work later (server unreachable, a 4xx answer)
     */
    Mono<Void> send(OutgoingEmail email);
}
