package dev.tarsspeedy.platform.test.architecture.shop.basket.web;

import dev.tarsspeedy.platform.test.architecture.shop.basket.Baskets;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BasketController {
    private final Baskets baskets;

    BasketController(Baskets baskets) {
        this.baskets = baskets;
    }
}
