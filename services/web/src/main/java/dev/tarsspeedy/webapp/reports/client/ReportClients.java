package dev.tarsspeedy.webapp.reports.client;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/** The report pages' client, in group {@code gateway}. */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "gateway", types = ReportClient.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class ReportClients {}
