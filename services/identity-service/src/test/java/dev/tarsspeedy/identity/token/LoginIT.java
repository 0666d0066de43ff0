package dev.tarsspeedy.identity.token;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.identity.support.IdentityTestBase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Login refusals: unverified, wrong password and unknown address (one answer), and the throttles per account and per
 * client address (test limits: 3 failures per account, 6 per address, within a minute).
 */
class LoginIT extends IdentityTestBase {

    @Test
    void anUnverifiedAccountIs403OnlyWithTheRightPassword() {
        String email = newEmail();
        signUp(email, "Kim");
        assertProblem(login(email, PASSWORD, newIp()), HttpStatus.FORBIDDEN, "account-not-verified");
        assertProblem(login(email, "Wrong-Password-99", newIp()), HttpStatus.UNAUTHORIZED, "invalid-credentials");
        assertThat(refreshTokensOf(email)).isZero();
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressGetTheSameAnswer() {
        String email = activeAccount("Kim");
        Map<String, Object> wrongPassword = assertProblem(
                login(email, "Wrong-Password-99", newIp()), HttpStatus.UNAUTHORIZED, "invalid-credentials");
        Map<String, Object> unknown = assertProblem(
                login(newEmail(), "Wrong-Password-99", newIp()), HttpStatus.UNAUTHORIZED, "invalid-credentials");
        assertThat(without(wrongPassword, "instance")).isEqualTo(without(unknown, "instance"));
        assertThat(refreshTokensOf(email)).isZero();
        assertProblem(login("not an address", PASSWORD, newIp()), HttpStatus.UNAUTHORIZED, "invalid-credentials");
        assertProblem(post("/api/auth/login", Map.of("email", email)), HttpStatus.BAD_REQUEST, "validation");

        Map<String, Object> korean = client().post()
                .uri("/api/auth/login")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ko")
                .header("X-Forwarded-For", newIp())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "Wrong-Password-99"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(korean).containsEntry("title", "잘못된 이메일 또는 비밀번호");
    }

    @Test
    void repeatedFailuresForOneAccountAreThrottledFromAnyAddress() {
        String email = activeAccount("Kim");
        for (int i = 0; i < 3; i++) {
            assertProblem(login(email, "Wrong-Password-99", newIp()), HttpStatus.UNAUTHORIZED, "invalid-credentials");
        }
        // Even the right password, from yet another address.
        assertThrottled(login(email, PASSWORD, newIp()));
        assertThat(refreshTokensOf(email)).isZero();
        // Other accounts are not affected.
        String other = activeAccount("Park");
        login(other, PASSWORD, newIp()).expectStatus().isOk();
        // Nor is an unknown address spared: failures count per address entered.
        String unknown = newEmail();
        for (int i = 0; i < 3; i++) {
            login(unknown, "Wrong-Password-99", newIp()).expectStatus().isUnauthorized();
        }
        assertThrottled(login(unknown, "Wrong-Password-99", newIp()));
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        String email = activeAccount("Kim");
        for (int round = 0; round < 2; round++) {
            login(email, "Wrong-Password-99", newIp()).expectStatus().isUnauthorized();
            login(email, "Wrong-Password-99", newIp()).expectStatus().isUnauthorized();
            login(email, PASSWORD, newIp()).expectStatus().isOk();
        }
    }

    @Test
    void repeatedFailuresFromOneAddressAreThrottledForEveryAccount() {
        String ip = newIp();
        for (int i = 0; i < 6; i++) {
            login(newEmail(), "Wrong-Password-99", ip).expectStatus().isUnauthorized();
        }
        String email = activeAccount("Kim");
        assertThrottled(login(email, PASSWORD, ip));
        // The same account from another address is fine.
        login(email, PASSWORD, newIp()).expectStatus().isOk();
    }

    private void assertThrottled(WebTestClient.ResponseSpec response) {
        Map<String, Object> problem = response.expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        retryAfter -> assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60))
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(problem).containsEntry("type", PROBLEMS + "login-throttled");
    }

    private WebTestClient.ResponseSpec login(String email, String password, String ip) {
        return post("/api/auth/login", Map.of("email", email, "password", password), ip);
    }

    private long refreshTokensOf(String email) {
        return count(
                "select count(*) from refresh_token t join user_account u on u.id = t.user_id where u.email = :email",
                "email",
                email);
    }

    private static Map<String, Object> without(Map<String, Object> map, String key) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.remove(key);
        return copy;
    }
}
