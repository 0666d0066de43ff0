package dev.tarsspeedy.identity;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.identity.support.EmailEvents;
import dev.tarsspeedy.identity.support.IdentityTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A forgotten password: no hint whether an address exists; the code resets it and ends every session. */
class PasswordResetIT extends IdentityTestBase {

    private static final String NEW_PASSWORD = "Brand-New-Passphrase-7";

    @Test
    void anUnknownAddressGets202AndNoEmail() {
        String email = newEmail();
        post("/api/auth/password/reset-request", Map.of("email", email))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .isEmpty();
        awaitOutboxDrained();
        assertThat(outboxRowsFor(email)).isZero();
        assertThat(EmailEvents.toNow(email)).isEmpty();
        assertThat(accountsWithEmail(email)).isZero();
        assertProblem(
                post("/api/auth/password/reset", Map.of("email", email, "code", "123456", "newPassword", NEW_PASSWORD)),
                HttpStatus.BAD_REQUEST,
                "code-invalid");
    }

    @Test
    void aKnownAddressGetsACodeThatResetsThePasswordAndRevokesEveryRefreshToken() {
        String email = activeAccount("Kim");
        String phoneSession = (String) login(email, PASSWORD).get("refreshToken");
        String laptopSession = (String) login(email, PASSWORD).get("refreshToken");

        post("/api/auth/password/reset-request", Map.of("email", email))
                .expectStatus()
                .isAccepted();
        EmailRequested reset = lastEmail(email, 2);
        assertThat(reset.template()).isEqualTo("password-reset");
        assertThat(reset.locale()).isEqualTo("en");
        assertThat(reset.idempotencyKey()).startsWith("identity:password-reset:");
        assertThat(reset.model()).containsEntry("name", "Kim");
        assertThat(((Number) reset.model().get("expiresInMinutes")).intValue()).isEqualTo(10);
        String code = (String) reset.model().get("code");

        // Within the cooldown, another request is refused (for any address alike).
        assertProblem(
                post("/api/auth/password/reset-request", Map.of("email", email)),
                HttpStatus.TOO_MANY_REQUESTS,
                "email-cooldown");

        // A weak new password is refused before the code is looked at; a wrong code is counted.
        assertProblem(
                post("/api/auth/password/reset", Map.of("email", email, "code", code, "newPassword", "aaaaaaaaaaaa")),
                HttpStatus.BAD_REQUEST,
                "weak-password");
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        assertThat(assertProblem(
                        post(
                                "/api/auth/password/reset",
                                Map.of("email", email, "code", wrong, "newPassword", NEW_PASSWORD)),
                        HttpStatus.BAD_REQUEST,
                        "code-invalid"))
                .containsEntry("attemptsLeft", 4);
        login(email, PASSWORD);

        post("/api/auth/password/reset", Map.of("email", email, "code", code, "newPassword", NEW_PASSWORD))
                .expectStatus()
                .isNoContent();

        for (String session : new String[] {phoneSession, laptopSession}) {
            assertProblem(
                    post("/api/auth/token/refresh", Map.of("refreshToken", session)),
                    HttpStatus.UNAUTHORIZED,
                    "invalid-refresh-token");
        }
        assertThat(count(
                        "select count(*) from refresh_token t join user_account u on u.id = t.user_id"
                                + " where u.email = :email and t.revoked_at is null",
                        "email",
                        email))
                .isZero();
        assertProblem(
                post("/api/auth/login", Map.of("email", email, "password", PASSWORD)),
                HttpStatus.UNAUTHORIZED,
                "invalid-credentials");
        Map<String, Object> tokens = login(email, NEW_PASSWORD);
        getMe((String) tokens.get("accessToken")).expectStatus().isOk();

        // The code is used up.
        assertProblem(
                post(
                        "/api/auth/password/reset",
                        Map.of("email", email, "code", code, "newPassword", "Another-One-123")),
                HttpStatus.BAD_REQUEST,
                "code-invalid");
        login(email, NEW_PASSWORD);
    }

    @Test
    void resettingAlsoVerifiesAPendingAccount() {
        String email = newEmail();
        signUp(email, "Kim");
        post("/api/auth/password/reset-request", Map.of("email", email))
                .expectStatus()
                .isAccepted();
        String code = (String) lastEmail(email, 2).model().get("code");
        post("/api/auth/password/reset", Map.of("email", email, "code", code, "newPassword", NEW_PASSWORD))
                .expectStatus()
                .isNoContent();
        assertThat(statusOf(email)).isEqualTo("ACTIVE");
        login(email, NEW_PASSWORD);
    }
}
