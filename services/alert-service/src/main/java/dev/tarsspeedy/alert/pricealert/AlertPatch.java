package dev.tarsspeedy.alert.pricealert;

import java.math.BigDecimal;
import java.time.Instant;

/** A change of an alert: absent ({@code null}) fields stay as they are; the symbol never changes. */
public record AlertPatch(
        String kind,
        BigDecimal price,
        BigDecimal percent,
        String direction,
        String mode,
        String cooldown,
        BigDecimal hysteresisPercent,
        Instant expiresAt,
        Boolean regularHoursOnly,
        String zone) {

    /**
     * The alert as a draft with this patch applied. A new kind drops the old kind's line, percent and direction, so
     * a PATCH to another kind names what the new kind needs.
     */
    AlertDraft applyTo(PriceAlert alert) {
        AlertCondition condition = alert.condition();
        AlertTerms terms = alert.terms();
        boolean newKind =
                kind != null && !kind.strip().equalsIgnoreCase(condition.kind().name());
        return new AlertDraft(
                alert.symbol().code(),
                kind != null ? kind : condition.kind().name(),
                price != null ? price : newKind ? null : condition.line(),
                percent != null ? percent : newKind ? null : condition.percent(),
                direction != null
                        ? direction
                        : newKind || condition.direction() == null
                                ? null
                                : condition.direction().name(),
                mode != null ? mode : terms.mode().name(),
                cooldown != null ? cooldown : terms.cooldown().toString(),
                hysteresisPercent != null ? hysteresisPercent : terms.hysteresisPercent(),
                // An unchanged past expiry is not a new mistake: only a new one is checked against the clock.
                expiresAt,
                regularHoursOnly != null ? regularHoursOnly : terms.regularHoursOnly(),
                zone != null ? zone : alert.recipient().zone().getId());
    }
}
