package dev.tarsspeedy.order.sale;

import dev.tarsspeedy.order.DropId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * This instance's memory of sold-out drops: after Redis answered "sold out", the same answer is given from memory for
 * a short time, so the flood after a sell-out never reaches Redis. Cleared when this instance gives units back; other
 * instances see released units when their flag runs out.
 */
@Component
public class SoldOutFlags {

    private final Map<DropId, Instant> until = new ConcurrentHashMap<>();
    private final Duration ttl;

    public SoldOutFlags(SaleSettings properties) {
        this.ttl = properties.buy().soldOutTtl();
    }

    /** How much longer this instance answers "sold out" for the drop from memory; zero when it does not. */
    public Duration remembered(DropId drop, Instant now) {
        Instant end = until.get(drop);
        if (end == null) {
            return Duration.ZERO;
        }
        if (now.isBefore(end)) {
            return Duration.between(now, end);
        }
        until.remove(drop, end);
        return Duration.ZERO;
    }

    /** How long a sell-out Redis just reported is remembered (zero: not at all). */
    public Duration ttl() {
        return ttl;
    }

    public void mark(DropId drop, Instant now) {
        if (!ttl.isZero()) {
            until.put(drop, now.plus(ttl));
        }
    }

    public void clear(DropId drop) {
        until.remove(drop);
    }
}
