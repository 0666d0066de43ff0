package dev.tarsspeedy.identity.account;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.identity.support.EmailEvents;
import dev.tarsspeedy.identity.support.IdentityTestBase;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A second sign-up with a taken address: 409 that says no more than that the address cannot be used. */
class DuplicateSignupIT extends IdentityTestBase {

    @Test
    void aTakenAddressIsRefusedWithoutSayingWhy() {
        String email = newEmail();
        signUp(email, "First");
        EmailEvents.await(email, 1);

        Map<String, Object> problem = assertProblem(
                post("/api/auth/signup", signupBody(email.toUpperCase(Locale.ROOT), "Another-Password-77", "Second")),
                HttpStatus.CONFLICT,
                "email-unavailable");
        assertThat(problem.get("detail")).isEqualTo("This email address cannot be used to sign up.");
        assertThat(problem.toString()).doesNotContainIgnoringCase("exist").doesNotContainIgnoringCase("verified");

        // The same answer once the first account is verified.
        post("/api/auth/verification", Map.of("email", email, "code", code(email, 1)))
                .expectStatus()
                .isOk();
        assertProblem(
                post("/api/auth/signup", signupBody(email, PASSWORD, "Third")),
                HttpStatus.CONFLICT,
                "email-unavailable");

        assertThat(accountsWithEmail(email)).isEqualTo(1);
        assertThat(outboxRowsFor(email)).isEqualTo(1);
        awaitOutboxDrained();
        assertThat(EmailEvents.toNow(email)).hasSize(1);
    }
}
