package dev.tarsspeedy.platform.test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The base of a service's integration tests: the service on a random port against the real infrastructure
 * ({@link ServiceIT}, profile {@code test}), a real HTTP client to it, its own database, and the checks every service's
 * tests share. A service's own base extends it (or {@link SecuredServiceTestBase}, for a service that takes the
 * identity service's tokens) and adds only what is the service's own; every IT of the service extends that, so they
 * share one Spring context.
 *
 * <pre>{@code
 * @Import(TestClockConfiguration.class)   // when the tests move the service's clock
 * public abstract class IdentityTestBase extends ServiceTestBase {
 *
 *     @Autowired
 *     protected MutableClock clock;
 *
 *     protected WebTestClient.ResponseSpec signUp(Map<String, Object> body) {
 *         return client().post().uri("/api/auth/signup").bodyValue(body).exchange();
 *     }
 * }
 *
 * class SignupIT extends IdentityTestBase {
 *     @Test
 *     void anIncompleteSignupIsRefusedAndStoresNothing() {
 *         assertProblem(signUp(Map.of("email", "kim@example.com")), HttpStatus.BAD_REQUEST, "validation");
 *         awaitOutboxDrained();
 *         assertThat(count("select count(*) from user_account where email = :email", "email", "kim@example.com"))
 *                 .isZero();
 *     }
 * }
 * }</pre>
 */
@ServiceIT
@ActiveProfiles("test")
public abstract class ServiceTestBase {

    /** The base of every problem type URI. */
    protected static final String PROBLEMS = ProblemAssertions.TYPES;

    /** A JSON object body. */
    protected static final ParameterizedTypeReference<Map<String, Object>> MAP = ProblemAssertions.JSON_OBJECT;

    private static final ReactorClientHttpConnector CONNECTOR =
            new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection()));

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("test-client-watchdog").daemon().factory());

    @LocalServerPort
    protected int port;

    @Autowired
    protected DatabaseClient database;

    /** The longest a test waits for one answer of the service. */
    protected Duration responseTimeout() {
        return Duration.ofSeconds(30);
    }

    /**
     * A real HTTP client: bodies, limits and connections behave as for any client. Each request has a connection of
     * its own (no pool shared by the whole JVM, where one test's connection could be handed to another's request).
     * A request still unanswered shortly before its timeout prints every thread's stack, so a hang says what the
     * service was doing.
     */
    protected WebTestClient client() {
        Duration timeout = responseTimeout();
        Duration dumpAfter = timeout.minus(timeout.dividedBy(10));
        return WebTestClient.bindToServer(CONNECTOR)
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(timeout)
                .filter((request, next) -> {
                    ScheduledFuture<?> dump = WATCHDOG.schedule(
                            () -> ThreadDumps.print(
                                    "no answer to " + request.method() + " " + request.url() + " after " + dumpAfter),
                            dumpAfter.toMillis(),
                            TimeUnit.MILLISECONDS);
                    return next.exchange(request).doFinally(signal -> dump.cancel(false));
                })
                .build();
    }

    /** The same, sending {@code Authorization: Bearer <accessToken>} with every request ({@code null}: none). */
    protected WebTestClient client(String accessToken) {
        if (accessToken == null) {
            return client();
        }
        return client().mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .build();
    }

    /** Asserts the answer is the platform's problem of the type; returns its body. See {@link ProblemAssertions}. */
    protected static Map<String, Object> assertProblem(
            WebTestClient.ResponseSpec response, HttpStatus status, String type) {
        return ProblemAssertions.assertProblem(response, status, type);
    }

    /** Waits until the outbox relay has published everything the service committed so far. */
    protected void awaitOutboxDrained() {
        TestDatabase.awaitOutboxDrained(database);
    }

    /** The number a {@code select count(*)} returns, with named parameters: {@code count(sql, "id", id)}. */
    protected long count(String sql, Object... namesAndValues) {
        return TestDatabase.count(database, sql, namesAndValues);
    }
}
