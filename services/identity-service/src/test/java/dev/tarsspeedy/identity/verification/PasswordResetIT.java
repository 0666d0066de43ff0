package dev.tarsspeedy.identity.verification;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.identity.support.EmailEvents;
import dev.tarsspeedy.identity.support.IdentityTestBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** A forgotten password: no hint whether an address exists; the code resets it and ends every session. */
class PasswordResetIT extends IdentityTestBase {

    private static final String NEW_PASSWORD = "Brand-New-Passphrase-7";

    @Autowired
    MeterRegistry meters;

    @Test
    void anUnknownAddressGets202AndNoEmail() {
        String email = newEmail();
        double noAccountBefore = handled("no-account");
        post("/api/auth/password/reset-request", Map.of("email", email))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .isEmpty();
        // The lookup happens after the answer: wait until it has, then nothing must have been written.
        awaitHandled("no-account", noAccountBefore);
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

    /**
     * The answer is given before the account is looked up, so it cannot differ, in content or in how long the lookup
     * and the code's inserts take, between an address that exists and one that does not. (No timing is asserted:
     * that the answer comes first is what makes the two alike.)
     */
    @Test
    void aKnownAndAnUnknownAddressGetTheSameAnswerAndTheKnownOneStillGetsItsEmail() {
        String known = activeAccount("Kim");
        String unknown = newEmail();
        double issuedBefore = handled("issued");
        double noAccountBefore = handled("no-account");

        EntityExchangeResult<byte[]> forKnown = post("/api/auth/password/reset-request", Map.of("email", known))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .returnResult();
        EntityExchangeResult<byte[]> forUnknown = post("/api/auth/password/reset-request", Map.of("email", unknown))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .returnResult();

        assertThat(forKnown.getResponseBodyContent())
                .as("body")
                .isEqualTo(forUnknown.getResponseBodyContent())
                .isNullOrEmpty();
        assertThat(comparable(forKnown.getResponseHeaders()))
                .as("headers, but for the date")
                .isEqualTo(comparable(forUnknown.getResponseHeaders()))
                .isNotEmpty();

        EmailRequested reset = lastEmail(known, 2);
        assertThat(reset.template()).isEqualTo("password-reset");
        assertThat(reset.to()).isEqualTo(known);
        awaitHandled("issued", issuedBefore);
        awaitHandled("no-account", noAccountBefore);
        awaitOutboxDrained();
        assertThat(EmailEvents.toNow(unknown)).isEmpty();
        assertThat(EmailEvents.toNow(known)).hasSize(2);
        assertThat(accountsWithEmail(unknown)).isZero();
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

    /** Every header and value, by lower-case name, without {@code Date} (the clock may tick between the two). */
    private static Map<String, List<String>> comparable(HttpHeaders headers) {
        Map<String, List<String>> all = new TreeMap<>();
        headers.forEach((name, values) -> all.put(name.toLowerCase(Locale.ROOT), values));
        all.remove("date");
        return all;
    }

    private double handled(String outcome) {
        Counter counter = meters.find(PasswordResetService.REQUESTS)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitHandled(String outcome, double before) {
        await(outcome + " reset requests").atMost(Duration.ofSeconds(20)).until(() -> handled(outcome) >= before + 1);
    }
}
