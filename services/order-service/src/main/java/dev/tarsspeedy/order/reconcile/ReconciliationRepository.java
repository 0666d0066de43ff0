package dev.tarsspeedy.order.reconcile;

import dev.tarsspeedy.order.DropId;
import reactor.core.publisher.Mono;

/** The last reconciliation of each drop (table {@code reconciliation}). */
public interface ReconciliationRepository {

    Mono<Void> save(Reconciliation reconciliation);

    Mono<Reconciliation> find(DropId drop);
}
