package dev.tarsspeedy.order.reconcile;

/** How many relayed reservations the order consumer has not stored yet (its lag on the reservation topic). */
public interface ReservationBacklog {

    /** Records on the reservation topic not yet committed by the order consumer; -1 when unknown (Kafka away). */
    long pending();
}
