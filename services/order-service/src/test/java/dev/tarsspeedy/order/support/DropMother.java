package dev.tarsspeedy.order.support;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Drops for tests: open now for an hour, 100 units, one per buyer, unless told otherwise. */
public final class DropMother {

    private UUID dropId = UUID.randomUUID();
    private long revision = 1;
    private UUID productId = UUID.randomUUID();
    private String productName = "한정판 운동화";
    private long price = 129_000;
    private int quantity = 100;
    private int perUserLimit = 1;
    private Instant opensAt = Instant.now().minus(Duration.ofMinutes(1));
    private Instant closesAt = Instant.now().plus(Duration.ofHours(1));
    private Instant closedAt;

    private DropMother() {}

    public static DropMother drop() {
        return new DropMother();
    }

    public static DropMother from(DropChanged drop) {
        DropMother mother = new DropMother();
        mother.dropId = drop.dropId();
        mother.revision = drop.revision() + 1;
        mother.productId = drop.productId();
        mother.productName = drop.productName();
        mother.price = drop.price();
        mother.quantity = drop.quantity();
        mother.perUserLimit = drop.perUserLimit();
        mother.opensAt = drop.opensAt();
        mother.closesAt = drop.closesAt();
        mother.closedAt = drop.closedAt();
        return mother;
    }

    public DropMother quantity(int quantity) {
        this.quantity = quantity;
        return this;
    }

    public DropMother limit(int perUserLimit) {
        this.perUserLimit = perUserLimit;
        return this;
    }

    public DropMother price(long price) {
        this.price = price;
        return this;
    }

    public DropMother opensIn(Duration duration) {
        this.opensAt = Instant.now().plus(duration);
        this.closesAt = opensAt.plus(Duration.ofHours(1));
        return this;
    }

    public DropMother closedSince(Duration duration) {
        this.opensAt = Instant.now().minus(duration).minus(Duration.ofHours(1));
        this.closesAt = Instant.now().minus(duration);
        return this;
    }

    public DropMother stoppedNow() {
        this.closedAt = Instant.now();
        return this;
    }

    public DropChanged build() {
        return new DropChanged(
                dropId, revision, productId, productName, price, quantity, perUserLimit, opensAt, closesAt, closedAt);
    }
}
