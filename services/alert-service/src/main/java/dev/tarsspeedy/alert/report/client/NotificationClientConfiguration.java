package dev.tarsspeedy.alert.report.client;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/** The notification service's HTTP interface client: group {@code notification}. */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(
        group = "notification",
        types = NotificationPreviewClient.class,
        clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class NotificationClientConfiguration {}
