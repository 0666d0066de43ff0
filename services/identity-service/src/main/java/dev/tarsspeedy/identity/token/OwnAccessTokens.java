package dev.tarsspeedy.identity.token;

import com.nimbusds.jose.jwk.JWK;
import dev.tarsspeedy.identity.keys.KeySettings;
import dev.tarsspeedy.identity.keys.SigningKey;
import dev.tarsspeedy.identity.keys.SigningKeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/**
 * The service checks its own access tokens against its key store, not over HTTP: the platform's JWT setup uses this
 * decoder (its own one steps aside for it). Same rules as everywhere else: RS256 with a published key, this
 * issuer, not expired (by the service's clock, 60 s leeway).
 */
@Configuration(proxyBeanMethods = false)
class OwnAccessTokens {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    @Bean
    ReactiveJwtDecoder jwtDecoder(SigningKeyStore keys, TokenSettings tokens, KeySettings keyProperties, Clock clock) {
        if (keyProperties.retireAfter().compareTo(tokens.accessTokenTtl().plus(CLOCK_SKEW)) < 0) {
            throw new IllegalStateException("identity.keys.retire-after (" + keyProperties.retireAfter()
                    + ") must exceed identity.tokens.access-token-ttl (" + tokens.accessTokenTtl()
                    + ") plus 60 s: a key must stay published until every token it signed has expired");
        }
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(
                        jwt -> keys.find(jwt.getHeader().getKeyID())
                                .map(SigningKey::publicJwk)
                                .map(JWK.class::cast)
                                .flux()
                                .switchIfEmpty(Flux.empty()))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = List.of(timestamps, new JwtIssuerValidator(tokens.issuer()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }
}
