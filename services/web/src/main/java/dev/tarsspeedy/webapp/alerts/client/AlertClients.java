package dev.tarsspeedy.webapp.alerts.client;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/** The alert pages' client, in group {@code gateway}. */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "gateway", types = AlertClient.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class AlertClients {}
