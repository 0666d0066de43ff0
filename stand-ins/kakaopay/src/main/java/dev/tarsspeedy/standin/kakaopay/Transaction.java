package dev.tarsspeedy.standin.kakaopay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One tid and everything that happened to it. Guarded by its own monitor. */
final class Transaction {

    final String tid;
    final String cid;
    final String partnerOrderId;
    final String partnerUserId;
    final String itemName;
    final String itemCode;
    final int quantity;
    final long totalAmount;
    final long taxFreeAmount;
    final long vatAmount;
    final String approvalUrl;
    final String cancelUrl;
    final String failUrl;
    final Instant createdAt;

    String status = "READY";
    String pgToken;
    String aid;
    Instant approvedAt;
    long canceledAmount;
    long canceledTaxFreeAmount;
    long canceledVatAmount;
    Instant canceledAt;
    int approvals;
    int cancels;
    final List<Action> actions = new ArrayList<>();

    Transaction(
            String tid,
            String cid,
            String partnerOrderId,
            String partnerUserId,
            String itemName,
            String itemCode,
            int quantity,
            long totalAmount,
            long taxFreeAmount,
            long vatAmount,
            String approvalUrl,
            String cancelUrl,
            String failUrl,
            Instant createdAt) {
        this.tid = tid;
        this.cid = cid;
        this.partnerOrderId = partnerOrderId;
        this.partnerUserId = partnerUserId;
        this.itemName = itemName;
        this.itemCode = itemCode;
        this.quantity = quantity;
        this.totalAmount = totalAmount;
        this.taxFreeAmount = taxFreeAmount;
        this.vatAmount = vatAmount;
        this.approvalUrl = approvalUrl;
        this.cancelUrl = cancelUrl;
        this.failUrl = failUrl;
        this.createdAt = createdAt;
    }

    /** Still waiting for the buyer (the page may approve or cancel). */
    boolean awaitingBuyer() {
        return status.equals("READY") || status.equals("OPEN_PAYMENT");
    }

    boolean approved() {
        return approvedAt != null;
    }

    long cancelAvailableAmount() {
        return approved() ? totalAmount - canceledAmount : 0;
    }

    /** A payment or cancel step, as {@code payment_action_details} lists them. */
    record Action(String aid, Instant at, long amount, String type) {}
}
