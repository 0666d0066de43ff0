package dev.tarsspeedy.webapp.drops.client;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/** The drop pages' clients, in group {@code gateway}. */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(
        group = "gateway",
        types = {CatalogClient.class, BuyClient.class},
        clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class DropClients {}
