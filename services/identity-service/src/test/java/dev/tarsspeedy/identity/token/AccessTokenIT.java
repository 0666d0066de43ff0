package dev.tarsspeedy.identity.token;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tarsspeedy.identity.keys.SigningKey;
import dev.tarsspeedy.identity.keys.SigningKeyStore;
import dev.tarsspeedy.identity.support.IdentityTestBase;
import dev.tarsspeedy.platform.test.jwt.JwksServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * What an access token says (the user, their address, roles and profile language), and that only the service's own,
 * unexpired, untampered access tokens open {@code /api/users/me}.
 */
class AccessTokenIT extends IdentityTestBase {

    @Autowired
    SigningKeyStore keys;

    @Test
    void theTokenNamesTheUserTheirAddressRolesAndTheProfilesLanguage() throws Exception {
        String email = activeAccount("Kim");
        String token = (String) login(email, PASSWORD).get("accessToken");
        Map<String, Object> me = getMe(token)
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();

        SignedJWT jwt = SignedJWT.parse(token);
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        assertThat(claims.getSubject()).isEqualTo(me.get("id"));
        assertThat(claims.getStringClaim("email")).isEqualTo(email);
        assertThat(claims.getStringListClaim("roles")).containsExactly("USER");
        // Signed up without a locale and without Accept-Language: English.
        assertThat(claims.getStringClaim("locale")).isEqualTo("en").isEqualTo(me.get("locale"));
        // The profile's time zone as the OIDC claim, so other services know the user's zone.
        assertThat(claims.getStringClaim("zoneinfo")).isNotBlank().isEqualTo(me.get("timeZone"));
        assertThat(claims.getIssuer()).isNotBlank();
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(claims.getIssueTime().toInstant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void aUserWhoChoseKoreanGetsTokensSayingKo() throws Exception {
        String email = activeAccount("Kim");
        String english = (String) login(email, PASSWORD).get("accessToken");
        assertThat(SignedJWT.parse(english).getJWTClaimsSet().getStringClaim("locale"))
                .isEqualTo("en");

        client().patch()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + english)
                .bodyValue(Map.of("locale", "ko"))
                .exchange()
                .expectStatus()
                .isOk();

        // The next token, by login or by refresh, carries the profile's new language.
        Map<String, Object> session = login(email, PASSWORD);
        assertThat(SignedJWT.parse((String) session.get("accessToken"))
                        .getJWTClaimsSet()
                        .getStringClaim("locale"))
                .isEqualTo("ko");
        String refreshed = (String) post("/api/auth/token/refresh", Map.of("refreshToken", session.get("refreshToken")))
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody()
                .get("accessToken");
        assertThat(SignedJWT.parse(refreshed).getJWTClaimsSet().getStringClaim("locale"))
                .isEqualTo("ko");
    }

    @Test
    void aUserWhoSignedUpInKoreanGetsTokensSayingKo() throws Exception {
        String email = newEmail();
        Map<String, Object> body = signupBody(email, PASSWORD, "김민준");
        body.put("locale", "ko");
        post("/api/auth/signup", body).expectStatus().isAccepted();
        post("/api/auth/verification", Map.of("email", email, "code", code(email, 1)))
                .expectStatus()
                .isOk();

        String token = (String) login(email, PASSWORD).get("accessToken");
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("locale"))
                .isEqualTo("ko");
    }

