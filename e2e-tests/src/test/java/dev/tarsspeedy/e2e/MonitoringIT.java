package dev.tarsspeedy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.e2e.fixture.Api;
import dev.tarsspeedy.e2e.fixture.Dashboards;
import dev.tarsspeedy.e2e.fixture.Mailbox;
import dev.tarsspeedy.e2e.fixture.Poll;
import dev.tarsspeedy.e2e.fixture.RunningStack;
import dev.tarsspeedy.e2e.fixture.Shoppers;
import dev.tarsspeedy.e2e.fixture.Shoppers.Shopper;
import dev.tarsspeedy.e2e.fixture.Speedy;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The monitoring against the shared local stack, which starts Prometheus and Alertmanager from the Debian packages
 * (short timings: {@link RunningStack}): the gateway's public port refuses metrics, traffic through the gateway (a
 * failed login, a sign-up email, a sale with a payment started), then every dashboard panel's queries through
 * Prometheus's HTTP API, the broker's JMX metrics and consumer lag, and an alert mailed end to end when a service
 * stops answering.
 *
 * <p>The last test stops the catalog service (SIGSTOP: it keeps its connections, answers nothing) and resumes it once
 * the operators have the mail, so the tests after it find every service healthy again. It runs after every other
 * class but {@code LocalStackIT}, which stops the stack ({@code junit-platform.properties} orders classes by
 * {@link Order}).
 */
