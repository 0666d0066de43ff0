package dev.tarsspeedy.payment.payment;

import java.util.UUID;

/** What the buyer's client needs to pay: the payment and Kakaopay's page to send the browser to. */
public record Checkout(UUID paymentId, String redirectUrl) {}
