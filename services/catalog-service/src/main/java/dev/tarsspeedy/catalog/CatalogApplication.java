package dev.tarsspeedy.catalog;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The catalog service: Speedy's products, drops, wishlists and drop reminders. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CatalogApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogApplication.class, args);
    }

    /** The one source of time for every rule (drop status, reminders); tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
