package dev.tarsspeedy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The monitoring against the running platform: the local stack (with the Prometheus and Alertmanager it starts from
 * the Debian packages, on free ports, with short test timings), traffic through the gateway (a failed login, a
 * sign-up email, a sale with a payment started), then every dashboard panel's queries through Prometheus's HTTP API,
 * the broker's JMX metrics and consumer lag, and an alert mailed end to end when a service stops.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringIT {

    /** Panels of services the stack does not run yet are skipped by name; their metrics start with these prefixes. */
    private static final Map<String, String> METRIC_PREFIX_OF_SERVICE =
            Map.of("market_", "market-data-service", "tars_", "alert-service");

    /**
     * Panels whose series appear only after an event this test does not cause, skipped by name with the reason; their
     * queries must still be valid PromQL.
     */
    private static final Map<String, String> PANELS_WITHOUT_THEIR_EVENT = Map.of(
            "TARS / Rate-limit answers",
            "market_provider_calls_total{outcome=\"rate_limited\"} appears only when a provider call is rate-limited"
                    + " (the provider's limit or a budget refusal), which the test's traffic does not cause");

    private static final String ALERTS_TO = "ops@example.com";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Stack stack;
    private String gateway;
    private String prometheus;

    @BeforeAll
    void startTheStack() throws Exception {
        // Loud, never skipped: the stack would start without them and this test would have nothing to check.
        MonitoringFiles.tool("prometheus");
        MonitoringFiles.tool("prometheus-alertmanager", "alertmanager");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MONITORING_SCRAPE_INTERVAL", "2s");
        environment.put("MONITORING_ALERT_FOR", "4s");
        environment.put("MONITORING_ALERT_GROUP_WAIT", "2s");
        environment.put("ALERT_EMAIL_TO", ALERTS_TO);
        // Sold vs quantity per drop comes from the reconciliation.
        environment.put("ORDER_RECONCILE_PERIOD", "3s");
        // Six services start at once; on a shared 2-core machine that can take longer than the stack's default.
        environment.put("STACK_SERVICE_READY_TIMEOUT", "600");
        stack = Stack.start("monitoring", environment);
        gateway = stack.url("gateway");
        prometheus = stack.url("Prometheus");
        stack.url("Alertmanager");
    }

    @AfterAll
    void stopTheStack() throws InterruptedException {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theGatewaysPublicPortRefusesMetricsWhichTheManagementPortServes() throws Exception {
        HttpResponse<String> edge = get(gateway + "/actuator/prometheus");
        assertThat(edge.statusCode()).as("public edge, /actuator/prometheus").isBetween(400, 499);
        assertThat(edge.body()).doesNotContain("jvm_memory_used_bytes");

        HttpResponse<String> management = get(stack.url("metrics gateway"));
        assertThat(management.statusCode()).isEqualTo(200);
        assertThat(management.body()).contains("jvm_memory_used_bytes", "service=\"gateway\"");
        assertThat(stack.url("metrics gateway")).doesNotStartWith(gateway);

        HttpResponse<String> health = get(gateway + "/health/order-service");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    @Order(2)
    void everyDashboardPanelsQueriesReturnDataAfterTraffic() throws Exception {
        traffic();

        List<MonitoringFiles.Panel> panels = MonitoringFiles.panels();
        List<String> skipped = new ArrayList<>();
        List<MonitoringFiles.Panel> checked = new ArrayList<>();
        // Two scrapes after the traffic, so that a service's metric families are all in Prometheus.
        Thread.sleep(5000);
        for (MonitoringFiles.Panel panel : panels) {
            String reason = PANELS_WITHOUT_THEIR_EVENT.get(panel.name());
            if (reason != null) {
                for (String expression : panel.expressions()) {
                    JsonNode answer = query(expression);
                    assertThat(answer.path("status").asString())
                            .as(panel.name() + ": " + expression + " -> " + answer)
                            .isEqualTo("success");
                }
            }
            for (Map.Entry<String, String> entry : METRIC_PREFIX_OF_SERVICE.entrySet()) {
                if (panel.expressions().stream().noneMatch(e -> e.contains(entry.getKey()))) {
                    continue;
                }
                if (reason != null) {
                    break;
                }
                if (!runs(entry.getValue())) {
                    reason = entry.getValue() + " is not running";
                } else if (!publishes(entry.getKey())) {
                    reason = entry.getValue() + " runs but publishes no " + entry.getKey() + "* metrics yet";
                }
            }
            if (reason == null) {
                checked.add(panel);
            } else {
                skipped.add(panel.name() + " (" + reason + ")");
            }
        }
        System.out.println(
                "Panels skipped, their service or its metrics are not there yet:\n  " + String.join("\n  ", skipped));
        assertThat(skipped).as("only TARS panels wait for their services").allMatch(name -> name.startsWith("TARS / "));
        assertThat(checked).hasSizeGreaterThan(25);

        // Rates need two scrapes after the traffic, the sold-units gauge a reconciliation: wait until all answer.
        Map<String, String> empty = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        do {
            empty.clear();
            for (MonitoringFiles.Panel panel : checked) {
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
        JsonNode messagesIn = query("kafka_server_brokertopicmetrics_messagesin_total");
        assertThat(messagesIn.path("data").path("result")).isNotEmpty();

        // The notification service's consumer group reads the email requests: its lag per partition, from the client.
        // Micrometer binds a Kafka client's new metrics (those of partitions assigned after start) once a minute.
        String perPartition = "kafka_consumer_fetch_manager_records_lag{service=\"notification-service\","
                + " topic=\"notification.email-requested.v1\"}";
        JsonNode lag = poll(
                () -> {
                    try {
                        return query(perPartition);
                    } catch (Exception e) {
                        throw new IllegalStateException(perPartition + ": " + e, e);
                    }
                },
                answer -> !answer.path("data").path("result").isEmpty(),
                Duration.ofSeconds(90));
        assertThat(lag.path("data").path("result"))
                .as("consumer lag of the notification service's group on notification.email-requested.v1")
                .isNotEmpty();
        for (JsonNode series : lag.path("data").path("result")) {
            assertThat(series.path("metric").path("client_id").asString()).contains("notification");
        }
    }

    @Test
    @Order(4)
    void aStoppedServiceIsMailedToTheOperators() throws Exception {
        ProcessHandle catalog = stack.service("catalog-service");
        catalog.destroy();
        assertThat(catalog.onExit()
                        .get(60, java.util.concurrent.TimeUnit.SECONDS)
                        .isAlive())
                .isFalse();

        String mailbox = stack.url("Mailbox");
        JsonNode mail = poll(
                () -> {
                    try {
                        JsonNode messages = JSON.readTree(
                                get(mailbox + "/api/messages?to=" + ALERTS_TO).body());
                        for (JsonNode message : messages) {
                            // Only the catalog's: on a loaded machine another target can miss its 2 s scrapes too.
                            String subject = message.path("subject").asString();
                            if (subject.contains("ServiceDown") && subject.contains("catalog-service")) {
                                return message;
                            }
                        }
                        return null;
                    } catch (Exception e) {
                        return null;
                    }
                },
                message -> message != null,
                Duration.ofSeconds(90));
        assertThat(mail).as("ServiceDown mail to " + ALERTS_TO).isNotNull();
        assertThat(mail.path("subject").asString()).contains("FIRING", "catalog-service");
        assertThat(mail.toString()).contains("does not answer Prometheus");
    }

    /** A failed login, a sign-up (an email), a drop bought from, and a payment started. */
    private void traffic() throws Exception {
        HttpResponse<String> failed = post(
                "/api/auth/login",
                Map.of("email", "admin@example.com", "password", "not-the-password-1"),
                null,
                Map.of());
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(401);

        String admin = token("admin@example.com", Stack.ADMIN_PASSWORD);
        String email = "shopper." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "Monitoring-Shopper-1";
        HttpResponse<String> signup = post(
                "/api/auth/signup",
                Map.of("email", email, "password", password, "name", "Shopper", "locale", "en"),
                null,
                Map.of());
        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(202);
        String mailbox = stack.url("Mailbox");
        JsonNode codeMail = poll(
                () -> {
                    try {
                        JsonNode messages = JSON.readTree(
                                get(mailbox + "/api/messages?to=" + email).body());
                        return messages.isEmpty() ? null : messages.get(0);
                    } catch (Exception e) {
                        return null;
                    }
                },
                message -> message != null,
                Duration.ofSeconds(60));
        assertThat(codeMail).as("sign-up email").isNotNull();
        Matcher code = CODE.matcher(codeMail.path("text").asString());
        assertThat(code.find()).isTrue();
        assertThat(post("/api/auth/verification", Map.of("email", email, "code", code.group(1)), null, Map.of())
                        .statusCode())
                .isEqualTo(200);
        String shopper = token(email, password);

        Instant opensAt = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> product = post(
                "/api/admin/products",
                Map.of("name", "Monitoring sneakers " + UUID.randomUUID(), "description", "made by a monitoring test"),
                admin,
                Map.of());
        assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
        HttpResponse<String> drop = post(
                "/api/admin/drops",
                Map.of(
                        "productId",
                        JSON.readTree(product.body()).path("id").asString(),
                        "price",
                        39_000,
                        "quantity",
                        5,
                        "perUserLimit",
                        1,
                        "opensAt",
                        opensAt.toString(),
                        "closesAt",
                        opensAt.plus(Duration.ofHours(1)).toString()),
                admin,
                Map.of());
        assertThat(drop.statusCode()).as(drop.body()).isEqualTo(201);
        String dropId = JSON.readTree(drop.body()).path("id").asString();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> bought = poll(
                () -> post(
                        "/api/drops/" + dropId + "/orders",
                        Map.of("quantity", 1),
                        shopper,
                        Map.of("Idempotency-Key", key)),
                response -> response.statusCode() == 202,
                Duration.ofSeconds(90));
        assertThat(bought.statusCode()).as(bought.body()).isEqualTo(202);
        String orderId = JSON.readTree(bought.body()).path("orderId").asString();
        HttpResponse<String> payment = poll(
                () -> post("/api/orders/" + orderId + "/payment", Map.of(), shopper, Map.of()),
                response -> response.statusCode() / 100 == 2,
                Duration.ofSeconds(60));
        assertThat(payment.statusCode()).as(payment.body()).isBetween(200, 299);
    }

    /** Whether any series whose name starts with the prefix is in Prometheus. */
    private boolean publishes(String prefix) throws Exception {
        return !query("count({__name__=~\"" + prefix + ".+\"})")
                .path("data")
                .path("result")
                .isEmpty();
    }

    private boolean runs(String service) {
        try {
            stack.url(service);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private String token(String email, String password) throws Exception {
        HttpResponse<String> login =
                post("/api/auth/login", Map.of("email", email, "password", password), null, Map.of());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body()).path("accessToken").asString();
    }

    /** An instant query; Grafana's {@code $__rate_interval} is what it would be at a 15 s scrape interval. */
    private JsonNode query(String expression) throws Exception {
        String promql = expression.replace("$__rate_interval", "1m");
        HttpResponse<String> response =
                get(prometheus + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Object body, String token, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(path + ": " + e, e);
        }
    }

    private static <T> T poll(Supplier<T> action, Predicate<T> done, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        T last = action.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            last = action.get();
        }
        return last;
    }
}
