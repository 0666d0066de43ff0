package dev.tarsspeedy.identity.support;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.platform.test.MutableClock;
import dev.tarsspeedy.platform.test.ServiceTestBase;
import dev.tarsspeedy.platform.test.TestClockConfiguration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The identity service on a random port against real PostgreSQL, Redis and Kafka ({@link ServiceTestBase}), with a
 * clock the tests move. Every IT shares this one context; each test uses addresses (and client IPs) of its own.
 */
@Import(TestClockConfiguration.class)
public abstract class IdentityTestBase extends ServiceTestBase {

    protected static final String PASSWORD = "Correct-Horse-Battery-42";

    @Autowired
    protected MutableClock clock;

    protected static String newEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 13) + "@example.com";
    }

    /** A client address of its own, so one test's failed logins never throttle another's. */
    protected static String newIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** A JSON POST from a client address of its own. */
    protected WebTestClient.ResponseSpec post(String path, Object body) {
        return post(path, body, newIp());
    }

    protected WebTestClient.ResponseSpec post(String path, Object body, String clientIp) {
        return client().post()
                .uri(path)
                .header("X-Forwarded-For", clientIp)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    protected WebTestClient.ResponseSpec getMe(String accessToken) {
        return client().get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .exchange();
    }

    protected static Map<String, Object> signupBody(String email, String password, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("password", password);
        body.put("name", name);
        return body;
    }

    /** Signs up (202) and returns the answer. */
    protected Map<String, Object> signUp(String email, String name) {
        return post("/api/auth/signup", signupBody(email, PASSWORD, name))
                .expectStatus()
                .isAccepted()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    /** The code of the {@code nth} (from 1) email to the address. */
    protected static String code(String email, int nth) {
        return (String)
                EmailEvents.await(email, nth).get(nth - 1).payload().model().get("code");
    }

    protected static EmailRequested lastEmail(String email, int count) {
        List<EmailEvents.Email> emails = EmailEvents.await(email, count);
        return emails.get(count - 1).payload();
    }

    /** Signs up and verifies a new account; returns its address. */
    protected String activeAccount(String name) {
        String email = newEmail();
        signUp(email, name);
        post("/api/auth/verification", Map.of("email", email, "code", code(email, 1)))
                .expectStatus()
                .isOk();
        return email;
    }

    /** Logs in (200) and returns the token answer. */
    protected Map<String, Object> login(String email, String password) {
        return post("/api/auth/login", Map.of("email", email, "password", password))
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    protected long accountsWithEmail(String email) {
        return count("select count(*) from user_account where email = :email", "email", email);
    }

    protected long outboxRowsFor(String email) {
        return count("select count(*) from outbox_event where event_key = :email", "email", email);
    }

    protected String statusOf(String email) {
        return database.sql("select status from user_account where email = :email")
                .bind("email", email)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }
}
