package dev.tarsspeedy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.e2e.fixture.Api;
import dev.tarsspeedy.e2e.fixture.Mailbox;
import dev.tarsspeedy.e2e.fixture.RunningStack;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A person signs up through the gateway, gets the code by email (read from the mailbox), verifies, logs in,
 * reads their profile, refreshes, has a stolen refresh token refused, and logs out: identity, notification,
 * Kafka, PostgreSQL, Redis and SMTP all real, each service in its own JVM.
 */
class SignupFlowIT {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    /** {@code platform.problems.type-base}'s default. */
    private static final String PROBLEM_TYPES = "https://tars-speedy.dev/problems/";

    private static RunningStack stack;
    private static Api gateway;
    private static Mailbox mailbox;

    @BeforeAll
    static void startStack() throws Exception {
        stack = RunningStack.shared();
        gateway = new Api(stack.gateway());
        mailbox = new Mailbox(stack.mailbox());
    }

    @Test
    void signUpVerifyLogInRefreshAndLogOut() throws Exception {
        String email = "minjun." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        Api.Response signup = gateway.post(
                "/api/auth/signup",
                Map.of("email", email, "password", "Correct-Horse-9", "name", "김민준", "locale", "ko"));
        assertThat(signup.status()).as(signup.toString()).isEqualTo(202);
        assertThat(signup.json().get("status").asString()).isEqualTo("PENDING_VERIFICATION");

        JsonNode mail = mailbox.await(email);
        String text = mail.get("text").asString();
        Matcher code = CODE.matcher(text);
        assertThat(code.find()).as("a 6-digit code in: " + text).isTrue();
        assertThat(mail.get("subject").asString()).matches(".*\\p{IsHangul}.*");

        assertProblem(
                gateway.post("/api/auth/login", Map.of("email", email, "password", "Correct-Horse-9")),
                403,
                "account-not-verified");

        Api.Response verified = gateway.post("/api/auth/verification", Map.of("email", email, "code", code.group(1)));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("status").asString()).isEqualTo("ACTIVE");

        JsonNode tokens = login(email, "Correct-Horse-9");
        Api.Response me = gateway.get("/api/users/me", tokens.get("accessToken").asString());
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(email);
        assertThat(me.json().get("name").asString()).isEqualTo("김민준");

        String first = tokens.get("refreshToken").asString();
        Api.Response refreshed = gateway.post("/api/auth/token/refresh", Map.of("refreshToken", first));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        String second = refreshed.json().get("refreshToken").asString();
        assertThat(second).isNotEqualTo(first);

        // The first token was rotated: presenting it again looks like theft and revokes the whole family, so the
        // newer token of that family is refused afterwards too.
        assertProblem(
                gateway.post("/api/auth/token/refresh", Map.of("refreshToken", first)), 401, "refresh-token-reused");
        assertProblem(
                gateway.post("/api/auth/token/refresh", Map.of("refreshToken", second)), 401, "invalid-refresh-token");

        String third = login(email, "Correct-Horse-9").get("refreshToken").asString();
        assertThat(gateway.post("/api/auth/logout", Map.of("refreshToken", third))
                        .status())
                .isEqualTo(204);
        assertProblem(
                gateway.post("/api/auth/token/refresh", Map.of("refreshToken", third)), 401, "invalid-refresh-token");
    }

    @Test
    void theAdminAccountOfTheStackCanLogIn() {
        JsonNode tokens = login("admin@example.com", RunningStack.ADMIN_PASSWORD);
        Api.Response me = gateway.get("/api/users/me", tokens.get("accessToken").asString());
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("roles").toString()).contains("ADMIN");
    }

    @Test
    void badInputIsAProblemNotAnError() {
        Api.Response malformed = gateway.post(
                "/api/auth/signup", Map.of("email", "not-an-email", "password", "Correct-Horse-9", "name", "x"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).isEqualTo("application/problem+json");
    }

    /**
     * An RFC 9457 refusal as the identity service words it (its problem types, under the platform's default type
     * base, which the stack keeps), passed through the gateway unchanged.
     */
    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).as(response.toString()).isEqualTo(PROBLEM_TYPES + type);
        assertThat(problem.path("status").asInt()).as(response.toString()).isEqualTo(status);
        assertThat(problem.path("title").asString()).as(response.toString()).isNotBlank();
    }

    private static JsonNode login(String email, String password) {
        Api.Response login = gateway.post("/api/auth/login", Map.of("email", email, "password", password));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().get("tokenType").asString()).isEqualTo("Bearer");
        return login.json();
    }
}
