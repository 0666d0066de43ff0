package dev.tarsspeedy.payment.checkout.client;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/** Registers {@link KakaopayApi} in the {@code kakaopay} group, on the reactive client. */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "kakaopay", types = KakaopayApi.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class KakaopayClientConfiguration {}
