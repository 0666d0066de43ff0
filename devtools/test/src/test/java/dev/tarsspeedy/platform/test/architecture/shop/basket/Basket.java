package dev.tarsspeedy.platform.test.architecture.shop.basket;

import dev.tarsspeedy.platform.test.architecture.shop.BasketId;

public record Basket(BasketId id, int items) {}