@Order(Integer.MAX_VALUE - 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringIT {

    /** How to get Prometheus and Alertmanager on a fresh machine of this kind; the test fails without them. */
    private static final String INSTALL = "scripts/install-test-packages (apt-get install prometheus"
            + " prometheus-alertmanager); the stack runs without monitoring when they are missing";

    /**
     * Panels whose series appear only after an event this test does not cause, skipped by name with the reason; their
     * queries must still be valid PromQL. None today: every business counter is registered at zero when its service
     * starts.
     */
    private static final Map<String, String> PANELS_WITHOUT_THEIR_EVENT = Map.of();

    private static final String STOPPED = "catalog-service";

    private RunningStack stack;
    private Api gateway;
    private Api prometheus;
    private Mailbox mailbox;
    private Shoppers shoppers;

    @BeforeAll
    void connect() throws Exception {
        stack = RunningStack.shared();
        assertThat(stack.table())
                .as("Prometheus and Alertmanager in the stack's table: " + INSTALL)
                .containsKeys("Prometheus", "Alertmanager");
        gateway = new Api(stack.gateway());
        prometheus = new Api(withoutSlash(stack.url("Prometheus")));
        mailbox = new Mailbox(stack.mailbox());
        shoppers = new Shoppers(gateway, mailbox);
    }

    @AfterAll
    void closeClients() {
        gateway.close();
        prometheus.close();
    }

    @Test
    @Order(1)
    void theGatewaysPublicPortRefusesMetricsWhichTheManagementPortServes() {
        Api.Response edge = gateway.get("/actuator/prometheus", null);
        assertThat(edge.status()).as("public edge, /actuator/prometheus").isBetween(400, 499);
        assertThat(edge.body()).doesNotContain("jvm_memory_used_bytes");

        String metrics = withoutSlash(stack.url("metrics gateway"));
        assertThat(metrics).doesNotStartWith(stack.gateway());
        try (Api management = new Api(metrics)) {
            Api.Response scraped = management.get("", null);
            assertThat(scraped.status()).isEqualTo(200);
            assertThat(scraped.body()).contains("jvm_memory_used_bytes", "service=\"gateway\"");
        }

        Api.Response health = gateway.get("/health/order-service", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    @Order(2)
    void everyDashboardPanelsQueriesReturnDataAfterTraffic() throws Exception {
        traffic();

        List<String> skipped = new ArrayList<>();
        List<Dashboards.Panel> checked = new ArrayList<>();
        for (Dashboards.Panel panel : Dashboards.panels()) {
            String reason = PANELS_WITHOUT_THEIR_EVENT.get(panel.name());
            if (reason == null) {
                checked.add(panel);
                continue;
            }
            for (String expression : panel.expressions()) {
                JsonNode answer = query(expression);
                assertThat(answer.path("status").asString())
                        .as(panel.name() + ": " + expression + " -> " + answer)
                        .isEqualTo("success");
            }
            skipped.add(panel.name() + " (" + reason + ")");
        }
        System.out.println("Panels skipped, their series appear only after an event this test does not cause:\n  "
                + (skipped.isEmpty() ? "none" : String.join("\n  ", skipped)));
        assertThat(checked).hasSizeGreaterThan(30);
        assertThat(checked.stream().map(Dashboards.Panel::dashboard))
                .as("dashboards checked")
                .contains("TARS");

        // Rates need two scrapes after the traffic, the sold-units gauge a reconciliation: wait until all answer.
        Map<String, String> empty = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        do {
            empty.clear();
            for (Dashboards.Panel panel : checked) {
                for (String expression : panel.expressions()) {
                    JsonNode answer = query(expression);
                    assertThat(answer.path("status").asString())
                            .as(panel.name() + ": " + expression + " -> " + answer)
                            .isEqualTo("success");
                    if (answer.path("data").path("result").isEmpty()) {
                        empty.put(panel.name(), expression);
                    }
                }
            }
            if (!empty.isEmpty()) {
                Thread.sleep(3000);
            }
        } while (!empty.isEmpty() && System.nanoTime() < deadline);
        assertThat(empty).as("panels whose query returned no data").isEmpty();
    }

    @Test
    @Order(3)
    void theBrokersJmxMetricsAndAConsumerGroupsLagAreInPrometheus() throws Exception {
        JsonNode kafka = query("count by (__name__) ({job=\"kafka\", __name__=~\"kafka_server_.+\"})");
        assertThat(kafka.path("data").path("result").size())
                .as("kafka_server_* series from the JMX exporter")
                .isGreaterThan(20);
        assertThat(query("kafka_server_brokertopicmetrics_messagesin_total")
                        .path("data")
                        .path("result"))
                .isNotEmpty();

        // The notification service's consumer group reads the email requests: its lag per partition, from the client.
        // Micrometer binds a Kafka client's new metrics (those of partitions assigned after start) once a minute.
        String perPartition = "kafka_consumer_fetch_manager_records_lag{service=\"notification-service\","
                + " topic=\"notification.email-requested.v1\"}";
        JsonNode lag = Poll.until(
                () -> query(perPartition),
                answer -> !answer.path("data").path("result").isEmpty(),
                Duration.ofSeconds(90));
        for (JsonNode series : lag.path("data").path("result")) {
            assertThat(series.path("metric").path("client_id").asString()).contains("notification");
        }
    }

    /** Last: nothing after it in this class, and the service answers again before it ends. */
    @Test
    @Order(4)
    void aStoppedServiceIsMailedToTheOperators() throws Exception {
        String operators = RunningStack.OPERATORS_EMAIL;
        // Only a mail after the stop counts: on a loaded machine a target can miss a 5 s scrape earlier in the run.
        int before = mailbox.all(operators).size();
        ProcessHandle service = stack.service(STOPPED);
        signal("STOP", service);
        JsonNode mail;
        try {
            mail = Poll.until(
                    () -> {
                        List<JsonNode> all = mailbox.all(operators);
                        return all.subList(Math.min(before, all.size()), all.size()).stream()
                                .filter(m -> m.path("subject").asString().contains("ServiceDown " + STOPPED))
                                .findFirst()
                                .orElse(null);
                    },
                    found -> found != null,
                    Duration.ofSeconds(90));
        } finally {
            signal("CONT", service);
        }
        assertThat(mail.path("subject").asString()).startsWith("[FIRING]");
        assertThat(mail.toString()).contains("does not answer Prometheus", "runbook");

        // Back before the tests after this class look at the stack's health.
        Api.Response health = Poll.until(
                () -> gateway.get("/health/" + STOPPED, null),
                r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""),
                Duration.ofSeconds(90));
        assertThat(health.status()).isEqualTo(200);
        Poll.until(
                () -> query("up{job=\"" + STOPPED + "\"} == 1"),
                answer -> !answer.path("data").path("result").isEmpty(),
                Duration.ofSeconds(60));
    }

    /** A failed login, a sign-up (an email), a drop bought from, and a payment started. */
    private void traffic() throws InterruptedException {
        Api.Response failed =
                gateway.post("/api/auth/login", Map.of("email", "admin@example.com", "password", "not-the-password-1"));
        assertThat(failed.status()).as(failed.toString()).isEqualTo(401);

        String admin = shoppers.logIn("admin@example.com", RunningStack.ADMIN_PASSWORD);
        Shopper shopper = shoppers.signUp("monitoring", "en");
        Speedy speedy = new Speedy(gateway);
        String dropId = speedy.createDrop(
                admin,
                "Monitoring sneakers",
                39_000,
                5,
                1,
                Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS));
        String key = UUID.randomUUID().toString();
        Api.Response bought =
                Poll.until(() -> speedy.buy(shopper, dropId, key, 1), r -> r.status() == 202, Duration.ofSeconds(60));
        String orderId = bought.json().path("orderId").asString();
        Poll.until(
                () -> gateway.post("/api/orders/" + orderId + "/payment", Map.of(), shopper.token()),
                r -> r.status() / 100 == 2,
                Duration.ofSeconds(60));
    }

    /** An instant query; Grafana's {@code $__rate_interval} is what it would be at a 15 s scrape interval. */
    private JsonNode query(String expression) {
        String promql = expression.replace("$__rate_interval", "1m");
        return prometheus
                .get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8), null)
                .json();
    }

    /** {@code kill -STOP} or {@code -CONT}: Java stops a process only for good. */
    private static void signal(String signal, ProcessHandle process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .redirectErrorStream(true)
                .start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue())
                .as("kill -" + signal + " " + process.pid() + ": "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
