package dev.tarsspeedy.webapp.account.client;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/** The identity API's client in group {@code gateway} ({@code spring.http.serviceclient.gateway.base-url}). */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(
        group = "gateway",
        types = IdentityClient.class,
        clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class GatewayClients {}
