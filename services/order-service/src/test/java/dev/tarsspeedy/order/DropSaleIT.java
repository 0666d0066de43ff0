package dev.tarsspeedy.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.order.support.DropMother;
import dev.tarsspeedy.order.support.OrderTestBase;
import dev.tarsspeedy.platform.test.ProblemAssertions;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The flood: 1,000 buyers, three attempts each at once, 100 units, one per buyer. */
class DropSaleIT extends OrderTestBase {

    @Test
    void exactlyTheQuantityIsSoldOncePerBuyerAndEveryRefusalIsAProblem() {
        DropChanged drop = publish(DropMother.drop().quantity(100).limit(1).build());
        List<UUID> buyers =
                IntStream.range(0, 1_000).mapToObj(i -> UUID.randomUUID()).toList();

        List<Attempt> attempts = flood(drop.dropId(), buyers, 3, 64);

        assertThat(attempts).hasSize(3_000);
        List<Attempt> accepted =
                attempts.stream().filter(a -> a.status() == 202).toList();
        assertThat(accepted).hasSize(100);
        assertThat(accepted.stream().map(Attempt::buyer).distinct()).hasSize(100);
        assertThat(accepted.stream().map(a -> a.body().get("orderId")).distinct())
                .hasSize(100);
        List<Attempt> refused = attempts.stream().filter(a -> a.status() != 202).toList();
        assertThat(refused).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(409);
            assertThat(a.contentType()).isEqualTo("application/problem+json");
            assertThat((String) a.body().get("type"))
                    .isIn(ProblemAssertions.TYPES + "sold-out", ProblemAssertions.TYPES + "limit-exceeded");
            assertThat(a.body()).containsKeys("title", "detail", "instance");
        });

        assertThat(stock(drop.dropId())).isZero();
        awaitOrders(drop.dropId(), 100);
        assertThat(ordersIn(drop.dropId(), "PENDING_PAYMENT")).isEqualTo(100);
        assertThat(sold(drop.dropId())).isEqualTo(100);
        assertThat(count(
                        "select count(*) from (select user_id from customer_order where drop_id = :d"
                                + " group by user_id having sum(quantity) > 1) over_limit",
                        "d",
                        drop.dropId()))
                .isZero();
        assertThat(liveOrderIds(drop.dropId()))
                .containsExactlyInAnyOrderElementsOf(accepted.stream()
                        .map(a -> a.body().get("orderId").toString())
                        .toList());
        assertThat(held(drop.dropId())).hasSize(100);
    }
}
