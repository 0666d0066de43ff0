package dev.tarsspeedy.gateway;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address of the client a request comes from, as the gateway itself determined it: the connection's peer, or,
 * with {@code server.forward-headers-strategy=framework} behind a load balancer, the address that balancer wrote
 * into {@code X-Forwarded-For} (Spring's {@code ForwardedHeaderTransformer} puts it in place of the peer before any
 * filter runs). The rate limits and the {@code X-Forwarded-For} the services receive use this one value, so a
 * client is the same client at the edge and behind it.
 */
public final class ClientAddress {

    private ClientAddress() {}

    /** The address as text ({@code 203.0.113.7}, {@code 2001:db8:0:0:0:0:0:1}); empty when the server has none. */
    public static Optional<String> of(ServerHttpRequest request) {
        return of(request.getRemoteAddress());
    }

    public static Optional<String> of(InetSocketAddress remote) {
        if (remote == null) {
            return Optional.empty();
        }
        // Unresolved when taken from a forwarded header: the text as the balancer wrote it.
        return Optional.of(remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
    }
}
