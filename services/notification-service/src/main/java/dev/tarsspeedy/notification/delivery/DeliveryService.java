package dev.tarsspeedy.notification.delivery;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Delivers one request at most once per idempotency key, as far as SMTP allows (docs/email-delivery.md):
 *
 * <ol>
 *   <li>record the request in the delivery log ({@code RECEIVED}) unless its key is there; a key already
 *       {@code SENT} is skipped;
 *   <li>render it (an unknown template or a model that does not fit rejects it for good);
 *   <li>claim it: {@code SENDING} with a lease, committed <em>before</em> the SMTP conversation starts;
 *   <li>send it, then mark it {@code SENT} at once; a failure marks it {@code FAILED} and is retried (transient) or
 *       dead-lettered (permanent).
 * </ol>
 *
 * <p>Step 4's send and record run to completion even when the caller stops waiting. The sender completes on the
 * server's {@code 250} and the {@code SENT} update is issued at once, so a mail the SMTP server accepted is recorded
 * as sent unless the process dies or the database stays away in the few milliseconds between the two. A request left
 * {@code SENDING} by a dead process is sent again once its lease expires, with the same Message-ID: at least once,
 * never lost.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);
    private static final int MAX_ERROR_LENGTH = 2000;
    /** Recording an outcome is retried in-process for a few seconds: a blip must not turn a sent mail into a resend. */
    private static final Retry RECORD_RETRY =
            Retry.backoff(5, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(2));

    private final DeliveryLog deliveryLog;
    private final EmailRenderer renderer;
    private final EmailSender sender;
    private final DeliverySettings properties;
    private final MessageIds messageIds;
    private final DeliveryMetrics metrics;
    /** Sends under way (each with its record to write): a graceful stop waits for them ({@link DeliveryDrain}). */
    private final AtomicInteger unitsInFlight = new AtomicInteger();

    public DeliveryService(
            DeliveryLog deliveryLog,
            EmailRenderer renderer,
            EmailSender sender,
            DeliverySettings properties,
            DeliveryMetrics metrics) {
        this.deliveryLog = deliveryLog;
        this.renderer = renderer;
        this.sender = sender;
        this.properties = properties;
        this.messageIds = properties.messageIds();
        this.metrics = metrics;
    }

    /** The Message-ID every copy of this request's mail carries. */
    public String messageId(String idempotencyKey) {
        return messageIds.of(idempotencyKey);
    }

    /**
     * {@link #deliver} for a Kafka listener: blocks the consumer thread (never an event loop) for at most the send
     * timeout. The record must be finished, or failed for the error handler to retry it, before its offset moves on.
     *
     * @throws RejectedRequestException the request can never be sent: dead-letter it
     * @throws DeliveryFailedException it may work later: retry it
     */
    public DeliveryOutcome deliverAndWait(EmailRequested request) {
        return deliver(request)
                .timeout(
                        properties.sendTimeout(),
                        Mono.error(() -> new DeliveryFailedException("no result for '" + request.idempotencyKey()
                                + "' within " + properties.sendTimeout() + "; its send (if any) goes on and is"
                                + " recorded when it ends")))
                .block();
    }

    /** Delivers one request; see the class comment. */
    public Mono<DeliveryOutcome> deliver(EmailRequested requested) {
        return Mono.defer(() -> {
            EmailRequested request = categorised(requested);
            String key = request.idempotencyKey();
            String messageId = messageIds.of(key);
            return deliveryLog
                    .open(pending(request, messageId))
                    .flatMap(current -> current.state() == DeliveryState.SENT
                            ? duplicate(request)
                            : render(request).flatMap(content -> claimAndSend(request, content, messageId)));
        });
    }

    /**
     * Waits until no send is under way, at most the timeout: a stopping instance finishes what it handed to the SMTP
     * server and records the outcome, instead of leaving it {@code SENDING} for another instance to send again.
     *
     * @return whether every send finished
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (unitsInFlight.get() > 0) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Records that the request went to the dead-letter topic (called after the dead-letter record was stored). */
    public Mono<Void> deadLettered(EmailRequested request, String reason) {
        return Mono.defer(() -> {
            metrics.deadLettered(request.template());
            return deliveryLog.markDeadLettered(
                    pending(categorised(request), messageIds.of(request.idempotencyKey())), truncate(reason));
        });
    }

    /** Counts a dead-lettered record that was not even a readable request. */
    public void deadLetteredUnreadable() {
        metrics.deadLettered(DeliveryMetrics.UNKNOWN_TEMPLATE);
    }

    private Mono<RenderedEmail> render(EmailRequested request) {
        // Templates are read from the class path on first use: not on an event-loop thread.
        return Mono.fromCallable(() -> {
                    BulkMail.checkAddressing(request);
                    return renderer.render(request);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(RejectedRequestException.class, rejected -> {
                    log.warn(
                            "rejecting '{}' (template {}) for good: {}",
                            request.idempotencyKey(),
                            request.template(),
                            rejected.getMessage());
                    return recordFailure(request.idempotencyKey(), rejected).then(Mono.error(rejected));
                });
    }

    private Mono<DeliveryOutcome> claimAndSend(EmailRequested request, RenderedEmail content, String messageId) {
        String key = request.idempotencyKey();
        return deliveryLog.claim(key, properties.sendingLease()).flatMap(claim -> {
            if (!claim.claimed()) {
                return notClaimed(request, claim);
            }
            if (claim.attempts() > 1) {
                metrics.retried(request.template());
                if (claim.previousState() == DeliveryState.SENDING) {
                    log.warn(
                            "'{}' was left SENDING by an attempt that did not finish (a crash?): sending it again"
                                    + " with the same Message-ID {}; if the first copy had left, the recipient gets"
                                    + " two with one Message-ID",
                            key,
                            messageId);
                }
            }
            OutgoingEmail email = new OutgoingEmail(request.to(), content, messageId, BulkMail.unsubscribeUrl(request));
            // Subscribed now and independently of the caller: if the caller times out or is cancelled, the send
            // still ends with its outcome in the log, which keeps the window for duplicates as small as it can be.
            unitsInFlight.incrementAndGet();
            Mono<DeliveryOutcome> unit =
                    sendAndRecord(request, email).doFinally(signal -> unitsInFlight.decrementAndGet());
            return Mono.fromFuture(unit.toFuture(), true);
        });
    }

    private Mono<DeliveryOutcome> sendAndRecord(EmailRequested request, OutgoingEmail email) {
        String key = request.idempotencyKey();
        String template = request.template();
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return sender.send(email)
                    .onErrorResume(error -> {
                        RuntimeException failure = classify(key, error);
                        boolean permanent = failure instanceof RejectedRequestException;
                        metrics.sendTime(template, permanent ? "rejected" : "failed", since(started));
                        metrics.failed(template);
                        log.warn(
                                "sending '{}' (template {}) failed{}: {}",
                                key,
                                template,
                                permanent ? " for good" : ", will retry",
                                failure.getMessage());
                        return recordFailure(key, failure).then(Mono.error(failure));
                    })
                    .then(Mono.defer(() -> {
                        metrics.sendTime(template, "sent", since(started));
                        metrics.sent(template);
                        return deliveryLog
                                .markSent(key)
                                .retryWhen(RECORD_RETRY)
                                .onErrorMap(e -> new DeliveryFailedException(
                                        "'" + key + "' was sent but could not be marked SENT; it stays SENDING and"
                                                + " is sent again when its lease expires",
                                        e));
                    }))
                    .doOnSuccess(done -> log.info(
                            "sent '{}' (template {}, {}) to {} as {}",
                            key,
                            template,
                            request.category(),
                            request.to(),
                            email.messageId()))
                    .thenReturn(DeliveryOutcome.SENT);
        });
    }

    /** A request for a bulk template is bulk mail, whatever its producer said (RFC 8058 headers, unsubscribe URL). */
    private EmailRequested categorised(EmailRequested request) {
        EmailRequested sent = BulkMail.categorised(request, renderer.isBulk(request.template()));
        if (sent != request) {
            log.info(
                    "'{}' came as {} for the bulk template {}: sent as BULK",
                    request.idempotencyKey(),
                    request.category(),
                    request.template());
        }
        return sent;
    }

    private Mono<DeliveryOutcome> notClaimed(EmailRequested request, Claim claim) {
        DeliveryRecord current = claim.current();
        return switch (current.state()) {
            case SENT -> duplicate(request);
            case SENDING -> Mono.error(new DeliveryInProgressException(request.idempotencyKey(), current.leaseUntil()));
            default ->
                Mono.error(new DeliveryFailedException(
                        "could not claim '" + request.idempotencyKey() + "' in state " + current.state()));
        };
    }

    private Mono<DeliveryOutcome> duplicate(EmailRequested request) {
        metrics.duplicate(request.template());
        log.info("'{}' was already sent: this delivery is a duplicate and sends nothing", request.idempotencyKey());
        return Mono.just(DeliveryOutcome.DUPLICATE);
    }

    private Mono<Void> recordFailure(String key, RuntimeException failure) {
        return deliveryLog
                .markFailed(key, truncate(describe(failure)))
                .retryWhen(RECORD_RETRY)
                .onErrorResume(e -> {
                    // The outcome still decides what happens next; the row only lags behind (SENDING until its lease
                    // expires, which merely delays a retry).
                    log.warn("could not record the failure of '{}': {}", key, e.toString());
                    return Mono.empty();
                });
    }

    private static RuntimeException classify(String key, Throwable error) {
        if (error instanceof RejectedRequestException || error instanceof DeliveryFailedException) {
            return (RuntimeException) error;
        }
        return new DeliveryFailedException("sending '" + key + "' failed: " + error, error);
    }

    private static PendingDelivery pending(EmailRequested request, String messageId) {
        return new PendingDelivery(
                request.idempotencyKey(),
                request.template(),
                request.locale(),
                request.to(),
                request.category().name(),
                messageId);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getName() : message;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
