package dev.tarsspeedy.platform.test;

import dev.tarsspeedy.platform.test.jwt.JwksServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the integration tests of a service that takes the identity service's access tokens: a
 * {@link ServiceTestBase} whose service trusts the keys of a {@link JwksServer} stand-in (one per test JVM), and
 * tokens shaped like the identity service's (subject = user id, {@code roles}, further claims such as {@code email}).
 *
 * <pre>{@code
 * public abstract class OrderTestBase extends SecuredServiceTestBase {
 *
 *     protected WebTestClient.ResponseSpec ordersOf(UUID buyer) {
 *         return client(userToken(buyer)).get().uri("/api/orders").exchange();
 *     }
 * }
 * }</pre>
 */
public abstract class SecuredServiceTestBase extends ServiceTestBase {

    /** The identity service's keys, as the service under test fetches them. */
    protected static final JwksServer JWKS = new JwksServer();

    /** The address in administrators' tokens. */
    protected static final String ADMIN_EMAIL = "admin@speedy.test";

    private static final Duration VALIDITY = Duration.ofMinutes(30);

    @DynamicPropertySource
    static void identityKeys(DynamicPropertyRegistry registry) {
        registry.add("platform.security.jwks-uri", JWKS::jwksUri);
    }

    /** A user's token: subject the user's id, role {@code USER}. */
    protected static String userToken(UUID user) {
        return userToken(user, Map.of());
    }

    /** A user's token with more claims, such as the identity service's {@code email} and {@code locale}. */
    protected static String userToken(UUID user, Map<String, Object> claims) {
        return JwksServer.token(JWKS.currentKey(), user.toString(), List.of("USER"), claims, VALIDITY);
    }

    /** An administrator of their own: roles {@code USER} and {@code ADMIN}, {@link #ADMIN_EMAIL}. */
    protected static String adminToken() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", ADMIN_EMAIL);
        return JwksServer.token(
                JWKS.currentKey(), UUID.randomUUID().toString(), List.of("USER", "ADMIN"), claims, VALIDITY);
    }
}
