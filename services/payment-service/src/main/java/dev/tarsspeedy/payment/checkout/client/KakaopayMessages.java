package dev.tarsspeedy.payment.checkout.client;

import java.time.LocalDateTime;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Request and answer bodies of Kakaopay's online payment API, field for field (snake_case on the wire). Times are
 * Korean local times without an offset, as Kakaopay writes them.
 */
final class KakaopayMessages {

    private KakaopayMessages() {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ReadyRequest(
            String cid,
            String partnerOrderId,
            String partnerUserId,
            String itemName,
            int quantity,
            long totalAmount,
            long taxFreeAmount,
            String approvalUrl,
            String cancelUrl,
            String failUrl) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ReadyResponse(
            String tid,
            String nextRedirectPcUrl,
            String nextRedirectMobileUrl,
            String nextRedirectAppUrl,
            LocalDateTime createdAt) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ApproveRequest(String cid, String tid, String partnerOrderId, String partnerUserId, String pgToken) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Amount(long total, long taxFree, long vat, long point, long discount) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ApproveResponse(
            String aid,
            String tid,
            String cid,
            String partnerOrderId,
            String partnerUserId,
            String paymentMethodType,
            Amount amount,
            String itemName,
            int quantity,
            LocalDateTime createdAt,
            LocalDateTime approvedAt) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OrderRequest(String cid, String tid) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OrderResponse(
            String tid,
            String cid,
            String status,
            String partnerOrderId,
            String partnerUserId,
            Amount amount,
            Amount canceledAmount,
            Amount cancelAvailableAmount,
            LocalDateTime createdAt,
            LocalDateTime approvedAt,
            LocalDateTime canceledAt) {}

    /**
     * @param cancelAvailableAmount what Kakaopay must still hold for the cancel to go through: a second cancel of the
     *     same payment is refused instead of giving money back twice
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CancelRequest(
            String cid, String tid, long cancelAmount, long cancelTaxFreeAmount, long cancelAvailableAmount) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CancelResponse(
            String aid,
            String tid,
            String status,
            Amount approvedCancelAmount,
            Amount canceledAmount,
            Amount cancelAvailableAmount,
            LocalDateTime canceledAt) {}

    /** {@code {"error_code":-780,"error_message":"...","extras":{"method_result_code":"...", ...}}}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ErrorBody(Integer errorCode, String errorMessage, Extras extras) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Extras(String methodResultCode, String methodResultMessage) {}
}
