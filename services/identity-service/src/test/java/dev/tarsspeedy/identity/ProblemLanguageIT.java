package dev.tarsspeedy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tarsspeedy.identity.keys.SigningKey;
import dev.tarsspeedy.identity.keys.SigningKeyStore;
import dev.tarsspeedy.identity.support.IdentityTestBase;
import dev.tarsspeedy.identity.token.TokenSettings;
import dev.tarsspeedy.platform.test.problem.ProblemLanguageContract;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers.Detail;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every problem type of the identity service (every type its bundle titles), and the platform's types it answers
 * with, triggered for real: in Korean with {@code Accept-Language: ko}, in English with {@code en}; titles, details
 * and field messages alike.
 */
class ProblemLanguageIT extends IdentityTestBase implements ProblemLanguageContract {

    private static final String SIGNUP = "/api/auth/signup";
    private static final String WRONG_PASSWORD = "Wrong-Password-99";

    @Autowired
    SigningKeyStore keys;

    @Autowired
    TokenSettings tokens;

    @Test
    void fieldMessagesOfTheServicesOwnRulesAreInBothLanguages() {
        Map<String, Object> weak = signupBody(newEmail(), "aaaaaaaaaaaa", "Kim");
        assertThat(messages(postIn(SIGNUP, weak, "ko"), HttpStatus.BAD_REQUEST, "weak-password"))
                .containsExactly("서로 다른 문자가 5개 이상이어야 합니다", "영문자, 숫자, 기호 중 두 종류 이상을 섞거나 16자 이상이어야 합니다");
        assertThat(messages(postIn(SIGNUP, weak, "en"), HttpStatus.BAD_REQUEST, "weak-password"))
                .containsExactly(
                        "must have at least 5 different characters",
                        "needs two kinds of characters (letters, digits, symbols) or at least 16 characters");

        Map<String, Object> badDomain = signupBody("kim@example", PASSWORD, "Kim");
        assertThat(messages(postIn(SIGNUP, badDomain, "ko"), HttpStatus.BAD_REQUEST, "invalid-email"))
                .containsExactly("도메인이 올바르지 않습니다");
        assertThat(messages(postIn(SIGNUP, badDomain, "en"), HttpStatus.BAD_REQUEST, "invalid-email"))
                .containsExactly("the domain is not valid");

        Map<String, Object> bell = signupBody(newEmail(), PASSWORD, "Kim\u0007Park");
        assertThat(messages(postIn(SIGNUP, bell, "ko"), HttpStatus.BAD_REQUEST, "invalid-name"))
                .containsExactly("제어 문자를 포함할 수 없습니다");
        assertThat(messages(postIn(SIGNUP, bell, "en"), HttpStatus.BAD_REQUEST, "invalid-name"))
                .containsExactly("must not contain control characters");
    }

    @Test
    void constraintMessagesOfTheRequestsAreInBothLanguages() {
        Map<String, Object> body = new HashMap<>();
        body.put("locale", "fr");
        body.put("timeZone", "Mars/Olympus_Mons");
        assertThat(fieldMessages(postIn(SIGNUP, body, "ko")))
                .containsEntry("email", "비어 있을 수 없습니다")
                .containsEntry("password", "필수 값입니다")
                .containsEntry("name", "비어 있을 수 없습니다")
                .containsEntry("locale", "ko 또는 en이어야 합니다")
                .containsEntry("timeZone", "Asia/Seoul, UTC 같은 시간대여야 합니다");
        assertThat(fieldMessages(postIn(SIGNUP, body, "en")))
                .containsEntry("email", "must not be blank")
                .containsEntry("password", "must not be null")
                .containsEntry("name", "must not be blank")
                .containsEntry("locale", "must be ko or en")
                .containsEntry("timeZone", "must be a time zone such as Asia/Seoul or UTC");

        Map<String, Object> shortPassword = signupBody(newEmail(), "Ab1!xyz", "Kim");
        assertThat(fieldMessages(postIn(SIGNUP, shortPassword, "ko"))).containsEntry("password", "10자에서 128자 사이여야 합니다");
        assertThat(fieldMessages(postIn(SIGNUP, shortPassword, "en")))
                .containsEntry("password", "must have 10 to 128 characters");

        Map<String, Object> letters = Map.of("email", newEmail(), "code", "12a456");
        assertThat(fieldMessages(postIn("/api/auth/verification", letters, "ko")))
                .containsEntry("code", "이메일로 받은 6자리 숫자여야 합니다");
        assertThat(fieldMessages(postIn("/api/auth/verification", letters, "en")))
                .containsEntry("code", "must be the 6 digits from the email");
    }

