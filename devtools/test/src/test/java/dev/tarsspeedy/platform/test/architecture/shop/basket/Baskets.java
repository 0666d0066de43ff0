package dev.tarsspeedy.platform.test.architecture.shop.basket;

import dev.tarsspeedy.platform.test.architecture.shop.BasketId;

/** The port the persistence adapter implements. */
public interface Baskets {
    Basket find(BasketId id);
}
