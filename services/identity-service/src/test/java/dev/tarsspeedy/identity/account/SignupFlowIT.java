package dev.tarsspeedy.identity.account;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.identity.support.EmailEvents;
import dev.tarsspeedy.identity.support.IdentityTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The whole life of an account on the real infrastructure: sign-up, the code on Kafka, verification, login, profile,
 * refresh with rotation, reuse detection that revokes the family, logout.
 */
class SignupFlowIT extends IdentityTestBase {

    @Test
    void signUpVerifyLogInUseRefreshDetectReuseAndLogOut() throws Exception {
        String email = newEmail();

        // Sign up in Korean, the address spelled loosely: it is normalised.
        Map<String, Object> body = signupBody("  " + email.toUpperCase(Locale.ROOT) + " ", PASSWORD, "김민준");
        body.put("locale", "ko");
        body.put("timeZone", "Asia/Seoul");
        Map<String, Object> signup = post("/api/auth/signup", body)
                .expectStatus()
                .isAccepted()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(signup)
                .containsEntry("email", email)
                .containsEntry("status", "PENDING_VERIFICATION")
                .containsKey("userId");
        String userId = (String) signup.get("userId");

        // The code travels as an EmailRequested event, keyed by the recipient.
        EmailEvents.Email mail = EmailEvents.await(email, 1).getFirst();
        assertThat(mail.key()).isEqualTo(email);
        assertThat(mail.envelope().type()).isEqualTo(EmailRequested.TYPE);
        assertThat(mail.envelope().version()).isEqualTo(EmailRequested.VERSION);
        assertThat(mail.headers()).containsEntry("event-type", EmailRequested.TYPE);
        EmailRequested request = mail.payload();
        assertThat(request.template()).isEqualTo("signup-verification");
        assertThat(request.locale()).isEqualTo("ko");
        assertThat(request.to()).isEqualTo(email);
        assertThat(request.category()).isEqualTo(EmailRequested.Category.TRANSACTIONAL);
        assertThat(request.unsubscribeUrl()).isNull();
        assertThat(request.idempotencyKey()).matches("identity:signup-code:[0-9a-f-]{36}");
        assertThat(request.model()).containsEntry("name", "김민준").containsKey("code");
        assertThat(((Number) request.model().get("expiresInMinutes")).intValue())
                .isEqualTo(10);
        String code = (String) request.model().get("code");
        assertThat(code).matches("\\d{6}");
        UUID codeId = UUID.fromString(request.idempotencyKey().substring("identity:signup-code:".length()));
        assertThat(count("select count(*) from verification_code where id = :id", "id", codeId))
                .as("the idempotency key names the stored code")
                .isEqualTo(1);

        // Not verified yet: the right password is not enough.
        assertProblem(
                post("/api/auth/login", Map.of("email", email, "password", PASSWORD)),
                HttpStatus.FORBIDDEN,
                "account-not-verified");

        post("/api/auth/verification", Map.of("email", email, "code", code))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACTIVE");
        assertThat(statusOf(email)).isEqualTo("ACTIVE");

        Map<String, Object> tokens = login(email, PASSWORD);
        assertThat(tokens).containsEntry("tokenType", "Bearer").containsEntry("expiresIn", 900);
        String access = (String) tokens.get("accessToken");
        String refresh = (String) tokens.get("refreshToken");
        assertThat(refresh).isNotBlank();
        assertAccessToken(access, userId, email, List.of("USER"));

        // The profile, name decrypted.
        Map<String, Object> me = getMe(access)
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(me)
                .containsEntry("id", userId)
                .containsEntry("email", email)
                .containsEntry("name", "김민준")
                .containsEntry("locale", "ko")
                .containsEntry("timeZone", "Asia/Seoul")
                .containsEntry("roles", List.of("USER"));
        assertThat(Instant.parse((String) me.get("createdAt")))
                .isBefore(clock.instant().plusSeconds(1));

        Map<String, Object> changed = client().patch()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + access)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "  Kim Minjun ", "locale", "en", "timeZone", "Europe/Berlin"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(changed)
                .containsEntry("id", userId)
                .containsEntry("name", "Kim Minjun")
                .containsEntry("locale", "en")
                .containsEntry("timeZone", "Europe/Berlin")
                .containsEntry("createdAt", me.get("createdAt"));
        getMe(access).expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Kim Minjun");

