package dev.tarsspeedy.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Sends the platform's email: reads {@code EmailRequested} events from Kafka, renders Korean and English templates,
 * sends them over SMTP with bounded concurrency and retries, and keeps a delivery log in PostgreSQL so that each
 * idempotency key is sent once (docs/email-delivery.md says precisely how close to once). No public API: the port
 * serves actuator endpoints only.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }
}
