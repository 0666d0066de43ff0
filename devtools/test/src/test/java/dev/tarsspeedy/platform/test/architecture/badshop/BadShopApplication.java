package dev.tarsspeedy.platform.test.architecture.badshop;

import dev.tarsspeedy.platform.test.architecture.badshop.cart.Cart;

/** A fixture service that breaks each layout rule once. The root uses a feature. */
public class BadShopApplication {
    Cart cart;
}
