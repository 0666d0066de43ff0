package dev.tarsspeedy.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.order.support.DropMother;
import dev.tarsspeedy.order.support.OrderTestBase;
import dev.tarsspeedy.platform.test.ProblemAssertions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Redis loses everything in the middle of a sale: buyers wait a moment, nothing is oversold, reconciling agrees. */
class RedisLossIT extends OrderTestBase {

    @Test
    void aFlushMidSaleNeverOversellsAndReconciliationRestoresAgreement() throws Exception {
        DropChanged drop = publish(DropMother.drop().quantity(100).limit(1).build());
        List<UUID> buyers =
                IntStream.range(0, 1_000).mapToObj(i -> UUID.randomUUID()).toList();
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch halfway = new CountDownLatch(1);
        Thread flusher = Thread.ofPlatform().start(() -> {
            try {
                if (halfway.await(60, TimeUnit.SECONDS)) {
                    redis.execute(
                            connection -> {
                                connection.serverCommands().flushAll();
                                return null;
                            },
                            true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        List<Attempt> attempts = flood(drop.dropId(), buyers, 3, 64, attempt -> {
            if (attempt.status() == 202 && accepted.incrementAndGet() == 40) {
                halfway.countDown();
            }
        });
        flusher.join();

        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.status()).isIn(202, 409, 503);
            assertThat(a.contentType()).isIn("application/json", "application/problem+json");
        });
        assertThat(attempts.stream().filter(a -> a.status() == 409))
                .allSatisfy(a -> assertThat((String) a.body().get("type"))
                        .isIn(ProblemAssertions.TYPES + "sold-out", ProblemAssertions.TYPES + "limit-exceeded"));
        assertThat(attempts.stream().filter(a -> a.status() == 503)).allSatisfy(a -> {
            assertThat(a.body()).containsEntry("type", ProblemAssertions.TYPES + "sale-unavailable");
            assertThat(a.retryAfter()).isNotBlank();
        });

        // Everything on its way has arrived: the stream is empty and the database stops changing.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Long pending = redis.opsForStream().size("drop:{" + drop.dropId() + "}:stream");
                    long before = orders(drop.dropId());
                    Thread.sleep(1_000);
                    return (pending == null || pending == 0) && orders(drop.dropId()) == before;
                });

        long live = liveOrderIds(drop.dropId()).size();
        assertThat(live).isLessThanOrEqualTo(100);
        assertThat(sold(drop.dropId())).isEqualTo(live);
        assertThat(count(
                        "select count(*) from (select user_id from customer_order where drop_id = :d"
                                + " and status = 'PENDING_PAYMENT' group by user_id having count(*) > 1) x",
                        "d",
                        drop.dropId()))
                .isZero();

        // Reconciling repairs what the loss left (late orders adopted, stale holds released) until both agree.
        List<Map<String, Object>> results = new java.util.ArrayList<>();
        for (int run = 0; run < 3 && !results.stream().anyMatch(r -> "CONSISTENT".equals(r.get("state"))); run++) {
            results.add(reconcile(drop.dropId()));
        }
        assertThat(results).as(results.toString()).anySatisfy(r -> assertThat(r).containsEntry("state", "CONSISTENT"));

        Map<Object, Object> held = held(drop.dropId());
        Set<String> heldIds = held.keySet().stream().map(Object::toString).collect(Collectors.toSet());
        assertThat(heldIds).isEqualTo(liveOrderIds(drop.dropId()));
        assertThat(stock(drop.dropId()) + held.size()).isEqualTo(100);
        assertThat(stock(drop.dropId())).isEqualTo(100 - sold(drop.dropId()));
    }
}
