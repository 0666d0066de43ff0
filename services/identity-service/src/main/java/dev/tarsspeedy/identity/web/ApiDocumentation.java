package dev.tarsspeedy.identity.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}; the gateway's Swagger UI shows it as {@code identity}. Its server is
 * relative, so calls tried from Swagger UI go through the gateway that served the document.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI identityOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Identity service")
                        .version("v1")
                        .description("Sign-up with an emailed code, login, rotating refresh tokens, password reset, "
                                + "the user's profile and the signing keys (JWKS). Errors are RFC 9457 problem "
                                + "details."))
                .addServersItem(new Server().url("/"));
    }
}
