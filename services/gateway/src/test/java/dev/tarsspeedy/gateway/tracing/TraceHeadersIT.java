package dev.tarsspeedy.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.gateway.fixture.Downstream;
import dev.tarsspeedy.gateway.fixture.GatewayTestBase;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * A request's trace reaches the service it is routed to: one W3C {@code traceparent} whose trace id is the client's
 * (or a new one), whose parent is the gateway's own span, and which keeps the sampling decision.
 */
class TraceHeadersIT extends GatewayTestBase {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-(0[01])");
    private static final String CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";

    @Test
    void theServiceContinuesTheClientsSampledTrace() {
        Matcher received = forwardedTraceparent("00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01");

        assertThat(received.group(1)).isEqualTo(CLIENT_TRACE);
        assertThat(received.group(2)).as("the gateway's span, not the client's").isNotEqualTo(CLIENT_SPAN);
        assertThat(received.group(3)).isEqualTo("01");
    }

    @Test
    void theServiceKeepsTheClientsDecisionNotToSample() {
        Matcher received = forwardedTraceparent("00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-00");

        assertThat(received.group(1)).isEqualTo(CLIENT_TRACE);
        assertThat(received.group(3)).isEqualTo("00");
    }

    @Test
    void aRequestWithoutATraceStartsOneThatTheServiceContinues() {
        Matcher first = forwardedTraceparent(null);
        Matcher second = forwardedTraceparent(null);

        assertThat(first.group(1)).isNotEqualTo("0".repeat(32)).isNotEqualTo(second.group(1));
    }

    /** Sends one request through the gateway and returns the one traceparent its service received, parsed. */
    private Matcher forwardedTraceparent(String clientTraceparent) {
        String path = unique("/api/echo/profile");
        client().get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .headers(headers -> {
                    if (clientTraceparent != null) {
                        headers.set("traceparent", clientTraceparent);
                    }
                })
                .exchange()
                .expectStatus()
                .isOk();

        Downstream.Received received = DOWNSTREAM.receivedAt(path).orElseThrow();
        List<String> traceparents = received.header("traceparent");
        assertThat(traceparents).hasSize(1);
        Matcher matcher = TRACEPARENT.matcher(traceparents.getFirst());
        assertThat(matcher.matches()).as(traceparents.getFirst()).isTrue();
        return matcher;
    }
}
