package dev.tarsspeedy.platform.test.architecture.shop;

/** A fixture service that follows the layout: the root holds the kernel, features hold their roles. */
public class ShopApplication {}
