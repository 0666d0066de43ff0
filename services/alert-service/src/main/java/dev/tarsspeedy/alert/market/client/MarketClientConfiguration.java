package dev.tarsspeedy.alert.market.client;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/** The market-data service's HTTP interface client: group {@code market}, {@code spring.http.serviceclient.market.*}. */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(
        group = "market",
        types = MarketDataClient.class,
        clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class MarketClientConfiguration {}
