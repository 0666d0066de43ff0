package dev.tarsspeedy.platform.warmup;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Warms every service before it reports ready ({@link WarmUpRunner}): the signing keys fetched from the JWKS, the
 * Redis connection opened, and whatever {@link WarmUp} beans the service adds. Off with
 * {@code platform.warm-up.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "platform.warm-up.enabled", matchIfMissing = true)
@EnableConfigurationProperties(WarmUpAutoConfiguration.WarmUpProperties.class)
public class WarmUpAutoConfiguration {

    /**
     * A token of the right shape with a signature nobody made: decoding it fetches the signing keys, then fails on
     * the signature, which is the expected end.
     */
    static final String UNSIGNED_TOKEN = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "."
            + base64("{\"sub\":\"warm-up\",\"exp\":4102444800}") + "." + base64("not a signature");

    /**
     * @param timeout how long the warm-ups may hold the start (they run side by side)
     */
    @ConfigurationProperties("platform.warm-up")
    public record WarmUpProperties(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10s") Duration timeout) {}

    @Bean
    @ConditionalOnMissingBean
    WarmUpRunner warmUpRunner(ObjectProvider<WarmUp> warmUps, WarmUpProperties properties) {
        return new WarmUpRunner(warmUps.orderedStream().toList(), properties.timeout());
    }

    /** The JWKS fetched once now, not by the first requests that carry a token, which would all wait for it. */
    @Bean
    WarmUp jwksWarmUp(ObjectProvider<ReactiveJwtDecoder> decoder) {
        return WarmUp.of("jwks", () -> {
            ReactiveJwtDecoder jwt = decoder.getIfAvailable();
            if (jwt == null) {
                return Mono.empty();
            }
            return jwt.decode(UNSIGNED_TOKEN).then().onErrorResume(BadJwtException.class, signature -> Mono.empty());
        });
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactiveRedisConnectionFactory.class)
    static class RedisWarmUp {

        /** Lettuce connects on first use: the shared connection opened now, with a PING. */
        @Bean
        WarmUp redisWarmUp(ObjectProvider<ReactiveRedisConnectionFactory> factory) {
            return WarmUp.of("redis", () -> {
                ReactiveRedisConnectionFactory redis = factory.getIfAvailable();
                if (redis == null) {
                    return Mono.empty();
                }
                return Mono.usingWhen(
                        Mono.fromSupplier(redis::getReactiveConnection),
                        connection -> connection.ping(),
                        ReactiveRedisConnection::closeLater);
            });
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
