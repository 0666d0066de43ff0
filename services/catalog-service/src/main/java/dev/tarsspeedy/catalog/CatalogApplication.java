package dev.tarsspeedy.catalog;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The catalog service: Speedy's products, drops, wishlists and drop reminders. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CatalogApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogApplication.class, args);
    }

    /** The one source of time for every rule (drop status, reminders); tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The OpenAPI document at {@code /v3/api-docs}; the gateway's Swagger UI shows it as {@code catalog}. Its server is
     * relative, so calls tried from Swagger UI go through the gateway that served the document.
     */
    @Bean
    OpenAPI catalogOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Catalog service")
                        .version("v1")
                        .description("Speedy's products and drops (operators), browsing with remaining stock, "
                                + "wishlists and drop reminders. Errors are RFC 9457 problem details."))
                .addServersItem(new Server().url("/"));
    }
}