        // Refresh: a new pair; the refresh token rotates.
        Map<String, Object> second = post("/api/auth/token/refresh", Map.of("refreshToken", refresh))
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        String secondRefresh = (String) second.get("refreshToken");
        assertThat(secondRefresh).isNotEqualTo(refresh);
        assertThat(second).containsEntry("tokenType", "Bearer").containsEntry("expiresIn", 900);
        assertAccessToken((String) second.get("accessToken"), userId, email, List.of("USER"));
        getMe((String) second.get("accessToken")).expectStatus().isOk();

        // The rotated token again: refused, and the whole family is revoked...
        assertProblem(
                post("/api/auth/token/refresh", Map.of("refreshToken", refresh)),
                HttpStatus.UNAUTHORIZED,
                "refresh-token-reused");
        // ... so the newest token of the family stops working too.
        assertProblem(
                post("/api/auth/token/refresh", Map.of("refreshToken", secondRefresh)),
                HttpStatus.UNAUTHORIZED,
                "invalid-refresh-token");

        // A new login starts a new family; logout ends it (twice is fine).
        String third = (String) login(email, PASSWORD).get("refreshToken");
        post("/api/auth/logout", Map.of("refreshToken", third)).expectStatus().isNoContent();
        post("/api/auth/logout", Map.of("refreshToken", third)).expectStatus().isNoContent();
        assertProblem(
                post("/api/auth/token/refresh", Map.of("refreshToken", third)),
                HttpStatus.UNAUTHORIZED,
                "invalid-refresh-token");

        // Exactly one email went out: verification, login and refresh send none.
        awaitOutboxDrained();
        assertThat(EmailEvents.toNow(email)).hasSize(1);
    }

    @Test
    void withoutLocaleTheRequestsLanguageAndTheDefaultTimeZoneApply() {
        String email = newEmail();
        client().post()
                .uri("/api/auth/signup")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ko-KR,ko;q=0.9,en;q=0.5")
                .header("X-Forwarded-For", newIp())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(signupBody(email, PASSWORD, "이서연"))
                .exchange()
                .expectStatus()
                .isAccepted();
        assertThat(EmailEvents.await(email, 1).getFirst().payload().locale()).isEqualTo("ko");
        String access = (String) verifyAndLogin(email).get("accessToken");
        getMe(access)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.locale")
                .isEqualTo("ko")
                .jsonPath("$.timeZone")
                .isEqualTo("UTC");

        String english = newEmail();
        signUp(english, "Alex");
        assertThat(EmailEvents.await(english, 1).getFirst().payload().locale()).isEqualTo("en");
    }

    @Test
    void aProfileChangeIsValidatedAndPartial() {
        String email = activeAccount("Jamie");
        String access = (String) login(email, PASSWORD).get("accessToken");

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("locale", "fr"),
                Map.of("timeZone", "Mars/Olympus_Mons"),
                Map.of("name", "   "),
                Map.of("name", "x".repeat(101)))) {
            assertProblem(
                    client().patch()
                            .uri("/api/users/me")
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + access)
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(bad)
                            .exchange(),
                    HttpStatus.BAD_REQUEST,
                    "validation");
        }
        client().patch()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + access)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("timeZone", "America/New_York"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Jamie")
                .jsonPath("$.locale")
                .isEqualTo("en")
                .jsonPath("$.timeZone")
                .isEqualTo("America/New_York");
        assertProblem(
                client().patch()
                        .uri("/api/users/me")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("name", "Nobody"))
                        .exchange(),
                HttpStatus.UNAUTHORIZED,
                "unauthorized");
    }

    private Map<String, Object> verifyAndLogin(String email) {
        post("/api/auth/verification", Map.of("email", email, "code", code(email, 1)))
                .expectStatus()
                .isOk();
        return login(email, PASSWORD);
    }

    /** Header and claims, and the signature against the published JWKS. */
    private void assertAccessToken(String token, String userId, String email, List<String> roles) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        String kid = jwt.getHeader().getKeyID();
        assertThat(kid).isNotBlank();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getStringClaim("email")).isEqualTo(email);
        assertThat(claims.getStringListClaim("roles")).isEqualTo(roles);
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:8081");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));

        String jwks = client().get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        RSAKey key = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(kid);
        assertThat(key).as("the signing key is published").isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    }
}
