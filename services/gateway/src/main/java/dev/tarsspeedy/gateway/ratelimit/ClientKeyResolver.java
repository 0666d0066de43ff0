package dev.tarsspeedy.gateway.ratelimit;

import dev.tarsspeedy.gateway.ClientAddress;
import java.net.InetSocketAddress;
import java.security.Principal;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whose bucket a request draws from: the user (the JWT subject) when the request carries a valid token, the
 * client's IP address otherwise: {@link ClientAddress}, the same address the services receive in
 * {@code X-Forwarded-For}.
 */
@Component
class ClientKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return exchange.getPrincipal().map(principal -> key(principal, remote)).defaultIfEmpty(key(null, remote));
    }

    static String key(Principal principal, InetSocketAddress remote) {
        if (principal instanceof Authentication authentication
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.getName() != null
                && !authentication.getName().isBlank()) {
            return "user:" + authentication.getName();
        }
        return "ip:" + ClientAddress.of(remote).orElse("unknown");
    }
}
