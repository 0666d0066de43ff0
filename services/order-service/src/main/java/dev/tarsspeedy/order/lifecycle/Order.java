package dev.tarsspeedy.order.lifecycle;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.OrderId;
import dev.tarsspeedy.order.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An order: one reservation of units in a drop, and what happened to it since (payment, delivery, refund). Its
 * methods are the lifecycle's rules: each step returns the order after it (the same order when the step was taken
 * already, so asking twice answers twice) or refuses with an {@link OrderRefusedException}; which steps exist and who
 * may take them is {@link OrderStatus}'s table. The service stores a step with a conditional update from the status
 * the order was read in.
 *
 * @param amount price times quantity in whole won, from the drop copy when the order was stored
 * @param idempotencyKey the buyer's Idempotency-Key of the buy
 * @param buyerEmail where the order's emails go (the access token's email claim), {@code null}: no emails
 * @param locale {@code ko} or {@code en}, the language of the order's emails
 * @param paymentId the payment that paid the order, {@code null} while unpaid
 * @param paidAt when that payment was approved
 * @param deliveredAt when the order was delivered (the return window starts then)
 * @param refundedAt when the payment service confirmed the refund
 * @param statusChangedAt when the order reached its current status
 */
public record Order(
        OrderId id,
        DropId dropId,
        UserId userId,
        int quantity,
        long amount,
        String productName,
        OrderStatus status,
        String idempotencyKey,
        Instant reservedAt,
        Instant expiresAt,
        Instant createdAt,
        String buyerEmail,
        String locale,
        UUID paymentId,
        Instant paidAt,
        Instant deliveredAt,
        Instant refundedAt,
        Instant statusChangedAt) {

    public Order {
        locale = "ko".equals(locale) ? "ko" : "en";
    }

    /** A new order, not paid yet. */
    public Order(
            OrderId id,
            DropId dropId,
            UserId userId,
            int quantity,
            long amount,
            String productName,
            OrderStatus status,
            String idempotencyKey,
            Instant reservedAt,
            Instant expiresAt,
            Instant createdAt,
            String buyerEmail,
            String locale) {
        this(
                id,
                dropId,
                userId,
                quantity,
                amount,
                productName,
                status,
                idempotencyKey,
                reservedAt,
                expiresAt,
                createdAt,
                buyerEmail,
                locale,
                null,
                null,
                null,
                null,
                createdAt);
    }

    /**
     * A reservation stored by the consumer: PENDING_PAYMENT when the drop's row gave its units, else REJECTED (the
     * database's guard refused them, possible only after Redis lost the drop).
     */
    public static Order placed(
            OrderId id,
            DropId dropId,
            UserId userId,
            int quantity,
            SaleTerms terms,
            String idempotencyKey,
            Instant reservedAt,
            Instant expiresAt,
            Instant now,
            String buyerEmail,
            String locale,
            boolean unitsTaken) {
        return new Order(
                id,
                dropId,
                userId,
                quantity,
                terms.price() * quantity,
                terms.productName(),
                unitsTaken ? OrderStatus.PENDING_PAYMENT : OrderStatus.REJECTED,
                idempotencyKey,
                reservedAt,
                expiresAt,
                now,
                buyerEmail,
                locale);
    }

    /** Whether the user is the order's buyer (anyone else is answered as if the order did not exist). */
    public boolean belongsTo(UserId user) {
        return userId.equals(user);
    }

    /** Whether the order's units are taken from the drop. */
    public boolean holdsStock() {
        return status.holdsStock();
    }

    /**
     * An approved payment: PAID when the order is unpaid and its hold had not ended when the payment was approved. The
     * same payment again changes nothing. The status counts from the approval (or now, if that lies ahead).
     *
     * @throws OrderNotPayableException when the payment must be given back
     */
    public Order pay(UUID payment, Instant approvedAt, Instant now) {
        if (payment.equals(paymentId)) {
            return this;
        }
        if (status != OrderStatus.PENDING_PAYMENT) {
            throw new OrderNotPayableException(id, status, null);
        }
        if (!approvedAt.isBefore(expiresAt)) {
            throw new OrderNotPayableException(id, status, expiresAt);
        }
        Instant changedAt = approvedAt.isBefore(now) ? approvedAt : now;
        return moveTo(OrderStatus.PAID, Actor.SYSTEM, changedAt, payment, approvedAt, deliveredAt);
    }

    /**
     * Expiry of an unpaid order whose hold ended by {@code now}; an expired order stays as it is.
     *
     * @throws OrderStepRefusedException when it is not unpaid, or its hold has not ended
     */
    public Order expire(Instant now) {
        if (status == OrderStatus.EXPIRED) {
            return this;
        }
        requireStep(OrderStatus.EXPIRED, Actor.SYSTEM);
        if (now.isBefore(expiresAt)) {
            throw new OrderStepRefusedException(id, status, OrderStatus.EXPIRED, Actor.SYSTEM, expiresAt);
        }
        return moveTo(OrderStatus.EXPIRED, Actor.SYSTEM, now);
    }

    /**
     * The buyer (or an operator) cancels before the order shipped; a cancelled order stays as it is.
     *
     * @throws OrderNotCancellableException when it shipped, expired, was rejected or returned
     * @throws OrderStepRefusedException when the service asks (it expires orders, it never cancels them)
     */
    public Order cancel(Actor by, Instant now) {
        requirePerson(OrderStatus.CANCELLED, by);
        if (status == OrderStatus.CANCELLED) {
            return this;
        }
        if (!status.isCancellable()) {
            throw new OrderNotCancellableException(id, status);
        }
        return moveTo(OrderStatus.CANCELLED, by, now);
    }

    /**
     * The delivery job's next step (PAID to PREPARING to SHIPPING to DELIVERED) once the order has been in its status
     * for {@code after}; DELIVERED starts the return window.
     *
     * @throws OrderStepRefusedException when the status has no delivery step, or the step is not due
     */
    public Order advance(Duration after, Instant now) {
        OrderStatus next = status.nextDeliveryStep()
                .orElseThrow(() -> new OrderStepRefusedException(id, status, null, Actor.SYSTEM, null));
        requireStep(next, Actor.SYSTEM);
        Instant due = statusChangedAt.plus(after);
        if (now.isBefore(due)) {
            throw new OrderStepRefusedException(id, status, next, Actor.SYSTEM, due);
        }
        return moveTo(next, Actor.SYSTEM, now);
    }

    /** When the return window of a delivered order closes; empty before delivery. */
    public Optional<Instant> returnWindowClosesAt(Duration window) {
        return Optional.ofNullable(deliveredAt).map(delivered -> delivered.plus(window));
    }

    /**
     * The buyer (or an operator) asks to return a delivered order within {@code window} after delivery; asking again
     * (also once it is returned) changes nothing.
     *
     * @throws OrderNotReturnableException when it is not delivered, or the window closed
     * @throws OrderStepRefusedException when the service asks
     */
    public Order requestReturn(Actor by, Duration window, Instant now) {
        requirePerson(OrderStatus.RETURN_REQUESTED, by);
        if (status == OrderStatus.RETURN_REQUESTED || status == OrderStatus.RETURNED) {
            return this;
        }
        if (status != OrderStatus.DELIVERED) {
            throw new OrderNotReturnableException(id, status, null);
        }
        Instant closes = returnWindowClosesAt(window).orElseThrow();
        if (now.isAfter(closes)) {
            throw new OrderNotReturnableException(id, status, closes);
        }
        return moveTo(OrderStatus.RETURN_REQUESTED, by, now);
    }

    /**
     * The return job ends a return requested {@code processing} ago or longer: RETURNED (units back, payment asked
     * back); a returned order stays as it is.
     *
     * @throws OrderStepRefusedException when no return was requested, or it is not due
     */
    public Order finishReturn(Duration processing, Instant now) {
        if (status == OrderStatus.RETURNED) {
            return this;
        }
        requireStep(OrderStatus.RETURNED, Actor.SYSTEM);
        Instant due = statusChangedAt.plus(processing);
        if (now.isBefore(due)) {
            throw new OrderStepRefusedException(id, status, OrderStatus.RETURNED, Actor.SYSTEM, due);
        }
        return moveTo(OrderStatus.RETURNED, Actor.SYSTEM, now);
    }

    /**
     * Why the payment is to be given back now that the order reached its status: a paid order cancelled or returned;
     * empty when there is nothing to give back.
     */
    public Optional<RefundReason> refundDue() {
        if (paymentId == null) {
            return Optional.empty();
        }
        return switch (status) {
            case CANCELLED -> Optional.of(RefundReason.CANCELLED);
            case RETURNED -> Optional.of(RefundReason.RETURNED);
            default -> Optional.empty();
        };
    }

    /** Whether reaching this order's status from {@code before} gives the units back to the drop. */
    public boolean givesBackUnitsFrom(Order before) {
        return status.givesBackUnitsFrom(before.status());
    }

    private void requireStep(OrderStatus to, Actor by) {
        if (!status.canMoveTo(to, by)) {
            throw new OrderStepRefusedException(id, status, to, by, null);
        }
    }

    /** Steps for people (buyer, admin) only, refused to the service before anything else is looked at. */
    private void requirePerson(OrderStatus to, Actor by) {
        if (by == Actor.SYSTEM) {
            throw new OrderStepRefusedException(id, status, to, by, null);
        }
    }

    private Order moveTo(OrderStatus to, Actor by, Instant at) {
        return moveTo(to, by, at, paymentId, paidAt, to == OrderStatus.DELIVERED ? at : deliveredAt);
    }

    private Order moveTo(OrderStatus to, Actor by, Instant at, UUID payment, Instant paymentAt, Instant delivered) {
        requireStep(to, by);
        return new Order(
                id,
                dropId,
                userId,
                quantity,
                amount,
                productName,
                to,
                idempotencyKey,
                reservedAt,
                expiresAt,
                createdAt,
                buyerEmail,
                locale,
                payment,
                paymentAt,
                delivered,
                refundedAt,
                at);
    }
}
