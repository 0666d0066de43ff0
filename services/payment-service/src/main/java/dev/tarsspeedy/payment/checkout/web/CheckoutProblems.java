package dev.tarsspeedy.payment.checkout.web;

import dev.tarsspeedy.payment.checkout.OrderAlreadyPaidException;
import dev.tarsspeedy.payment.checkout.OrderNotFoundException;
import dev.tarsspeedy.payment.checkout.OrderNotPayableException;
import dev.tarsspeedy.payment.checkout.OrderServiceUnavailableException;
import dev.tarsspeedy.payment.checkout.PaymentNotFoundException;
import dev.tarsspeedy.payment.checkout.ProviderOutcomeUnknownException;
import dev.tarsspeedy.payment.checkout.ProviderRefusedException;
import dev.tarsspeedy.payment.checkout.ProviderUnavailableException;
import dev.tarsspeedy.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Checkout errors as problems (titles and details in problems.properties); other errors pass through unchanged. */
final class CheckoutProblems {

    private CheckoutProblems() {}

    static Throwable translate(Throwable error) {
        return switch (error) {
            case OrderNotFoundException missing -> new ProblemException(HttpStatus.NOT_FOUND, "order-not-found", null);
            case OrderNotPayableException notPayable ->
                new ProblemException(HttpStatus.CONFLICT, "order-not-payable", null)
                        .with("orderStatus", notPayable.orderStatus());
            case OrderAlreadyPaidException paid ->
                new ProblemException(HttpStatus.CONFLICT, "order-already-paid", null)
                        .with("paymentId", paid.paymentId().toString());
            case PaymentNotFoundException missing ->
                new ProblemException(HttpStatus.NOT_FOUND, "payment-not-found", null);
            case OrderServiceUnavailableException unavailable ->
                new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "order-service-unavailable", null)
                        .withHeader("Retry-After", "5");
            case ProviderRefusedException refused ->
                // Kakaopay's own error, by code: a client can tell a configuration problem from a refused payment.
                new ProblemException(HttpStatus.BAD_GATEWAY, "kakaopay-refused", null)
                        .with("kakaopayErrorCode", refused.code())
                        .with("kakaopayMethodResultCode", refused.methodResultCode());
            case ProviderUnavailableException unavailable ->
                new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "kakaopay-unavailable", null)
                        .withHeader("Retry-After", "5");
            case ProviderOutcomeUnknownException unknown ->
                new ProblemException(HttpStatus.GATEWAY_TIMEOUT, "kakaopay-timeout", null);
            default -> error;
        };
    }
}
