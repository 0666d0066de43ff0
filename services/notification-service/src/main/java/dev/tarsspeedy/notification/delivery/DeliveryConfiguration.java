package dev.tarsspeedy.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    DeliveryMetrics deliveryMetrics(MeterRegistry registry, EmailRenderer renderer) {
        return new DeliveryMetrics(registry, renderer.templates());
    }
}
