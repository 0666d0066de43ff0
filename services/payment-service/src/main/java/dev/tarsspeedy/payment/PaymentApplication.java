package dev.tarsspeedy.payment;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The payment service: Speedy's payments through Kakaopay, their reconciliation and refunds. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PaymentApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentApplication.class, args);
    }

    /** The one source of time (order expiry, stuck approvals); tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
