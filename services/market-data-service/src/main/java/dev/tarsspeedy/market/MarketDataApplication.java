package dev.tarsspeedy.market;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The market-data service: TARS's symbols, market calendars, quotes and price history. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MarketDataApplication {

    public static void main(String[] args) {
        SpringApplication.run(MarketDataApplication.class, args);
    }

    /** The one source of time for every rule (sessions, freshness, polling); tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The OpenAPI document at {@code /v3/api-docs}; the gateway's Swagger UI shows it as {@code market}. Its server is
     * relative, so calls tried from Swagger UI go through the gateway that served the document.
     */
    @Bean
    OpenAPI marketOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Market data service")
                        .version("v1")
                        .description("Symbol search, market calendars and status, quotes with their source and "
                                + "freshness, price history and a quote stream. Errors are RFC 9457 problem details."))
                .addServersItem(new Server().url("/"));
    }
}
