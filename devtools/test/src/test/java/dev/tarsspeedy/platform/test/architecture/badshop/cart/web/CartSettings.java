package dev.tarsspeedy.platform.test.architecture.badshop.cart.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.jwt.Jwt;

/** Settings in an adapter, and a controller-side reading of the token. */
@ConfigurationProperties("bad.cart")
public record CartSettings(int size) {
    static String subject(Jwt jwt) {
        return jwt.getSubject();
    }
}
