package dev.tarsspeedy.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.order.lifecycle.OrderService;
import dev.tarsspeedy.order.support.DropMother;
import dev.tarsspeedy.order.support.OrderTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

/** Unpaid orders expire and give their units back exactly once, also when a cancel races the expiry. */
class ExpiryIT extends OrderTestBase {

    @Autowired
    OrderService orders;

    @Test
    void expiryReleasesTheUnitsOnce() {
        DropChanged drop = publish(DropMother.drop().quantity(5).limit(2).build());
        UUID buyer = UUID.randomUUID();
        Object orderId = bought(drop.dropId(), buyer, 2).get("orderId");
        awaitOrders(drop.dropId(), 1);
        assertThat(stock(drop.dropId())).isEqualTo(3);

        Instant later = Instant.now().plus(Duration.ofMinutes(11));
        // Other tests' unpaid orders are due then too: run the job until nothing is left.
        int expired = 0;
        for (int batch = orders.expireDue(later).block();
                batch > 0;
                batch = orders.expireDue(later).block()) {
            expired += batch;
        }

        assertThat(expired).isGreaterThanOrEqualTo(1);
        assertThat(statusOf(orderId)).isEqualTo("EXPIRED");
        assertThat(stock(drop.dropId())).isEqualTo(5);
        assertThat(sold(drop.dropId())).isZero();
        assertThat(held(drop.dropId())).isEmpty();
        // Again: nothing left to expire, nothing given back twice.
        assertThat(orders.expire(OrderId.parse(orderId.toString()), later).block())
                .isFalse();
        assertThat(orders.expireDue(later).block()).isZero();
        assertThat(stock(drop.dropId())).isEqualTo(5);
        assertThat(count(
                        "select count(*) from outbox_event where event_key = :k and type = 'OrderExpired'",
                        "k",
                        orderId.toString()))
                .isEqualTo(1);
        // The buyer may buy again: the limit came back too.
        bought(drop.dropId(), buyer, 2);
        assertThat(stock(drop.dropId())).isEqualTo(3);
    }

    @Test
    void expiryRacingCancelReleasesOnce() throws Exception {
        int rounds = 15;
        DropChanged drop = publish(DropMother.drop().quantity(rounds).limit(1).build());
        List<String> ids = new ArrayList<>();
        List<UUID> buyers = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            UUID buyer = UUID.randomUUID();
            buyers.add(buyer);
            ids.add(bought(drop.dropId(), buyer, 1).get("orderId").toString());
        }
        awaitOrders(drop.dropId(), rounds);
        assertThat(stock(drop.dropId())).isZero();
        Instant later = Instant.now().plus(Duration.ofMinutes(11));

        for (int i = 0; i < rounds; i++) {
            String id = ids.get(i);
            String token = userToken(buyers.get(i));
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Integer> cancel = CompletableFuture.supplyAsync(() -> {
                await(start);
                return client().post()
                        .uri("/api/orders/{id}/cancel", id)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .exchange()
                        .returnResult(Map.class)
                        .getStatus()
                        .value();
            });
            CompletableFuture<Boolean> expire = CompletableFuture.supplyAsync(() -> {
                await(start);
                return orders.expire(OrderId.parse(id), later).block();
            });
            int cancelStatus = cancel.get();
            boolean expired = expire.get();
            String status = statusOf(id);
            if (expired) {
                assertThat(status).isEqualTo("EXPIRED");
                assertThat(cancelStatus).isEqualTo(409);
            } else {
                assertThat(status).isEqualTo("CANCELLED");
                assertThat(cancelStatus).isEqualTo(200);
            }
            assertThat(count(
                            "select count(*) from order_status_history where order_id = :id",
                            "id",
                            UUID.fromString(id)))
                    .isEqualTo(2);
            assertThat(count(
                            "select count(*) from outbox_event where event_key = :k and type in"
                                    + " ('OrderExpired', 'OrderCancelled')",
                            "k",
                            id))
                    .isEqualTo(1);
        }
        assertThat(stock(drop.dropId())).isEqualTo(rounds);
        assertThat(sold(drop.dropId())).isZero();
        assertThat(held(drop.dropId())).isEmpty();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
