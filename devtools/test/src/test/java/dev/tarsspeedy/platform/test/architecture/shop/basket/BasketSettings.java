package dev.tarsspeedy.platform.test.architecture.shop.basket;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("shop.basket")
public record BasketSettings(int maxItems) {}
