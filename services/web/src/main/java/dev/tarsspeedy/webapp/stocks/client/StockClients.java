package dev.tarsspeedy.webapp.stocks.client;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/** The stock pages' clients, in group {@code gateway}. */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(
        group = "gateway",
        types = {MarketClient.class, WatchlistClient.class},
        clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class StockClients {}
