package dev.tarsspeedy.order.sale.persistence;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.OrderId;
import dev.tarsspeedy.order.UserId;
import dev.tarsspeedy.order.sale.SaleStore;
import dev.tarsspeedy.platform.warmup.WarmUp;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One buy in a drop that does not exist, before the service reports ready: {@code buy.lua} is loaded into Redis (the
 * first {@code EVALSHA} would otherwise fail and be sent again as {@code EVAL}) and the buy path's code has run once.
 * The script answers {@code ABSENT} for an unknown drop and writes nothing.
 */
@Component
class BuyScriptWarmUp implements WarmUp {

    private final SaleStore store;

    BuyScriptWarmUp(SaleStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "buy-script";
    }

    @Override
    public Mono<?> run() {
        return store.buy(
                DropId.of(UUID.randomUUID()),
                UserId.of(UUID.randomUUID()),
                1,
                "warm-up",
                OrderId.random(),
                Duration.ofMinutes(1),
                SaleStore.BuyerContact.NONE);
    }
}
