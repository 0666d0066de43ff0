package dev.tarsspeedy.payment.checkout.client;

import dev.tarsspeedy.payment.checkout.CheckoutSettings;
import dev.tarsspeedy.payment.checkout.Payment;
import dev.tarsspeedy.payment.checkout.PaymentProvider;
import dev.tarsspeedy.payment.checkout.ProviderOutcomeUnknownException;
import dev.tarsspeedy.payment.checkout.ProviderRefusedException;
import dev.tarsspeedy.payment.checkout.ProviderUnavailableException;
import dev.tarsspeedy.payment.checkout.client.KakaopayMessages.ApproveRequest;
import dev.tarsspeedy.payment.checkout.client.KakaopayMessages.CancelRequest;
import dev.tarsspeedy.payment.checkout.client.KakaopayMessages.ErrorBody;
import dev.tarsspeedy.payment.checkout.client.KakaopayMessages.OrderRequest;
import dev.tarsspeedy.payment.checkout.client.KakaopayMessages.OrderResponse;
import dev.tarsspeedy.payment.checkout.client.KakaopayMessages.ReadyRequest;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PaymentProvider} on Kakaopay's online payment API.
 *
 * <p>What is retried, and why: {@code order} is a read and is retried on any failure but a refusal. {@code ready},
 * {@code approve} and {@code cancel} are retried only when the request never left (connection refused, unknown
 * host): anything else may have happened at Kakaopay already, and approving or cancelling twice is exactly what must
 * not happen. A lost approve answer is settled by the reconciliation instead.
 */
@Component
class KakaopayPaymentProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(KakaopayPaymentProvider.class);
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final JsonMapper ERRORS = JsonMapper.builder().build();

    private final KakaopayApi api;
    private final CheckoutSettings.Kakaopay kakaopay;

    KakaopayPaymentProvider(KakaopayApi api, CheckoutSettings settings) {
        this.api = api;
        this.kakaopay = settings.kakaopay();
    }

    @Override
    public Mono<Prepared> ready(PaymentRequest request) {
        ReadyRequest body = new ReadyRequest(
                kakaopay.cid(),
                request.orderId().toString(),
                request.userId().toString(),
                truncate(request.itemName(), 100),
                request.quantity(),
                request.amount(),
                0,
                request.approvalUrl(),
                request.cancelUrl(),
                request.failUrl());
        return call("ready", Mono.defer(() -> api.ready(authorization(), body)), false)
                .map(answer -> new Prepared(answer.tid(), answer.nextRedirectPcUrl()));
    }

    @Override
    public Mono<Instant> approve(Payment payment, String pgToken) {
        ApproveRequest body = new ApproveRequest(
                kakaopay.cid(),
                payment.tid(),
                payment.orderId().toString(),
                payment.userId().toString(),
                pgToken);
        return call("approve", Mono.defer(() -> api.approve(authorization(), body)), false)
                .map(answer -> kst(answer.approvedAt()));
    }

    @Override
    public Mono<ProviderState> state(Payment payment) {
        OrderRequest body = new OrderRequest(kakaopay.cid(), payment.tid());
        return call("order", Mono.defer(() -> api.order(authorization(), body)), true)
                .map(KakaopayPaymentProvider::state);
    }

    @Override
    public Mono<Instant> cancel(Payment payment) {
        CancelRequest body = new CancelRequest(kakaopay.cid(), payment.tid(), payment.amount(), 0, payment.amount());
        return call("cancel", Mono.defer(() -> api.cancel(authorization(), body)), false)
                .map(answer -> answer.canceledAt() == null ? Instant.now() : kst(answer.canceledAt()));
    }

    private static ProviderState state(OrderResponse answer) {
        return new ProviderState(
                answer.status(),
                kst(answer.approvedAt()),
                kst(answer.canceledAt()),
                answer.cancelAvailableAmount() == null
                        ? 0
                        : answer.cancelAvailableAmount().total());
    }

    private <T> Mono<T> call(String operation, Mono<T> request, boolean read) {
        return request.timeout(kakaopay.readTimeout())
                .onErrorMap(error -> translate(operation, error))
                .retryWhen(Retry.backoff(kakaopay.retries(), kakaopay.retryBackoff())
                        .filter(error -> retryable(error, read))
                        .doBeforeRetry(signal -> log.info(
                                "Kakaopay {} failed ({}); trying again",
                                operation,
                                signal.failure().toString()))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private static boolean retryable(Throwable error, boolean read) {
        if (error instanceof ProviderRefusedException) {
            return false;
        }
        if (error instanceof ProviderUnavailableException unavailable && unavailable.notSent()) {
            return true;
        }
        return read;
    }

    private static Throwable translate(String operation, Throwable error) {
        return switch (error) {
            case ProviderRefusedException refused -> refused;
            case ProviderUnavailableException unavailable -> unavailable;
            case ProviderOutcomeUnknownException unknown -> unknown;
            case WebClientResponseException response
            when response.getStatusCode().is5xxServerError() ->
                new ProviderUnavailableException(
                        "Kakaopay " + operation + " answered "
                                + response.getStatusCode().value(),
                        false,
                        response);
            case WebClientResponseException response -> refused(operation, response);
            case WebClientRequestException request
            when neverSent(request) ->
                new ProviderUnavailableException("Kakaopay " + operation + " could not connect", true, request);
            default -> new ProviderOutcomeUnknownException("Kakaopay " + operation + " got no answer in time", error);
        };
    }

    private static ProviderRefusedException refused(String operation, WebClientResponseException response) {
        int status = response.getStatusCode().value();
        ErrorBody body = null;
        try {
            body = ERRORS.readValue(response.getResponseBodyAsByteArray(), ErrorBody.class);
        } catch (JacksonException | IllegalArgumentException e) {
            // not Kakaopay's error shape
        }
        int code = body != null && body.errorCode() != null ? body.errorCode() : -status;
        String message = body != null && body.errorMessage() != null ? body.errorMessage() : response.getStatusText();
        String methodResultCode =
                body != null && body.extras() != null ? body.extras().methodResultCode() : null;
        if (status == 401 || status == 403) {
            log.error(
                    "Kakaopay refused the secret key or cid on {} ({}): check KAKAOPAY_SECRET_KEY and KAKAOPAY_CID",
                    operation,
                    code);
        }
        return new ProviderRefusedException(status, code, message, methodResultCode);
    }

    /** The connection was never made, so Kakaopay cannot have seen the request. */
    private static boolean neverSent(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private String authorization() {
        return "SECRET_KEY " + kakaopay.secretKey();
    }

    private static Instant kst(LocalDateTime time) {
        return time == null ? null : time.atZone(KST).toInstant();
    }

    private static String truncate(String text, int length) {
        if (text == null || text.isBlank()) {
            return "Speedy";
        }
        return text.length() <= length ? text : text.substring(0, length);
    }
}
