package dev.tarsspeedy.payment.checkout.persistence;

import dev.tarsspeedy.payment.OrderId;
import dev.tarsspeedy.payment.PaymentId;
import dev.tarsspeedy.payment.UserId;
import dev.tarsspeedy.payment.checkout.Payment;
import dev.tarsspeedy.payment.checkout.PaymentRepository;
import dev.tarsspeedy.payment.checkout.PaymentStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Payments in PostgreSQL ({@code payment}); every status change is an {@code update ... where status = :from}. */
@Repository
class R2dbcPaymentRepository implements PaymentRepository {

    private static final String COLUMNS = "id, order_id, user_id, status, amount, item_name, quantity, tid,"
            + " redirect_url, order_expires_at, payer_email, locale, failure_reason, created_at, status_changed_at,"
            + " approved_at, refunded_at, refund_reason";

    private final DatabaseClient database;

    R2dbcPaymentRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Boolean> insertIfNoLivePayment(Payment p) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("insert into payment (" + COLUMNS + ") values (:id,"
                        + " :orderId, :userId, :status, :amount, :itemName, :quantity, :tid, :redirectUrl,"
                        + " :orderExpiresAt, :payerEmail, :locale, null, :createdAt, :statusChangedAt, null, null, null)"
                        + " on conflict (order_id) where status in ('READY', 'APPROVING', 'APPROVED') do nothing")
                .bind("id", p.id().value())
                .bind("orderId", p.orderId().value())
                .bind("userId", p.userId().value())
                .bind("status", p.status().name())
                .bind("amount", p.amount())
                .bind("itemName", p.itemName())
                .bind("quantity", p.quantity())
                .bind("tid", p.tid())
                .bind("redirectUrl", p.redirectUrl())
                .bind("orderExpiresAt", utc(p.orderExpiresAt()))
                .bind("locale", p.locale())
                .bind("createdAt", utc(p.createdAt()))
                .bind("statusChangedAt", utc(p.statusChangedAt()));
        spec = p.payerEmail() == null
                ? spec.bindNull("payerEmail", String.class)
                : spec.bind("payerEmail", p.payerEmail());
        return spec.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Mono<Payment> findById(PaymentId id) {
        return database.sql("select " + COLUMNS + " from payment where id = :id")
                .bind("id", id.value())
                .map(R2dbcPaymentRepository::payment)
                .one();
    }

    @Override
    public Mono<Payment> findLiveByOrder(OrderId orderId) {
        return database.sql("select " + COLUMNS + " from payment where order_id = :orderId"
                        + " and status in ('READY', 'APPROVING', 'APPROVED')")
                .bind("orderId", orderId.value())
                .map(R2dbcPaymentRepository::payment)
                .one();
    }

    @Override
    public Mono<Boolean> transition(PaymentId id, PaymentStatus from, PaymentStatus to, Instant now) {
        return database.sql(
                        "update payment set status = :to, status_changed_at = :now where id = :id and status = :from")
                .bind("id", id.value())
                .bind("from", from.name())
                .bind("to", to.name())
                .bind("now", utc(now))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Mono<Boolean> markFailed(PaymentId id, PaymentStatus from, String reason, Instant now) {
        return database.sql("update payment set status = 'FAILED', failure_reason = :reason, status_changed_at = :now"
                        + " where id = :id and status = :from")
                .bind("id", id.value())
                .bind("from", from.name())
                .bind("reason", reason)
                .bind("now", utc(now))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Mono<Boolean> markApproved(PaymentId id, Instant approvedAt, Instant now) {
        return database.sql("update payment set status = 'APPROVED', approved_at = :approvedAt,"
                        + " status_changed_at = :now where id = :id and status = 'APPROVING'")
                .bind("id", id.value())
                .bind("approvedAt", utc(approvedAt))
                .bind("now", utc(now))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Mono<Boolean> markRefunding(PaymentId id, String reason, Instant now) {
        return database.sql("update payment set status = 'REFUNDING', refund_reason = :reason,"
                        + " status_changed_at = :now where id = :id and status = 'APPROVED'")
                .bind("id", id.value())
                .bind("reason", reason)
                .bind("now", utc(now))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Mono<Boolean> markRefunded(PaymentId id, Instant refundedAt, Instant now) {
        return database.sql("update payment set status = 'REFUNDED', refunded_at = :refundedAt,"
                        + " status_changed_at = :now where id = :id and status = 'REFUNDING'")
                .bind("id", id.value())
                .bind("refundedAt", utc(refundedAt))
                .bind("now", utc(now))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Flux<Payment> findInStatusSince(PaymentStatus status, Instant before, int limit) {
        return database.sql("select " + COLUMNS + " from payment where status = :status"
                        + " and status_changed_at < :before order by status_changed_at limit :limit")
                .bind("status", status.name())
                .bind("before", utc(before))
                .bind("limit", limit)
                .map(R2dbcPaymentRepository::payment)
                .all();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Payment payment(Readable row) {
        return new Payment(
                new PaymentId(row.get("id", UUID.class)),
                new OrderId(row.get("order_id", UUID.class)),
                new UserId(row.get("user_id", UUID.class)),
                PaymentStatus.valueOf(row.get("status", String.class)),
                row.get("amount", Long.class),
                row.get("item_name", String.class),
                row.get("quantity", Integer.class),
                row.get("tid", String.class),
                row.get("redirect_url", String.class),
                instant(row, "order_expires_at"),
                row.get("payer_email", String.class),
                row.get("locale", String.class),
                row.get("failure_reason", String.class),
                instant(row, "created_at"),
                instant(row, "status_changed_at"),
                instant(row, "approved_at"),
                instant(row, "refunded_at"),
                row.get("refund_reason", String.class));
    }
}
