package dev.tarsspeedy.notification.delivery;

/**
 * The answer to "may I send this request now?".
 *
 * @param claimed true when this caller now holds the request in {@link DeliveryState#SENDING} with a fresh lease
 * @param previousState the state before the claim ({@link DeliveryState#SENDING} after an interrupted attempt); when
 *     not claimed, the current state
 * @param attempts the attempt count including this claim (when claimed)
 * @param current the row as it is now (after the claim, when claimed)
 */
public record Claim(boolean claimed, DeliveryState previousState, int attempts, DeliveryRecord current) {}
