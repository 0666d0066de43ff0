package dev.tarsspeedy.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.order.support.DropMother;
import dev.tarsspeedy.order.support.OrderTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

/** Reading, listing and cancelling orders; operators' stats; stock for the catalog; live stock. */
class OrdersApiIT extends OrderTestBase {

    @Test
    void aBuyerReadsListsAndCancelsTheirOrders() {
        DropChanged drop =
                publish(DropMother.drop().quantity(10).limit(3).price(1_000).build());
        UUID buyer = UUID.randomUUID();
        String first = bought(drop.dropId(), buyer, 1).get("orderId").toString();
        String second = bought(drop.dropId(), buyer, 2).get("orderId").toString();
        awaitOrders(drop.dropId(), 2);

        Map<String, Object> page = ordersPage(buyer);
        List<?> items = (List<?>) page.get("items");
        assertThat(items).hasSize(2);
        assertThat(((Map<?, ?>) items.get(0)).get("id")).isEqualTo(second);
        assertThat(page).containsEntry("total", 2);

        assertProblem(
                client().get()
                        .uri("/api/orders/{id}", first)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(UUID.randomUUID()))
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "order-not-found");

        Map<String, Object> cancelled = cancel(first, buyer)
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(cancelled).containsEntry("status", "CANCELLED");
        assertThat((List<?>) cancelled.get("history")).hasSize(2);
        assertThat(stock(drop.dropId())).isEqualTo(8);
        assertThat(sold(drop.dropId())).isEqualTo(2);
        // Cancelling again answers the cancelled order; nothing more is given back.
        cancel(first, buyer).expectStatus().isOk();
        assertThat(stock(drop.dropId())).isEqualTo(8);
        assertProblem(cancel(first, UUID.randomUUID()), HttpStatus.NOT_FOUND, "order-not-found");

        // Shipped orders cannot be cancelled any more (paid ones can: OrderLifecycleIT).
        database.sql("update customer_order set status = 'SHIPPING' where id = :id")
                .bind("id", UUID.fromString(second))
                .fetch()
                .rowsUpdated()
                .block();
        assertProblem(cancel(second, buyer), HttpStatus.CONFLICT, "order-not-cancellable");
        assertThat(stock(drop.dropId())).isEqualTo(8);
    }

    @Test
    void operatorsSeeStatsAndReconcileAndTheCatalogSeesStock() {
        DropChanged drop = publish(DropMother.drop().quantity(10).limit(2).build());
        bought(drop.dropId(), UUID.randomUUID(), 2);
        awaitOrders(drop.dropId(), 1);

        client().get()
                .uri("/api/admin/drops/{id}/stats", drop.dropId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isForbidden();
        Map<String, Object> reconciled = reconcile(drop.dropId());
        assertThat(reconciled).containsEntry("state", "CONSISTENT");
        Map<String, Object> stats = client().get()
                .uri("/api/admin/drops/{id}/stats", drop.dropId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(stats)
                .containsEntry("dropId", drop.dropId().toString())
                .containsEntry("quantity", 10)
                .containsEntry("sold", 2)
                .containsEntry("remaining", 8)
                .containsEntry("liveOrders", 1);
        assertThat(((Map<?, ?>) stats.get("reconciliation")).get("state")).isEqualTo("CONSISTENT");

        List<Map<String, Object>> stock = client().get()
                .uri("/internal/drops/stock?dropId={a}&dropId={b}", drop.dropId(), UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(stock).containsExactly(Map.of("dropId", drop.dropId().toString(), "remaining", 8, "sold", 2));

        // Without Redis keys the database answers.
        redis.delete("drop:{" + drop.dropId() + "}:sale");
        List<Map<String, Object>> fromDatabase = client().get()
                .uri("/internal/drops/stock?dropId={a}", drop.dropId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(fromDatabase).containsExactly(Map.of("dropId", drop.dropId().toString(), "remaining", 8, "sold", 2));
    }

    @Test
    void liveStockIsStreamedAsItChanges() {
        DropChanged drop = publish(DropMother.drop().quantity(5).limit(1).build());
        Flux<ServerSentEvent<Map<String, Object>>> events =
                org.springframework.web.reactive.function.client.WebClient.create("http://127.0.0.1:" + port)
                        .get()
                        .uri("/api/drops/{id}/stream", drop.dropId())
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .retrieve()
                        .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {});
        List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        var subscription = events.filter(event -> "remaining".equals(event.event()))
                .subscribe(event -> seen.add((Integer) event.data().get("remaining")));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains(5));
            bought(drop.dropId(), UUID.randomUUID(), 1);
            bought(drop.dropId(), UUID.randomUUID(), 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains(3));
            assertThat(seen).doesNotHaveDuplicates();
        } finally {
            subscription.dispose();
        }
        client().get()
                .uri("/api/drops/{id}/stream", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec cancel(String order, UUID user) {
        return client().post()
                .uri("/api/orders/{id}/cancel", order)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(user))
                .exchange();
    }
}
