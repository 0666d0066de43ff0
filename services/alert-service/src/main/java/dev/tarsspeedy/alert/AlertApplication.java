package dev.tarsspeedy.alert;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The alert service: TARS's watchlists, report schedules and price alerts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AlertApplication {

    public static void main(String[] args) {
        SpringApplication.run(AlertApplication.class, args);
    }

    /** The one source of time for every rule (next occurrences, grace, cooldowns, expiry); tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The OpenAPI document at {@code /v3/api-docs}; the gateway's Swagger UI shows it as {@code alert}. Its server is
     * relative, so calls tried from Swagger UI go through the gateway that served the document.
     */
    @Bean
    OpenAPI alertOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Alert service")
                        .version("v1")
                        .description("Watchlists, report schedules (with preview and send-now) and price alerts "
                                + "with their history. Errors are RFC 9457 problem details."))
                .addServersItem(new Server().url("/"));
    }
}
