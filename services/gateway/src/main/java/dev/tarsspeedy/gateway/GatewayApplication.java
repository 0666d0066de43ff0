package dev.tarsspeedy.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The platform's single entry point: routes {@code /api/**} to the services (each declared once in
 * {@code gateway.services}, see {@code routing}), checks JWTs at the edge (platform-starter), limits request rates in Redis, guards
 * every route with a circuit breaker and timeouts, and answers every refusal as an RFC 9457 problem.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
