package dev.tarsspeedy.webapp.operators.client;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/** The operator pages' client, in group {@code gateway}. */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "gateway", types = AdminClient.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class AdminClients {}
