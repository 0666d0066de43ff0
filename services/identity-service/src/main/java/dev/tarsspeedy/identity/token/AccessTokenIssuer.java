package dev.tarsspeedy.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tarsspeedy.identity.account.Account;
import dev.tarsspeedy.identity.account.Role;
import dev.tarsspeedy.identity.keys.SigningKey;
import dev.tarsspeedy.identity.keys.SigningKeyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * RS256 access tokens signed with the current signing key: header {@code kid}; claims {@code sub} (user id),
 * {@code email}, {@code roles}, {@code locale} (the profile's language, {@code ko} or {@code en}: every service's
 * {@code Caller.language()} follows it before the request's {@code Accept-Language}), {@code zoneinfo} (the profile's
 * time zone, the OIDC claim: {@code Caller.zone()}), {@code iss}, {@code iat},
 * {@code exp}, {@code jti}.
 */
@Component
public class AccessTokenIssuer {

    private final SigningKeyStore keys;
    private final TokenSettings properties;
    private final Clock clock;

    public AccessTokenIssuer(SigningKeyStore keys, TokenSettings properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<AccessToken> issue(Account account) {
        return keys.signingKey().map(key -> sign(key, account, clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    }

    private AccessToken sign(SigningKey key, Account account, Instant now) {
        Instant expiresAt = now.plus(properties.accessTokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(account.id().toString())
                .claim("email", account.email().value())
                .claim("roles", account.roles().stream().map(Role::name).toList())
                .claim("locale", account.language().tag())
                .claim("zoneinfo", account.timeZone().getId())
                .issuer(properties.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.kid())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token with key " + key.kid(), e);
        }
        return new AccessToken(jwt.serialize(), expiresAt);
    }
}
