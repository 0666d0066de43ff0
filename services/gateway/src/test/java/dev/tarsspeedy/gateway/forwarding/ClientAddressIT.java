package dev.tarsspeedy.gateway.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.gateway.fixture.Downstream;
import dev.tarsspeedy.gateway.fixture.GatewayTestBase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * The services learn who the client is from the gateway alone: {@code X-Forwarded-For} is the address the client
 * connected from, whatever it claims, and the gateway's rate limits count that same address. Clients on different
 * addresses are loopback sockets bound to 127.0.0.2, 127.0.0.3... (all of 127/8 is the loopback interface).
 */
class ClientAddressIT extends GatewayTestBase {

    @Test
    void theServiceSeesTheCallersAddressSchemeAndHost() {
        String path = unique("/api/echo/profile");
        client().get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .exchange()
                .expectStatus()
                .isOk();

        Downstream.Received received = DOWNSTREAM.receivedAt(path).orElseThrow();
        assertThat(received.header("X-Forwarded-For")).containsExactly("127.0.0.1");
        assertThat(received.header("X-Forwarded-Proto")).containsExactly("http");
        assertThat(received.header("X-Forwarded-Host")).containsExactly("127.0.0.1:" + port);
        assertThat(received.header("X-Forwarded-Port")).containsExactly(Integer.toString(port));
    }

    @Test
    void anAddressTheClientClaimsNeverReachesTheService() {
        String path = unique("/api/echo/profile");
        client().get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .header("X-Forwarded-For", "6.6.6.6")
                .header("Forwarded", "for=6.6.6.6")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Prefix", "/evil")
                .exchange()
                .expectStatus()
                .isOk();

        Downstream.Received received = DOWNSTREAM.receivedAt(path).orElseThrow();
        assertThat(received.header("X-Forwarded-For")).containsExactly("127.0.0.1");
        assertThat(received.header("X-Forwarded-Host")).containsExactly("127.0.0.1:" + port);
        assertThat(received.header("Forwarded")).isEmpty();
        assertThat(received.header("X-Forwarded-Prefix")).isEmpty();
        received.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION)) {
                assertThat(values).as(name).noneMatch(value -> value.contains("6.6.6.6") || value.contains("evil"));
            }
        });
    }

    @Test
    void eachClientArrivesWithItsOwnAddress() throws Exception {
        String token = userToken();
        String fromFirst = unique("/api/echo/profile");
        String fromSecond = unique("/api/echo/profile");
        try (HttpClient first = from("127.0.0.2");
                HttpClient second = from("127.0.0.3")) {
            assertThat(get(first, fromFirst, token, "6.6.6.6").statusCode()).isEqualTo(200);
            assertThat(get(second, fromSecond, token, null).statusCode()).isEqualTo(200);
        }

        assertThat(DOWNSTREAM.receivedAt(fromFirst).orElseThrow().header("X-Forwarded-For"))
                .containsExactly("127.0.0.2");
        assertThat(DOWNSTREAM.receivedAt(fromSecond).orElseThrow().header("X-Forwarded-For"))
                .containsExactly("127.0.0.3");
    }

    @Test
    void rateLimitsCountTheSameAddressWhateverTheClientClaims() throws Exception {
        // Without a token the bucket is the client's address (burst 5, 1/s in application-test.yml). Each request
        // claims another address: if a claim counted, no bucket would ever run dry.
        try (HttpClient greedy = from("127.0.0.4");
                HttpClient other = from("127.0.0.5")) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20 && !statuses.contains(429); i++) {
                statuses.add(
                        get(greedy, "/v3/api-docs/echo", null, "6.6.6." + i).statusCode());
            }
            assertThat(statuses).startsWith(200, 200, 200, 200, 200).contains(429);

            // Another address has a bucket of its own.
            assertThat(get(other, "/v3/api-docs/echo", null, null).statusCode()).isEqualTo(200);
        }
    }

    /** A client whose connections come from this loopback address (the JDK client can bind one since Java 19). */
    private static HttpClient from(String localAddress) throws IOException {
        return HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(localAddress))
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private HttpResponse<String> get(HttpClient client, String path, String token, String claimedAddress)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (claimedAddress != null) {
            request.header("X-Forwarded-For", claimedAddress);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
