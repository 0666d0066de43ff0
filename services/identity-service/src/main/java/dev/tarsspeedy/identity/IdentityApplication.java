package dev.tarsspeedy.identity;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The identity service: accounts, credentials, tokens and the signing keys every service trusts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }

    /** The one source of time for every rule (code expiry, token lifetimes, key rotation); tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The OpenAPI document at {@code /v3/api-docs}; the gateway's Swagger UI shows it as {@code identity}. Its server
     * is relative, so calls tried from Swagger UI go through the gateway that served the document.
     */
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
