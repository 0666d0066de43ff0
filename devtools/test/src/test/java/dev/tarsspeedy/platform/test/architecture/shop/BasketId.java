package dev.tarsspeedy.platform.test.architecture.shop;

import java.util.UUID;

public record BasketId(UUID value) {}
