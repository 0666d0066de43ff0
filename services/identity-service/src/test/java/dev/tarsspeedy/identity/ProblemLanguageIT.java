package dev.tarsspeedy.identity;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
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
import dev.tarsspeedy.platform.test.problem.ProblemBundles;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
class ProblemLanguageIT extends IdentityTestBase {

    private static final String SIGNUP = "/api/auth/signup";
    private static final String WRONG_PASSWORD = "Wrong-Password-99";

    @Autowired
    SigningKeyStore keys;

    @Autowired
    TokenSettings tokens;

    /** How to cause a type, its status, and the bundle key of its detail. */
    private record Trigger(HttpStatus status, String detailKey, Function<String, WebTestClient.ResponseSpec> request) {}

    static Stream<Arguments> typesAndLanguages() {
        Stream<String> types = Stream.concat(
                ProblemBundles.types(ProblemBundles.SERVICE).stream(), Stream.of("validation", "unauthorized"));
        return types.flatMap(type -> Stream.of(Arguments.of(type, "ko"), Arguments.of(type, "en")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("typesAndLanguages")
    void everyProblemTypeAnswersInTheReadersLanguage(String type, String language) {
        Trigger trigger = triggers().get(type);
        assertThat(trigger).as("a way to cause %s", type).isNotNull();

        WebTestClient.ResponseSpec response = trigger.request().apply(language);
        response.expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, language);
        Map<String, Object> problem = assertProblem(response, trigger.status(), type);

        String title = (String) problem.get("title");
        String detail = (String) problem.get("detail");
        assertThat(title).isEqualTo(text(type + ".title", language));
        if (trigger.detailKey() != null) {
            assertThat(detail).isEqualTo(text(trigger.detailKey(), language));
        }
        ProblemBundles.assertInLanguage(problem, language);
    }

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

    private Map<String, Trigger> triggers() {
        Map<String, Trigger> triggers = new LinkedHashMap<>();
        triggers.put(
                "invalid-email",
                new Trigger(
                        HttpStatus.BAD_REQUEST,
                        "invalid-email.detail",
                        language -> postIn(SIGNUP, signupBody("kim@example", PASSWORD, "Kim"), language)));
        triggers.put(
                "invalid-name",
                new Trigger(
                        HttpStatus.BAD_REQUEST,
                        "invalid-name.detail",
                        language -> postIn(SIGNUP, signupBody(newEmail(), PASSWORD, "Kim\u0007Park"), language)));
        triggers.put(
                "weak-password",
                new Trigger(
                        HttpStatus.BAD_REQUEST,
                        "weak-password.detail",
                        language -> postIn(SIGNUP, signupBody(newEmail(), "Password123", "Kim"), language)));
        triggers.put("email-unavailable", new Trigger(HttpStatus.CONFLICT, "email-unavailable.detail", language -> {
            String email = newEmail();
            signUp(email, "Kim");
            return postIn(SIGNUP, signupBody(email, PASSWORD, "Kim"), language);
        }));
        triggers.put(
                "account-not-found",
                new Trigger(
                        HttpStatus.NOT_FOUND,
                        "account-not-found.detail",
                        language -> getMe(token(UUID.randomUUID().toString()), language)));
        triggers.put("code-invalid", new Trigger(HttpStatus.BAD_REQUEST, "code-invalid.detail", language -> {
            String email = newEmail();
            signUp(email, "Kim");
            return verify(email, wrong(code(email, 1)), language);
        }));
        triggers.put("code-expired", new Trigger(HttpStatus.GONE, "code-expired.detail", language -> {
            String email = newEmail();
            signUp(email, "Kim");
            String code = code(email, 1);
            clock.advance(Duration.ofMinutes(10).plusSeconds(1));
            return verify(email, code, language);
        }));
        triggers.put("code-exhausted", new Trigger(HttpStatus.CONFLICT, "code-exhausted.detail", language -> {
            String email = newEmail();
            signUp(email, "Kim");
            String code = code(email, 1);
            for (int i = 0; i < 5; i++) {
                verify(email, wrong(code), "en").expectStatus().isBadRequest();
            }
            return verify(email, code, language);
        }));
        triggers.put("email-cooldown", new Trigger(HttpStatus.TOO_MANY_REQUESTS, "email-cooldown.detail", language -> {
            String email = newEmail();
            signUp(email, "Kim");
            postIn("/api/auth/verification/resend", Map.of("email", email), "en")
                    .expectStatus()
                    .isAccepted();
            return postIn("/api/auth/verification/resend", Map.of("email", email), language);
        }));
        triggers.put(
                "invalid-credentials",
                new Trigger(
                        HttpStatus.UNAUTHORIZED,
                        "invalid-credentials.detail",
                        language -> login(newEmail(), WRONG_PASSWORD, language)));
        triggers.put(
                "account-not-verified", new Trigger(HttpStatus.FORBIDDEN, "account-not-verified.detail", language -> {
                    String email = newEmail();
                    signUp(email, "Kim");
                    return login(email, PASSWORD, language);
                }));
        triggers.put(
                "login-throttled", new Trigger(HttpStatus.TOO_MANY_REQUESTS, "login-throttled.detail", language -> {
                    String email = newEmail();
                    for (int i = 0; i < 3; i++) {
                        login(email, WRONG_PASSWORD, "en").expectStatus().isUnauthorized();
                    }
                    return login(email, WRONG_PASSWORD, language);
                }));
        triggers.put(
                "invalid-refresh-token",
                new Trigger(
                        HttpStatus.UNAUTHORIZED,
                        "invalid-refresh-token.detail",
                        language -> refresh("no-such-refresh-token", language)));
        triggers.put(
                "refresh-token-reused",
                new Trigger(HttpStatus.UNAUTHORIZED, "refresh-token-reused.detail", language -> {
                    String old = (String) login(activeAccount("Kim"), PASSWORD).get("refreshToken");
                    refresh(old, "en").expectStatus().isOk();
                    return refresh(old, language);
                }));
        // The platform's types, in the service's words where it has its own.
        triggers.put(
                "validation",
                new Trigger(HttpStatus.BAD_REQUEST, null, language -> postIn(SIGNUP, Map.of(), language)));
        triggers.put(
                "unauthorized",
                new Trigger(
                        HttpStatus.UNAUTHORIZED,
                        "unauthorized.no-user",
                        language -> getMe(token("not-a-user-id"), language)));
        return triggers;
    }

    /** The text of a key, from the service's bundle or else the platform's, as the service looks them up. */
    private static String text(String key, String language) {
        Properties identity = ProblemBundles.load(ProblemBundles.SERVICE, language);
        Properties platform = ProblemBundles.load(ProblemBundles.PLATFORM, language);
        return identity.getProperty(key, platform.getProperty(key));
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
        return client().post()
                .uri(path)
                .header("X-Forwarded-For", newIp())
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec getMe(String accessToken, String language) {
        return client().get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }

    private WebTestClient.ResponseSpec verify(String email, String code, String language) {
        return postIn("/api/auth/verification", Map.of("email", email, "code", code), language);
    }

    private WebTestClient.ResponseSpec login(String email, String password, String language) {
        return postIn("/api/auth/login", Map.of("email", email, "password", password), language);
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken, String language) {
        return postIn("/api/auth/token/refresh", Map.of("refreshToken", refreshToken), language);
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
