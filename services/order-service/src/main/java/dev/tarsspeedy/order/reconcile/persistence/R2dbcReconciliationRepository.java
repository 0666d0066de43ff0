package dev.tarsspeedy.order.reconcile.persistence;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.reconcile.ReconcileState;
import dev.tarsspeedy.order.reconcile.Reconciliation;
import dev.tarsspeedy.order.reconcile.ReconciliationRepository;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcReconciliationRepository implements ReconciliationRepository {

    private final DatabaseClient database;

    R2dbcReconciliationRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> save(Reconciliation reconciliation) {
        return database.sql("""
                        insert into reconciliation (drop_id, state, checked_at, detail)
                        values (:drop, :state, :at, :detail)
                        on conflict (drop_id) do update
                        set state = excluded.state, checked_at = excluded.checked_at, detail = excluded.detail
                        """)
                .bind("drop", reconciliation.dropId().value())
                .bind("state", reconciliation.state().name())
                .bind("at", reconciliation.checkedAt().atOffset(ZoneOffset.UTC))
                .bind("detail", reconciliation.detail())
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Reconciliation> find(DropId drop) {
        return database.sql("select state, checked_at, detail from reconciliation where drop_id = :drop")
                .bind("drop", drop.value())
                .map(row -> new Reconciliation(
                        drop,
                        ReconcileState.valueOf(row.get("state", String.class)),
                        row.get("checked_at", OffsetDateTime.class).toInstant(),
                        row.get("detail", String.class)))
                .one();
    }
}
