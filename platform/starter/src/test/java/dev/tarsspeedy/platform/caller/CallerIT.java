package dev.tarsspeedy.platform.caller;

import dev.tarsspeedy.platform.fixture.StarterTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** One answer in every service for who is calling, and for a token that names nobody. */
class CallerIT extends StarterTestBase {

    private static final String USER = "7b0c2f7e-3f4e-4d52-9d7a-4a0f8f1d6a11";

    @Test
    void theTokenNamesTheCaller() {
        String token = JWKS.token(USER, List.of("USER", "ADMIN"), Map.of("email", "  mina@example.com "));
        client.get()
                .uri("/api/caller")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ko-KR,ko;q=0.9,en;q=0.8")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(USER)
                .jsonPath("$.email")
                .isEqualTo("mina@example.com")
                .jsonPath("$.roles")
                .isEqualTo("[ADMIN, USER]")
                .jsonPath("$.language")
                .isEqualTo("ko");
    }

    @Test
    void theLocaleClaimWinsOverTheBrowser() {
        String token = JWKS.token(USER, List.of("USER"), Map.of("locale", "en"));
        client.get()
                .uri("/api/caller")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ko")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.language")
                .isEqualTo("en")
                .jsonPath("$.email")
                .isEqualTo("null");
    }

    @Test
    void aTokenWithoutAUserIs401InTheReadersLanguage() {
        for (String subject : List.of("service-account", " ", UUID.randomUUID() + "x")) {
            client.get()
                    .uri("/api/caller")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + JWKS.token(subject, List.of("USER")))
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "ko")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://tars-speedy.dev/problems/unauthorized")
                    .jsonPath("$.detail")
                    .isEqualTo("액세스 토큰에 사용자 정보가 없습니다.");
        }
    }
}
