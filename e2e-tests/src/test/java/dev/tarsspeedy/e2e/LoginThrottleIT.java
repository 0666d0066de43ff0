package dev.tarsspeedy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.e2e.fixture.Api;
import dev.tarsspeedy.e2e.fixture.Mailbox;
import dev.tarsspeedy.e2e.fixture.RunningStack;
import dev.tarsspeedy.e2e.fixture.Shoppers;
import java.net.InetAddress;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failed logins are throttled per client address behind the gateway: one client guessing passwords is locked out,
 * and a client at another address is not. The identity service reads the address from the {@code X-Forwarded-For}
 * the gateway sets; if the gateway passed its own address (or the client's claim) on, either everyone would be
 * locked out together or nobody would be.
 */
class LoginThrottleIT {

    private static final String PROBLEM_TYPES = "https://tars-speedy.dev/problems/";
    /** The identity service's {@code IDENTITY_LOGIN_MAX_FAILURES_PER_IP} default, which the stack keeps. */
    private static final int MAX_FAILURES_PER_IP = 20;

    private static RunningStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = RunningStack.shared();
    }

    @Test
    void aClientGuessingPasswordsIsLockedOutAndAnotherAddressIsNot() throws Exception {
        Api guesser = new Api(stack.gateway(), InetAddress.getByName("127.0.0.2"));
        Api neighbour = new Api(stack.gateway(), InetAddress.getByName("127.0.0.3"));
        String run = UUID.randomUUID().toString().substring(0, 8);

        // A different unknown address each time, so only the per-address count can be what stops the guesser; a
        // spoofed X-Forwarded-For, different on every request, must not spread the failures over many buckets.
        int failures = 0;
        Api.Response answer = null;
        for (int attempt = 0; attempt < MAX_FAILURES_PER_IP + 5; attempt++) {
            answer = guesser.send(
                    "POST",
                    "/api/auth/login",
                    Map.of("email", "guess" + attempt + "-" + run + "@example.com", "password", "Not-The-Password-1"),
                    null,
                    Map.of("X-Forwarded-For", "198.51.100." + attempt));
            if (answer.status() == 429 && !answer.body().contains("login-throttled")) {
                // The gateway's own request rate limit (per address too): wait it out and try this one again.
                Thread.sleep(1000L
                        * Long.parseLong(
                                answer.headers().firstValue("Retry-After").orElse("1")));
                attempt--;
                continue;
            }
            if (answer.status() != 401) {
                break;
            }
            failures++;
        }
        assertThat(failures).as("401s before the lock").isEqualTo(MAX_FAILURES_PER_IP);
        assertProblem(answer, 429, "login-throttled");
        assertThat(answer.headers().firstValue("Retry-After"))
                .as("Retry-After of " + answer)
                .isPresent();

        // The neighbour's wrong password is an ordinary 401, and the right one logs in.
        Shoppers shoppers = new Shoppers(neighbour, new Mailbox(stack.mailbox()));
        Shoppers.Shopper shopper = shoppers.signUp("neighbour", "ko");
        assertProblem(
                neighbour.post("/api/auth/login", Map.of("email", shopper.email(), "password", "Not-The-Password-1")),
                401,
                "invalid-credentials");
        assertThat(shopper.token()).isNotBlank();

        // The guesser stays locked out, even with the right password of a real account.
        Api.Response locked = guesser.post("/api/auth/login", Map.of("email", shopper.email(), "password", "x"));
        assertProblem(locked, 429, "login-throttled");
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo(PROBLEM_TYPES + type);
    }
}
