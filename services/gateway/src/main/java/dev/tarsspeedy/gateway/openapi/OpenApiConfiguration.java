package dev.tarsspeedy.gateway.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own OpenAPI document. Swagger UI at {@code /swagger-ui.html} lists it next to each service's
 * document, fetched through the gateway (one docs route per service declared in {@code gateway.services}, see the
 * README).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("TARS and Speedy API gateway")
                        .version("v1")
                        .description("The platform's single entry point. Pick a service's API in the list above; "
                                + "every call needs a bearer token from the identity service unless its path is "
                                + "public. Errors are RFC 9457 problem details."));
    }
}