    @Test
    void noTokenOrGarbageIs401() {
        assertProblem(client().get().uri("/api/users/me").exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
        assertProblem(getMe("not-a-jwt"), HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    @Test
    void aTamperedTokenIs401() throws Exception {
        String email = activeAccount("Kim");
        String token = (String) login(email, PASSWORD).get("accessToken");
        getMe(token).expectStatus().isOk();

        // Another subject and more roles in the payload, the original signature kept.
        String[] parts = token.split("\\.");
        JWTClaimsSet original = SignedJWT.parse(token).getJWTClaimsSet();
        JWTClaimsSet forged = new JWTClaimsSet.Builder(original)
                .subject(UUID.randomUUID().toString())
                .claim("roles", List.of("USER", "ADMIN"))
                .build();
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(forged.toString().getBytes(StandardCharsets.UTF_8));
        assertProblem(getMe(parts[0] + "." + payload + "." + parts[2]), HttpStatus.UNAUTHORIZED, "unauthorized");

        // A changed signature.
        char last = parts[2].charAt(parts[2].length() / 2);
        String signature = parts[2].substring(0, parts[2].length() / 2)
                + (last == 'A' ? 'B' : 'A')
                + parts[2].substring(parts[2].length() / 2 + 1);
        assertProblem(getMe(parts[0] + "." + parts[1] + "." + signature), HttpStatus.UNAUTHORIZED, "unauthorized");

        // No signature at all.
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertProblem(getMe(none + "." + parts[1] + "."), HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    @Test
    void anExpiredTokenIs401() {
        String email = activeAccount("Kim");
        String token = (String) login(email, PASSWORD).get("accessToken");
        getMe(token).expectStatus().isOk();

        // 15 minutes of validity and 60 s of leeway.
        clock.advance(Duration.ofMinutes(16).plusSeconds(5));

        assertProblem(getMe(token), HttpStatus.UNAUTHORIZED, "unauthorized");
        getMe((String) login(email, PASSWORD).get("accessToken")).expectStatus().isOk();
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        String email = activeAccount("Kim");
        String token = (String) login(email, PASSWORD).get("accessToken");
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        String kid = SignedJWT.parse(token).getHeader().getKeyID();

        // A key the service never published, with an id of its own...
        RSAKey stranger = JwksServer.newKey("stranger");
        assertProblem(getMe(sign(stranger, "stranger", claims)), HttpStatus.UNAUTHORIZED, "unauthorized");
        // ... or claiming the id of the service's key.
        assertProblem(getMe(sign(stranger, kid, claims)), HttpStatus.UNAUTHORIZED, "unauthorized");
        // platform-test's own test tokens are not identity's either.
        assertProblem(
                getMe(JwksServer.token(stranger, claims.getSubject(), List.of("USER"), Duration.ofMinutes(5))),
                HttpStatus.UNAUTHORIZED,
                "unauthorized");
    }

    @Test
    void aTokenOfTheServicesKeyWithAnotherIssuerIs401() throws Exception {
        String email = activeAccount("Kim");
        JWTClaimsSet claims = SignedJWT.parse((String) login(email, PASSWORD).get("accessToken"))
                .getJWTClaimsSet();
        SigningKey key = keys.signingKey().block();
        RSAKey signing = new RSAKey.Builder(key.publicKey())
                .privateKey(key.privateKey())
                .keyID(key.kid())
                .build();

        getMe(sign(signing, key.kid(), claims)).expectStatus().isOk();
        JWTClaimsSet otherIssuer =
                new JWTClaimsSet.Builder(claims).issuer("https://evil.example").build();
        assertProblem(getMe(sign(signing, key.kid(), otherIssuer)), HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    @Test
    void theJwksPublishesPublicRsaKeysOnly() throws Exception {
        String body = client().get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader()
                .exists(HttpHeaders.CACHE_CONTROL)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        JWKSet set = JWKSet.parse(body);
        assertThat(set.getKeys()).isNotEmpty();
        for (JWK key : set.getKeys()) {
            assertThat(key).isInstanceOf(RSAKey.class);
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyID()).isNotBlank();
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            assertThat(((RSAKey) key).size()).isEqualTo(2048);
        }
        assertThat(body).doesNotContain("\"d\"").doesNotContain("\"p\"");
    }

    private static String sign(RSAKey key, String kid, JWTClaimsSet claims) throws Exception {
        JWTClaimsSet fresh = new JWTClaimsSet.Builder(claims)
                .jwtID(UUID.randomUUID().toString())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofDays(400))))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), fresh);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
