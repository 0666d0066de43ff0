package dev.tarsspeedy.order;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The order service: buying in drops, orders, expiry, reconciliation and live stock. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderApplication.class, args);
    }

    /** The one source of time for the service's rules; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
