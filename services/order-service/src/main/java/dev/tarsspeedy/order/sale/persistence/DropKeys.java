package dev.tarsspeedy.order.sale.persistence;

import dev.tarsspeedy.order.DropId;
import java.util.List;

/**
 * A drop's Redis keys; the {@code {dropId}} hash tag keeps all of them in one Redis Cluster slot, so one script can
 * use them all.
 */
public record DropKeys(String sale, String stock, String buyers, String idem, String held, String stream) {

    public static DropKeys of(DropId drop) {
        String prefix = "drop:{" + drop.value() + "}:";
        return new DropKeys(
                prefix + "sale",
                prefix + "stock",
                prefix + "buyers",
                prefix + "idem",
                prefix + "held",
                prefix + "stream");
    }

    /** The drop id in a key such as {@code drop:{D}:stream}. */
    public static DropId dropOf(String key) {
        int open = key.indexOf('{');
        int close = key.indexOf('}', open);
        return DropId.parse(key.substring(open + 1, close));
    }

    List<String> forBuy() {
        return List.of(sale, stock, buyers, idem, held, stream);
    }

    List<String> forRelease() {
        return List.of(stock, buyers, held);
    }

    List<String> forLoad() {
        return List.of(sale, stock, buyers, idem, held);
    }
}
