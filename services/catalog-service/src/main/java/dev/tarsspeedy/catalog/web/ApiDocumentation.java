package dev.tarsspeedy.catalog.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}; the gateway's Swagger UI shows it as {@code catalog}. Its server is
 * relative, so calls tried from Swagger UI go through the gateway that served the document.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

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
