package dev.tarsspeedy.gateway.cors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
class CorsFilterConfiguration {

    /** Before Spring Security's web filter chain, which runs at -100 ({@code WebFluxSecurityConfiguration}). */
    static final int ORDER = -110;

    /**
     * CORS for every path, as a web filter in front of Spring Security: a browser's preflight ({@code OPTIONS}
     * without a token) is answered here and never reaches the JWT check, and refusals (401, 429, ...) carry the
     * CORS headers so scripts can read them. Spring Cloud Gateway's own {@code globalcors} would run after security.
     */
    @Bean
    @Order(ORDER)
    CorsWebFilter corsWebFilter(CorsSettings properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(properties.allowedMethods());
        cors.setAllowedHeaders(properties.allowedHeaders());
        cors.setExposedHeaders(properties.exposedHeaders());
        cors.setAllowCredentials(properties.allowCredentials());
        cors.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new CorsWebFilter(source);
    }
}
