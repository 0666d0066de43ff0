package dev.tarsspeedy.catalog.drop.client;

import dev.tarsspeedy.catalog.drop.DropSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The order service's HTTP interface client (group {@code order}, base URL from
 * {@code spring.http.serviceclient.order.base-url}) and its circuit breaker: a call gets {@code catalog.stock.timeout};
 * when half of the last 10 calls failed, calls are skipped for {@code catalog.stock.open-for}.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(
        group = "order",
        types = OrderStockClient.class,
        clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class OrderClientConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> orderStockCircuitBreaker(DropSettings settings) {
        DropSettings.Stock stock = settings.stock();
        return factory -> factory.configure(
                builder -> builder.timeLimiterConfig(TimeLimiterConfig.custom()
                                .timeoutDuration(stock.timeout())
                                .cancelRunningFuture(true)
                                .build())
                        .circuitBreakerConfig(CircuitBreakerConfig.custom()
                                .slidingWindowSize(10)
                                .minimumNumberOfCalls(5)
                                .failureRateThreshold(50)
                                .waitDurationInOpenState(stock.openFor())
                                .permittedNumberOfCallsInHalfOpenState(2)
                                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                                .build()),
                HttpStockLevels.BREAKER);
    }
}
