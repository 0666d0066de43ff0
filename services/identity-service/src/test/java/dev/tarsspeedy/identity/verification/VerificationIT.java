package dev.tarsspeedy.identity.verification;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.identity.support.EmailEvents;
import dev.tarsspeedy.identity.support.IdentityTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Entering the emailed code: wrong, late, too often, for nobody; and asking for a new one. */
class VerificationIT extends IdentityTestBase {

    @Test
    void aWrongCodeIsRefusedWithTheAttemptsLeftAndActivatesNothing() {
        String email = newEmail();
        signUp(email, "Kim");
        String code = code(email, 1);

        Map<String, Object> problem = assertProblem(verify(email, wrong(code)), HttpStatus.BAD_REQUEST, "code-invalid");
        assertThat(problem).containsEntry("attemptsLeft", 4);
        assertThat(statusOf(email)).isEqualTo("PENDING_VERIFICATION");
        assertThat(outboxRowsFor(email)).isEqualTo(1);

        // Not six digits: refused as malformed, not counted.
        assertProblem(verify(email, "12a456"), HttpStatus.BAD_REQUEST, "validation");
        assertThat(failedAttempts(email)).isEqualTo(1);

        verify(email, code).expectStatus().isOk();
        assertThat(statusOf(email)).isEqualTo("ACTIVE");
        // A used code, or any code for an active account, is simply invalid.
        assertProblem(verify(email, code), HttpStatus.BAD_REQUEST, "code-invalid");
    }

    @Test
    void fiveWrongCodesKillTheCodeUntilANewOneIsRequested() {
        String email = newEmail();
        signUp(email, "Kim");
        String code = code(email, 1);

        for (int left = 4; left >= 0; left--) {
            assertThat(assertProblem(verify(email, wrong(code)), HttpStatus.BAD_REQUEST, "code-invalid"))
                    .containsEntry("attemptsLeft", left);
        }
        Map<String, Object> exhausted = assertProblem(verify(email, code), HttpStatus.CONFLICT, "code-exhausted");
        assertThat(exhausted).containsEntry("attemptsLeft", 0);
        assertThat(statusOf(email)).isEqualTo("PENDING_VERIFICATION");
        assertThat(failedAttempts(email)).isEqualTo(5);
        assertThat(outboxRowsFor(email)).isEqualTo(1);

        post("/api/auth/verification/resend", Map.of("email", email))
                .expectStatus()
                .isAccepted();
        String fresh = code(email, 2);
        verify(email, fresh).expectStatus().isOk();
        assertThat(statusOf(email)).isEqualTo("ACTIVE");
    }

    @Test
    void anExpiredCodeIsRefused() {
        String email = newEmail();
        signUp(email, "Kim");
        String code = code(email, 1);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertProblem(verify(email, code), HttpStatus.GONE, "code-expired");
        assertThat(statusOf(email)).isEqualTo("PENDING_VERIFICATION");
        assertThat(outboxRowsFor(email)).isEqualTo(1);
        assertThat(failedAttempts(email)).isZero();
    }

    @Test
    void anUnknownAddressIsAnInvalidCodeAndCreatesNothing() {
        String email = newEmail();
        Map<String, Object> problem = assertProblem(verify(email, "123456"), HttpStatus.BAD_REQUEST, "code-invalid");
        assertThat(problem).doesNotContainKey("attemptsLeft");
        assertThat(accountsWithEmail(email)).isZero();
        assertThat(outboxRowsFor(email)).isZero();
        assertProblem(verify("not an address", "123456"), HttpStatus.BAD_REQUEST, "invalid-email");
    }

    @Test
    void aResendReplacesTheCodeAndASecondWithinTheCooldownIs429() {
        String email = newEmail();
        signUp(email, "Kim");
        String first = code(email, 1);

        post("/api/auth/verification/resend", Map.of("email", email))
                .expectStatus()
                .isAccepted();
        List<EmailEvents.Email> emails = EmailEvents.await(email, 2);
        String second = (String) emails.get(1).payload().model().get("code");
        assertThat(emails.get(1).payload().template()).isEqualTo("signup-verification");
        assertThat(emails.get(1).payload().idempotencyKey())
                .isNotEqualTo(emails.get(0).payload().idempotencyKey());

        Map<String, Object> problem = post("/api/auth/verification/resend", Map.of("email", email))
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        retryAfter -> assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60))
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(problem).containsEntry("type", PROBLEMS + "email-cooldown");
        assertThat(outboxRowsFor(email)).isEqualTo(2);

        if (!first.equals(second)) {
            assertProblem(verify(email, first), HttpStatus.BAD_REQUEST, "code-invalid");
        }
        verify(email, second).expectStatus().isOk();
        awaitOutboxDrained();
        assertThat(EmailEvents.toNow(email)).hasSize(2);
    }

    @Test
    void aResendForAnUnknownOrActiveAddressSendsNothing() {
        String unknown = newEmail();
        post("/api/auth/verification/resend", Map.of("email", unknown))
                .expectStatus()
                .isAccepted();
        String active = activeAccount("Kim");
        post("/api/auth/verification/resend", Map.of("email", active))
                .expectStatus()
                .isAccepted();

        awaitOutboxDrained();
        assertThat(outboxRowsFor(unknown)).isZero();
        assertThat(EmailEvents.toNow(unknown)).isEmpty();
        assertThat(EmailEvents.toNow(active)).hasSize(1);
        // The cooldown is the same for every address: it tells nothing about accounts.
        assertProblem(
                post("/api/auth/verification/resend", Map.of("email", unknown)),
                HttpStatus.TOO_MANY_REQUESTS,
                "email-cooldown");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec verify(String email, String code) {
        return post("/api/auth/verification", Map.of("email", email, "code", code));
    }

    private long failedAttempts(String email) {
        return count(
                "select coalesce(sum(c.failed_attempts), 0) from verification_code c join user_account u"
                        + " on u.id = c.user_id where u.email = :email",
                "email",
                email);
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
