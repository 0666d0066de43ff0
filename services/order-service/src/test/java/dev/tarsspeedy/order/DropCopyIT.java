package dev.tarsspeedy.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.order.sale.DropSync;
import dev.tarsspeedy.order.support.DropMother;
import dev.tarsspeedy.order.support.OrderTestBase;
import dev.tarsspeedy.platform.events.EventEnvelope;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The drop copy from the catalog's events: newer revisions only, stock never reset once open, warm-up. */
class DropCopyIT extends OrderTestBase {

    @Autowired
    DropSync sync;

    @Test
    void onceOpenAChangeKeepsTheStockAndAnOlderRevisionIsIgnored() throws Exception {
        DropChanged drop = publish(DropMother.drop().quantity(10).limit(1).build());
        bought(drop.dropId(), UUID.randomUUID(), 1);
        bought(drop.dropId(), UUID.randomUUID(), 1);

        DropChanged raised = publish(DropMother.from(drop).quantity(12).limit(2).build());

        assertThat(stock(drop.dropId())).isEqualTo(10);
        assertThat(redis.opsForHash().get("drop:{" + drop.dropId() + "}:sale", "limit"))
                .isEqualTo("2");
        assertThat(count("select quantity::bigint from sale where id = :d", "d", drop.dropId()))
                .isEqualTo(12);

        // A replayed older revision changes nothing.
        EventEnvelope old = EventEnvelope.of(
                DropChanged.TYPE, DropChanged.VERSION, drop.dropId().toString(), drop);
        kafka.send(DropChanged.TOPIC, old.key(), old.toJson()).get(10, TimeUnit.SECONDS);
        DropChanged marker = publish(DropMother.drop().quantity(1).build());
        assertThat(marker).isNotNull();
        assertThat(count("select revision from sale where id = :d", "d", drop.dropId()))
                .isEqualTo(raised.revision());
        assertThat(stock(drop.dropId())).isEqualTo(10);
        assertThat(redis.opsForHash().get("drop:{" + drop.dropId() + "}:sale", "quantity"))
                .isEqualTo("12");
    }

    @Test
    void warmUpLoadsADropOpeningSoonWhoseKeysAreMissing() {
        DropChanged drop = publish(
                DropMother.drop().opensIn(Duration.ofMinutes(2)).quantity(7).build());
        redis.delete(java.util.List.of("drop:{" + drop.dropId() + "}:sale", "drop:{" + drop.dropId() + "}:stock"));

        await().atMost(Duration.ofSeconds(10)).until(() -> sync.warmUp() >= 1 || stock(drop.dropId()) == 7);

        assertThat(stock(drop.dropId())).isEqualTo(7);
        assertThat(redis.opsForHash().get("drop:{" + drop.dropId() + "}:sale", "revision"))
                .isEqualTo("1");
    }
}
