package dev.tarsspeedy.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * JWT resource-server settings, the same in every service and the gateway.
 *
 * @param jwksUri where the identity service publishes its signing keys (JWKS); keys are fetched again when a
 *     token names a {@code kid} not seen yet, so key rotation needs no restart
 * @param issuer the expected {@code iss} claim, or empty to accept any issuer
 * @param rolesClaim the claim holding the user's roles ({@code ["USER","ADMIN"]}), mapped to {@code ROLE_*}
 * @param publicPaths path patterns open without a token (health and Prometheus endpoints always are); an entry
 *     may start with an HTTP method ({@code GET /api/drops/**}) to open the pattern for that method only
 * @param adminPaths path patterns that need the {@code ADMIN} role, optionally with a method like public paths
 * @param jwksTimeout how long a fetch of the JWKS may take (connect and answer); without a bound, one hung fetch
 *     would hold every request that waits for the keys
 * @param tokenCacheSize how many verified access tokens each instance keeps ({@link VerifiedTokens}), about 2 KB
 *     each; 0 checks every request's token in full
 * @param tokenCacheMaxAge how long a verified token is accepted without a new check (never past its {@code exp}):
 *     the longest a token signed with a key withdrawn from the JWKS is still accepted
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(
        URI jwksUri,
        @DefaultValue("") String issuer,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue List<String> publicPaths,
        @DefaultValue("/api/admin/**") List<String> adminPaths,
        @DefaultValue("5s") Duration jwksTimeout,
        @DefaultValue("5000") long tokenCacheSize,
        @DefaultValue("5m") Duration tokenCacheMaxAge) {}
