package dev.tarsspeedy.platform.test.architecture.badshop.cart;

import org.springframework.scheduling.annotation.Scheduled;

/** A domain class that schedules itself instead of being a platform job. */
public class Cart {
    @Scheduled(fixedDelay = 1000)
    void tick() {}
}
