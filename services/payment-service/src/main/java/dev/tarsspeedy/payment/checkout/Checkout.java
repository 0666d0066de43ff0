package dev.tarsspeedy.payment.checkout;

import dev.tarsspeedy.payment.PaymentId;

/** What the buyer's client needs to pay: the payment and Kakaopay's page to send the browser to. */
public record Checkout(PaymentId paymentId, String redirectUrl) {}
