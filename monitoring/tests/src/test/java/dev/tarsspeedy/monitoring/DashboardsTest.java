package dev.tarsspeedy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.localstack.StackServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The dashboards and the scrape configuration, without a server: every panel has a query on the provisioned
 * datasource, every service is scraped, and TARS has its place. {@code MonitoringIT} runs the queries.
 */
class DashboardsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyDashboardIsProvisionedAndEveryPanelQueriesTheProvisionedPrometheus() throws Exception {
        Map<String, Object> datasources = MonitoringFiles.yaml(
                MonitoringFiles.MONITORING.resolve("grafana/provisioning/datasources/prometheus.yml"));
        assertThat(datasources.toString()).contains("uid=prometheus", "type=prometheus");
        assertThat(Files.readString(
                        MonitoringFiles.MONITORING.resolve("grafana/provisioning/dashboards/dashboards.yml")))
                .contains("path: /var/lib/grafana/dashboards");

        List<Path> files = MonitoringFiles.files(MonitoringFiles.DASHBOARDS, ".json");
        assertThat(files.stream().map(f -> f.getFileName().toString()))
                .containsExactlyInAnyOrder(
                        "platform-overview.json", "speedy-sale.json", "email-delivery.json", "kafka.json", "tars.json");
        Set<String> uids = new java.util.HashSet<>();
        for (Path file : files) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            assertThat(uids.add(dashboard.path("uid").asString()))
                    .as(file + " uid")
                    .isTrue();
            assertThat(dashboard.path("panels").size()).as(file + " panels").isGreaterThan(3);
            for (JsonNode panel : dashboard.path("panels")) {
                String name = file.getFileName() + " / " + panel.path("title").asString();
                assertThat(panel.path("datasource").path("uid").asString())
                        .as(name)
                        .isEqualTo("prometheus");
                assertThat(panel.path("targets").size()).as(name + " queries").isPositive();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("expr").asString()).as(name).isNotBlank();
                    assertThat(target.path("datasource").path("uid").asString())
                            .as(name)
                            .isEqualTo("prometheus");
                }
            }
        }
    }

    @Test
    void theDashboardsShowWhatTheIssueAsksFor() {
        Map<String, List<String>> titles = MonitoringFiles.panels().stream()
                .collect(Collectors.groupingBy(
                        MonitoringFiles.Panel::dashboard,
                        Collectors.mapping(MonitoringFiles.Panel::title, Collectors.toList())));
        assertThat(titles.get("Platform overview"))
                .contains(
                        "Instances up",
                        "Requests per second by service",
                        "p99 latency by service and route",
                        "JVM heap used");
        assertThat(titles.get("Speedy sale"))
                .contains(
                        "Buy attempts by outcome",
                        "Sold vs quantity per drop",
                        "Hot-path latency (buy, p50 and p99)",
                        "Reservation stream relay lag",
                        "Order status changes",
                        "Payments by outcome",
                        "Refunds by outcome");
        assertThat(titles.get("Email delivery")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(titles.get("Kafka")).contains("Under-replicated partitions", "Consumer lag by service and topic");
        assertThat(titles.get("TARS")).contains("Provider calls vs budget", "Reports sent (last hour)");
    }

    /**
     * Every service of the local stack is a job of the production scrape configuration (the local stack writes its own
     * with the same job names), TARS's market-data-service and alert-service among them.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theScrapeConfigurationHasAJobPerServiceTarsIncluded() {
        List<Map<String, Object>> jobs = (List<Map<String, Object>>)
                MonitoringFiles.yaml(MonitoringFiles.PROMETHEUS_CONFIG).get("scrape_configs");
        Set<String> names =
                jobs.stream().map(job -> (String) job.get("job_name")).collect(Collectors.toSet());
        List<String> services = StackServices.healthChecks(MonitoringFiles.REPOSITORY).stream()
                .map(StackServices.HealthCheck::name)
                .filter(name -> !name.endsWith("stand-in"))
                .toList();
        assertThat(services).contains("gateway", "order-service");
        assertThat(names)
                .containsAll(services)
                .contains("prometheus", "alertmanager", "kafka", "market-data-service", "alert-service");
        for (Map<String, Object> job : jobs) {
            String name = (String) job.get("job_name");
            if (name.endsWith("service") || name.equals("gateway")) {
                assertThat(job.get("metrics_path")).as(name).isEqualTo("/actuator/prometheus");
                assertThat(job.toString())
                        .as(name + " scraped on its management port")
                        .containsPattern(":90\\d\\d\\b");
            }
        }
    }
}
