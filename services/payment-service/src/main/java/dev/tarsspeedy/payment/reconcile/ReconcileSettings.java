package dev.tarsspeedy.payment.reconcile;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code payment.reconcile.*}: the reconciliation of uncertain approvals and refunds.
 *
 * @param interval how often the job looks for stuck payments
 * @param stuckAfter how long a payment may stay APPROVING or REFUNDING before Kakaopay is asked; longer than
 *     Kakaopay's read timeout, so a call still waiting for its answer is never judged
 * @param batchSize payments per run and state
 */
@ConfigurationProperties("payment.reconcile")
public record ReconcileSettings(
        @DefaultValue("30s") Duration interval,
        @DefaultValue("2m") Duration stuckAfter,
        @DefaultValue("50") int batchSize) {}
