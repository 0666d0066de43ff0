package dev.tarsspeedy.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import dev.tarsspeedy.platform.fixture.StarterTestBase;
import dev.tarsspeedy.platform.test.jwt.JwksServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The one JWT setup: who gets in, who does not, and how they are told. */
class JwtSecurityIT extends StarterTestBase {

    @Test
    void noTokenIs401Problem() {
        client.get()
                .uri("/api/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://tars-speedy.dev/problems/unauthorized");
    }

    @Test
    void aValidTokenNamesTheUser() {
        client.get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("user-1");
    }

    @Test
    void aUserOnAnAdminRouteIs403Problem() {
        client.get()
                .uri("/api/admin/things")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://tars-speedy.dev/problems/forbidden");
        client.get()
                .uri("/api/admin/things")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void publicPathsAndProbesNeedNoToken() {
        client.get().uri("/api/public/ping").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("service=\"platform-starter-test\""));
    }

    @Test
    void aPublicPathWithAMethodIsOpenForThatMethodOnly() {
        client.get().uri("/api/catalog/items").exchange().expectStatus().isOk();
        client.post()
                .uri("/api/catalog/items")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post()
                .uri("/api/catalog/items")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .exchange()
                .expectStatus()
                .isCreated();
    }

    @Test
    void tamperedExpiredAndForeignTokensAreRefused() {
        String valid = userToken();
        String[] parts = valid.split("\\.");
        // Same header and signature, payload of another user: the signature no longer matches.
        String otherPayload = JwksServer.token(JWKS.currentKey(), "admin-1", List.of("ADMIN"), Duration.ofMinutes(5))
                .split("\\.")[1];
        String tampered = parts[0] + "." + otherPayload + "." + parts[2];
        String expired = JwksServer.token(JWKS.currentKey(), "user-1", List.of("USER"), Duration.ofSeconds(-120));
        RSAKey foreign = JwksServer.newKey("key-1"); // same kid, key the server never published
        String forged = JwksServer.token(foreign, "user-1", List.of("ADMIN"), Duration.ofMinutes(5));

        for (String token : List.of(tampered, expired, forged, "not-a-jwt")) {
            assertInvalidToken("Bearer " + token);
        }
    }

    private void assertInvalidToken(String authorization) {
        client.get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    /** Not an RFC 6750 token after "Bearer " (BearerTokenHeader): refused before any key is looked at. */
    @Test
    void aMalformedBearerValueIs401InvalidToken() {
        for (String value : List.of("Bearer a b", "Bearer abc=d", "bearer " + userToken() + ",x")) {
            assertInvalidToken(value);
        }
    }

    @Test
    void aRotatedKeyIsPickedUpWithoutRestart() {
        RSAKey rotated = JWKS.rotate("key-" + System.nanoTime());
        String token = JwksServer.token(rotated, "user-2", List.of("USER"), Duration.ofMinutes(5));

        client.get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("user-2");
    }

    @LocalServerPort
    int port;

    @Autowired
    WebFilterChainProxy securityFilterChain;

    /** Spring Security's observations are off (the platform's default), so its filters are not wrapped for them. */
    @Test
    void theSecurityFiltersAreNotWrappedForObservationsThatAreOff() {
        assertThat(ReflectionTestUtils.getField(securityFilterChain, "filterChainDecorator"))
                .isInstanceOf(WebFilterChainProxy.DefaultWebFilterChainDecorator.class);
    }

    /** The firewall in front of the security filters refuses these before the token is even looked at. */
    @Test
    void aPathTheFirewallRefusesIs400ProblemNotAnEmpty400() {
        for (String path : List.of("/api/things/..%2F..%2Fetc%2Fpasswd/return", "/api/public/%00")) {
            badRequestProblem(path, "Bearer " + userToken())
                    .jsonPath("$.title")
                    .isEqualTo("Bad request")
                    .jsonPath("$.instance")
                    .isEqualTo(path);
        }
    }

    /** The firewall's header check (HeaderCharacters): a control character in a header that is read is a 400. */
    @Test
    void aControlCharacterInAHeaderIs400Problem() {
        badRequestProblem("/api/me", "Bearer " + userToken() + "\u0085");
    }

    private WebTestClient.BodyContentSpec badRequestProblem(String path, String authorization) {
        return client.get()
                .uri(URI.create("http://localhost:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://tars-speedy.dev/problems/bad-request");
    }
}
