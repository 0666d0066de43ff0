package dev.tarsspeedy.gateway.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter.Type;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

class ClientForwardedHeadersFilterTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("203.0.113.7", 51234);

    private final ClientForwardedHeadersFilter filter = new ClientForwardedHeadersFilter();

    @Test
    void theServiceLearnsTheClientsAddressSchemeAndHost() {
        MockServerHttpRequest request = MockServerHttpRequest.post("http://gateway.example:8080/api/auth/login")
                .remoteAddress(CLIENT)
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .build();

        HttpHeaders forwarded = filter(request);

        assertThat(forwarded.get("X-Forwarded-For")).containsExactly("203.0.113.7");
        assertThat(forwarded.get("X-Forwarded-Proto")).containsExactly("http");
        assertThat(forwarded.get("X-Forwarded-Host")).containsExactly("gateway.example:8080");
        assertThat(forwarded.get("X-Forwarded-Port")).containsExactly("8080");
        assertThat(forwarded.getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/json");
    }

    @Test
    void forwardingHeadersTheClientSentNeverReachTheService() {
        MockServerHttpRequest request = MockServerHttpRequest.post("https://shop.example/api/auth/login")
                .remoteAddress(CLIENT)
                .header("X-Forwarded-For", "6.6.6.6")
                .header("x-forwarded-for", "6.6.6.7")
                .header("Forwarded", "for=6.6.6.6;proto=http")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Prefix", "/evil")
                .header("X-Forwarded-Proto", "http")
                .build();

        HttpHeaders forwarded = filter(request);

        assertThat(forwarded.get("X-Forwarded-For")).containsExactly("203.0.113.7");
        assertThat(forwarded.get("X-Forwarded-Proto")).containsExactly("https");
        assertThat(forwarded.get("X-Forwarded-Host")).containsExactly("shop.example");
        assertThat(forwarded.get("X-Forwarded-Port")).containsExactly("443");
        assertThat(forwarded.containsHeader("Forwarded")).isFalse();
        assertThat(forwarded.containsHeader("X-Forwarded-Prefix")).isFalse();
    }

    @Test
    void behindABalancerTheAddressItResolvedIsForwarded() {
        // server.forward-headers-strategy=framework: Spring applies the balancer's headers before any filter runs.
        ServerHttpRequest fromBalancer = new ForwardedHeaderTransformer()
                .apply(MockServerHttpRequest.get("http://10.0.0.2:8080/api/drops")
                        .remoteAddress(new InetSocketAddress("10.0.0.9", 40000))
                        .header("X-Forwarded-For", "198.51.100.23")
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "shop.example")
                        .build());

        HttpHeaders forwarded = filter.filter(
                fromBalancer.getHeaders(),
                MockServerWebExchange.from(MockServerHttpRequest.get("/"))
                        .mutate()
                        .request(fromBalancer)
                        .build());

        assertThat(forwarded.get("X-Forwarded-For")).containsExactly("198.51.100.23");
        assertThat(forwarded.get("X-Forwarded-Proto")).containsExactly("https");
        assertThat(forwarded.get("X-Forwarded-Host")).containsExactly("shop.example");
    }

    @Test
    void withoutAKnownAddressNoneIsClaimed() {
        MockServerHttpRequest request = MockServerHttpRequest.get("http://gateway.example/api/drops")
                .header("X-Forwarded-For", "6.6.6.6")
                .build();
        // MockServerHttpRequest has no remote address unless given one.
        assertThat(request.getRemoteAddress()).isNull();

        assertThat(filter(request).containsHeader("X-Forwarded-For")).isFalse();
    }

    @Test
    void runsAfterSpringCloudGatewaysOwnForwardingFiltersOnRequestsOnly() {
        assertThat(filter.getOrder())
                .isGreaterThan(new RemoveXForwardedHeadersFilter().getOrder())
                .isGreaterThan(new XForwardedHeadersFilter("10\\..*").getOrder());
        assertThat(filter.supports(Type.REQUEST)).isTrue();
        assertThat(filter.supports(Type.RESPONSE)).isFalse();
    }

    private HttpHeaders filter(MockServerHttpRequest request) {
        return filter.filter(request.getHeaders(), MockServerWebExchange.from(request));
    }
}
