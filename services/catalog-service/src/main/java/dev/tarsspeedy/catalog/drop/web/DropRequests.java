package dev.tarsspeedy.catalog.drop.web;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * Request bodies of the operators' drop endpoints. Presence is checked here; the rules between the values (and
 * against the clock) are the domain's ({@link dev.tarsspeedy.catalog.drop.DropTerms}), so one answer lists them all.
 */
final class DropRequests {

    private DropRequests() {}

    /** {@code POST /api/admin/drops}: price in whole KRW. */
    record CreateDrop(
            @NotNull UUID productId,
            @NotNull Long price,
            @NotNull Integer quantity,
            @NotNull Integer perUserLimit,
            @NotNull Instant opensAt,
            @NotNull Instant closesAt) {}

    /** {@code PATCH /api/admin/drops/{id}}: absent fields stay as they are. */
    record PatchDrop(Long price, Integer quantity, Integer perUserLimit, Instant opensAt, Instant closesAt) {}
}
