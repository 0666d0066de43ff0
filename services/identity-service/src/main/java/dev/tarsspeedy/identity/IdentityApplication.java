package dev.tarsspeedy.identity;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The identity service: accounts, credentials, tokens and the signing keys every service trusts. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }

    /** The one source of time for every rule (code expiry, token lifetimes, key rotation); tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
