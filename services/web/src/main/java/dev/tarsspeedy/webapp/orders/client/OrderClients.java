package dev.tarsspeedy.webapp.orders.client;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/** The order pages' client, in group {@code gateway}. */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "gateway", types = OrderClient.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class OrderClients {}