    @Override
    public ProblemTriggers problemTriggers() {
        return ProblemTriggers.create()
                .trigger(
                        "invalid-email",
                        HttpStatus.BAD_REQUEST,
                        () -> posting(SIGNUP, signupBody("kim@example", PASSWORD, "Kim")))
                .trigger(
                        "invalid-name",
                        HttpStatus.BAD_REQUEST,
                        () -> posting(SIGNUP, signupBody(newEmail(), PASSWORD, "Kim\u0007Park")))
                .trigger(
                        "weak-password",
                        HttpStatus.BAD_REQUEST,
                        () -> posting(SIGNUP, signupBody(newEmail(), "Password123", "Kim")))
                .trigger("email-unavailable", HttpStatus.CONFLICT, () -> {
                    String email = newEmail();
                    signUp(email, "Kim");
                    return posting(SIGNUP, signupBody(email, PASSWORD, "Kim"));
                })
                .trigger(
                        "account-not-found",
                        HttpStatus.NOT_FOUND,
                        () -> me(token(UUID.randomUUID().toString())))
                .trigger("code-invalid", HttpStatus.BAD_REQUEST, () -> {
                    String email = newEmail();
                    signUp(email, "Kim");
                    return verifying(email, wrong(code(email, 1)));
                })
                .trigger("code-expired", HttpStatus.GONE, () -> {
                    String email = newEmail();
                    signUp(email, "Kim");
                    String code = code(email, 1);
                    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
                    return verifying(email, code);
                })
                .trigger("code-exhausted", HttpStatus.CONFLICT, () -> {
                    String email = newEmail();
                    signUp(email, "Kim");
                    String code = code(email, 1);
                    for (int i = 0; i < 5; i++) {
                        verify(email, wrong(code), "en").expectStatus().isBadRequest();
                    }
                    return verifying(email, code);
                })
                .trigger("email-cooldown", HttpStatus.TOO_MANY_REQUESTS, () -> {
                    String email = newEmail();
                    signUp(email, "Kim");
                    postIn("/api/auth/verification/resend", Map.of("email", email), "en")
                            .expectStatus()
                            .isAccepted();
                    return posting("/api/auth/verification/resend", Map.of("email", email));
                })
                .trigger("invalid-credentials", HttpStatus.UNAUTHORIZED, () -> loggingIn(newEmail(), WRONG_PASSWORD))
                .trigger("account-not-verified", HttpStatus.FORBIDDEN, () -> {
                    String email = newEmail();
                    signUp(email, "Kim");
                    return loggingIn(email, PASSWORD);
                })
                .trigger("login-throttled", HttpStatus.TOO_MANY_REQUESTS, () -> {
                    String email = newEmail();
                    for (int i = 0; i < 3; i++) {
                        login(email, WRONG_PASSWORD, "en").expectStatus().isUnauthorized();
                    }
                    return loggingIn(email, WRONG_PASSWORD);
                })
                .trigger("invalid-refresh-token", HttpStatus.UNAUTHORIZED, () -> refreshing("no-such-refresh-token"))
                .trigger("refresh-token-reused", HttpStatus.UNAUTHORIZED, () -> {
                    String old = (String) login(activeAccount("Kim"), PASSWORD).get("refreshToken");
                    refresh(old, "en").expectStatus().isOk();
                    return refreshing(old);
                })
                // The platform's types, in the service's words where it has its own.
                .trigger(
                        "validation",
                        HttpStatus.BAD_REQUEST,
                        Detail.inReadersLanguage(),
                        () -> posting(SIGNUP, Map.of()))
                .trigger(
                        "unauthorized",
                        HttpStatus.UNAUTHORIZED,
                        Detail.of("unauthorized.no-user"),
                        () -> me(token("not-a-user-id")));
    }

    private List<String> messages(WebTestClient.ResponseSpec response, HttpStatus status, String type) {
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>)
                assertProblem(response, status, type).get("errors");
        return errors.stream().map(error -> error.get("message")).toList();
    }

    private Map<String, String> fieldMessages(WebTestClient.ResponseSpec response) {
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>)
                assertProblem(response, HttpStatus.BAD_REQUEST, "validation").get("errors");
        Map<String, String> messages = new LinkedHashMap<>();
        errors.forEach(error -> messages.merge(error.get("field"), error.get("message"), (a, b) -> a + " | " + b));
        return messages;
    }

    private WebTestClient.ResponseSpec postIn(String path, Object body, String language) {
        return posting(path, body).header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange();
    }

    /** A JSON POST from a client address of its own, not yet sent. */
    private WebTestClient.RequestHeadersSpec<?> posting(String path, Object body) {
        return client().post()
                .uri(path)
                .header("X-Forwarded-For", newIp())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    private WebTestClient.RequestHeadersSpec<?> me(String accessToken) {
        return client(accessToken).get().uri("/api/users/me");
    }

    private WebTestClient.ResponseSpec verify(String email, String code, String language) {
        return verifying(email, code)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }

    private WebTestClient.RequestHeadersSpec<?> verifying(String email, String code) {
        return posting("/api/auth/verification", Map.of("email", email, "code", code));
    }

    private WebTestClient.ResponseSpec login(String email, String password, String language) {
        return loggingIn(email, password)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }

    private WebTestClient.RequestHeadersSpec<?> loggingIn(String email, String password) {
        return posting("/api/auth/login", Map.of("email", email, "password", password));
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken, String language) {
        return refreshing(refreshToken)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }

    private WebTestClient.RequestHeadersSpec<?> refreshing(String refreshToken) {
        return posting("/api/auth/token/refresh", Map.of("refreshToken", refreshToken));
    }

    /** An access token signed with the service's current key for any subject, existing or not. */
    private String token(String subject) {
        SigningKey key = keys.signingKey().block();
        // Valid by the wall clock and by the test clock, however far the tests have moved it.
        Instant now = Instant.now().isAfter(clock.instant()) ? Instant.now() : clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("roles", List.of("USER"))
                .issuer(tokens.issuer())
                .issueTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plus(Duration.ofDays(1))))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key.privateKey()));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
