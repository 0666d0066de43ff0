package dev.tarsspeedy.order.reconcile.web;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.buying.DropNotFoundException;
import dev.tarsspeedy.order.reconcile.DropStats;
import dev.tarsspeedy.order.reconcile.DropStatsQuery;
import dev.tarsspeedy.order.reconcile.Reconciler;
import dev.tarsspeedy.order.reconcile.Reconciliation;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Operators' view of a drop's stock and its reconciliation (role ADMIN). */
@RestController
class AdminDropController {

    private final Reconciler reconciler;
    private final DropStatsQuery stats;

    AdminDropController(Reconciler reconciler, DropStatsQuery stats) {
        this.reconciler = reconciler;
        this.stats = stats;
    }

    record ReconciliationResponse(String state, Instant checkedAt, String detail) {

        static ReconciliationResponse of(Reconciliation r) {
            return r == null ? null : new ReconciliationResponse(r.state().name(), r.checkedAt(), r.detail());
        }
    }

    record StatsResponse(
            UUID dropId,
            int quantity,
            int sold,
            int remaining,
            long liveOrders,
            ReconciliationResponse reconciliation) {

        static StatsResponse of(DropStats s) {
            return new StatsResponse(
                    s.dropId().value(),
                    s.quantity(),
                    s.sold(),
                    s.remaining(),
                    s.liveOrders(),
                    ReconciliationResponse.of(s.reconciliation()));
        }
    }

    @PostMapping("/api/admin/drops/{id}/reconcile")
    Mono<ReconciliationResponse> reconcile(@PathVariable UUID id) {
        DropId drop = DropId.of(id);
        return Mono.fromCallable(() -> reconciler.reconcile(drop))
                .subscribeOn(Schedulers.boundedElastic())
                .map(ReconciliationResponse::of)
                .onErrorMap(DropNotFoundException.class, ReconcileProblems::dropNotFound);
    }

    @GetMapping("/api/admin/drops/{id}/stats")
    Mono<StatsResponse> stats(@PathVariable UUID id) {
        return stats.of(DropId.of(id))
                .map(StatsResponse::of)
                .onErrorMap(DropNotFoundException.class, ReconcileProblems::dropNotFound);
    }
}
