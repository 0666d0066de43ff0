package dev.tarsspeedy.identity.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One RS256 signing key. It is published in the JWKS from its creation until it is retired, and signs access
 * tokens from {@code activeFrom} until a newer key becomes active.
 *
 * @param kid the key's id in token headers and the JWKS: its RFC 7638 thumbprint
 * @param retiredAt when it left the JWKS, or {@code null}
 */
public record SigningKey(
        String kid,
        RSAPublicKey publicKey,
        RSAPrivateKey privateKey,
        Instant createdAt,
        Instant activeFrom,
        Instant retiredAt) {

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(activeFrom, "activeFrom");
    }

    public boolean isActiveAt(Instant now) {
        return !activeFrom.isAfter(now) && retiredAt == null;
    }

    /** The public part as a JWK: what the JWKS publishes and token checks use. */
    public RSAKey publicJwk() {
        return new RSAKey.Builder(publicKey)
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
    }

    /** The key pair as a JWK, for signing. */
    RSAKey privateJwk() {
        return new RSAKey.Builder(publicKey)
                .privateKey(privateKey)
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
    }

    /** Never the private key. */
    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", activeFrom=" + activeFrom + ", retiredAt=" + retiredAt + "]";
    }
}
