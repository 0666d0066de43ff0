package dev.tarsspeedy.gateway.cors;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which web origins may call the API from a browser. Tokens travel in the {@code Authorization} header, so
 * credentials (cookies) are off unless a future cookie-based flow needs them.
 *
 * @param allowedOrigins exact origins ({@code https://speedy.example}); a comma-separated list in the environment
 * @param allowedMethods methods a browser may use cross-origin
 * @param allowedHeaders request headers a browser may send ({@code *}: any)
 * @param exposedHeaders response headers scripts may read
 * @param allowCredentials whether browsers may send cookies along
 * @param maxAge how long browsers may cache a preflight answer
 */
@ConfigurationProperties("gateway.cors")
public record CorsSettings(
        @DefaultValue("http://localhost:8080") List<String> allowedOrigins,

        @DefaultValue({"GET", "POST", "PUT", "PATCH", "DELETE"})
        List<String> allowedMethods,

        @DefaultValue("*") List<String> allowedHeaders,

        @DefaultValue({
            "Retry-After",
            "Location",
            "Content-Language",
            "X-RateLimit-Remaining",
            "X-RateLimit-Replenish-Rate",
            "X-RateLimit-Burst-Capacity",
            "X-RateLimit-Requested-Tokens"
        })
        List<String> exposedHeaders,

        @DefaultValue("false") boolean allowCredentials,
        @DefaultValue("1h") Duration maxAge) {}
