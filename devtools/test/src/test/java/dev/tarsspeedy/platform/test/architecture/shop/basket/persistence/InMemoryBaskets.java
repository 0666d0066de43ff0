package dev.tarsspeedy.platform.test.architecture.shop.basket.persistence;

import dev.tarsspeedy.platform.test.architecture.shop.BasketId;
import dev.tarsspeedy.platform.test.architecture.shop.basket.Basket;
import dev.tarsspeedy.platform.test.architecture.shop.basket.Baskets;

class InMemoryBaskets implements Baskets {
    @Override
    public Basket find(BasketId id) {
        return new Basket(id, 0);
    }
}
