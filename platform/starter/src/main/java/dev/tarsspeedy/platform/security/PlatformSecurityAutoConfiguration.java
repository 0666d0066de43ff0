package dev.tarsspeedy.platform.security;

import dev.tarsspeedy.platform.problem.ProblemAutoConfiguration;
import dev.tarsspeedy.platform.problem.ProblemWriter;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The one JWT setup: RS256 access tokens checked against the identity service's JWKS, roles from a claim,
 * {@code ADMIN} required on admin paths, everything else authenticated unless listed as public, and 401/403
 * answered as problem details. Stateless: no sessions, no CSRF tokens (no cookies are used for auth).
 */
@AutoConfiguration(after = ProblemAutoConfiguration.class)
@EnableWebFluxSecurity
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

    /** Always open: probes and scraping must not need a token. */
    static final List<String> ALWAYS_PUBLIC =
            List.of("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/livez", "/readyz", "/healthz");

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("platform.security.jwks-uri")
    ReactiveJwtDecoder jwtDecoder(PlatformSecurityProperties properties) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        properties.jwksTimeout().toMillis())
                .responseTimeout(properties.jwksTimeout());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                        properties.jwksUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .webClient(WebClient.builder()
                        .clientConnector(new ReactorClientHttpConnector(http))
                        .build())
                .build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(
                properties.issuer().isBlank()
                        ? JwtValidators.createDefault()
                        : JwtValidators.createDefaultWithIssuer(properties.issuer()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        if (properties.tokenCacheSize() <= 0) {
            return decoder;
        }
        return new VerifiedTokens(
                decoder, properties.tokenCacheSize(), properties.tokenCacheMaxAge(), Clock.systemUTC());
    }

    /**
     * With Spring Security's observations switched off (the platform's default, ObservabilityDefaults), its filter chain
     * is not wrapped for them either: Spring wraps every security filter in an observation decorator as soon as an
     * observation registry exists, and each wrapper still ran on every request (about 1.5 % of a service's CPU on the
     * buy path) to record nothing. {@code management.observations.enable.spring.security=true} keeps Spring's wrapper.
     */
    @Bean
    static BeanPostProcessor unobservedSecurityFilterChain(Environment environment) {
        boolean observed =
                environment.getProperty("management.observations.enable.spring.security", Boolean.class, true);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!observed && bean instanceof WebFilterChainProxy proxy) {
                    proxy.setFilterChainDecorator(new WebFilterChainProxy.DefaultWebFilterChainDecorator());
                }
                return bean;
            }
        };
    }

    /**
     * Spring Security's strict firewall as it comes, with its header and parameter-name checks as loops
     * ({@link HeaderCharacters}) instead of regular expressions: same characters refused, a fraction of the CPU.
     */
    @Bean
    @ConditionalOnMissingBean(ServerWebExchangeFirewall.class)
    ServerWebExchangeFirewall platformFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::validName);
        firewall.setAllowedHeaderValues(HeaderCharacters::validValue);
        firewall.setAllowedParameterNames(HeaderCharacters::validName);
        return firewall;
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemSecurityHandlers problemSecurityHandlers(ProblemWriter writer) {
        return new ProblemSecurityHandlers(writer);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain platformSecurity(
            ServerHttpSecurity http,
            PlatformSecurityProperties properties,
            ProblemSecurityHandlers problems,
            org.springframework.beans.factory.ObjectProvider<ReactiveJwtDecoder> decoder) {
        List<String> open = new ArrayList<>(ALWAYS_PUBLIC);
        open.addAll(properties.publicPaths());
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeExchange(exchanges -> {
                    // Entries are path patterns, or "METHOD /pattern" for one method only (see PathRule); each list is
                    // one matcher (PathRules), asked before the next.
                    exchanges.matchers(new PathRules(open)).permitAll();
                    if (!properties.adminPaths().isEmpty()) {
                        exchanges
                                .matchers(new PathRules(properties.adminPaths()))
                                .hasRole("ADMIN");
                    }
                    exchanges.anyExchange().authenticated();
                });
        ReactiveJwtDecoder jwtDecoder = decoder.getIfAvailable();
        if (jwtDecoder != null) {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .bearerTokenConverter(new BearerTokenHeader())
                    .jwt(jwt -> jwt.jwtDecoder(jwtDecoder)
                            .jwtAuthenticationConverter(new RolesClaimConverter(properties.rolesClaim()))));
        }
        return http.build();
    }
}
