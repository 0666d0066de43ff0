package dev.tarsspeedy.catalog.support;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies for the catalog's endpoints: valid by default, changed one field at a time by the tests. */
public final class CatalogMother {

    private CatalogMother() {}

    public static Map<String, Object> product() {
        return product("Wireless earbuds " + UUID.randomUUID().toString().substring(0, 8));
    }

    public static Map<String, Object> product(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", "Noise-cancelling, 30 hours of battery.");
        body.put("imageUrl", "https://img.speedy.test/earbuds.png");
        return body;
    }

    /** A drop of the product opening one hour after {@code now}, for two hours, 100 units at 129,000 won, 2 each. */
    public static DropBuilder drop(Object productId, Instant now) {
        return new DropBuilder(productId, now);
    }

    /** Builds a drop request; every field can be changed, removed or set to anything (wrong types too). */
    public static final class DropBuilder {

        private final Map<String, Object> body = new LinkedHashMap<>();
        private final Instant now;

        private DropBuilder(Object productId, Instant now) {
            this.now = now.truncatedTo(ChronoUnit.MICROS); // what the service keeps
            body.put("productId", productId);
            body.put("price", 129_000L);
            body.put("quantity", 100);
            body.put("perUserLimit", 2);
            body.put("opensAt", this.now.plus(Duration.ofHours(1)).toString());
            body.put("closesAt", this.now.plus(Duration.ofHours(3)).toString());
        }

        public DropBuilder price(long price) {
            return with("price", price);
        }

        public DropBuilder quantity(int quantity) {
            return with("quantity", quantity);
        }

        public DropBuilder perUserLimit(int limit) {
            return with("perUserLimit", limit);
        }

        /** Opens this long after the builder's {@code now} (negative: in the past) and closes two hours later. */
        public DropBuilder opensIn(Duration duration) {
            Instant opens = now.plus(duration);
            body.put("opensAt", opens.toString());
            return with("closesAt", opens.plus(Duration.ofHours(2)).toString());
        }

        public DropBuilder opensAt(Instant opensAt) {
            return with("opensAt", opensAt.truncatedTo(ChronoUnit.MICROS).toString());
        }

        public DropBuilder closesAt(Instant closesAt) {
            return with("closesAt", closesAt.truncatedTo(ChronoUnit.MICROS).toString());
        }

        public DropBuilder with(String field, Object value) {
            body.put(field, value);
            return this;
        }

        public DropBuilder without(String field) {
            body.remove(field);
            return this;
        }

        public Map<String, Object> build() {
            return new LinkedHashMap<>(body);
        }
    }
}
