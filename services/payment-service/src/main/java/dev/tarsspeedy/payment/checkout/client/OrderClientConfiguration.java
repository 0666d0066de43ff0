package dev.tarsspeedy.payment.checkout.client;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/** Registers {@link OrderServiceApi} in the {@code order} group, on the reactive client. */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "order", types = OrderServiceApi.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class OrderClientConfiguration {}
