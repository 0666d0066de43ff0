package dev.tarsspeedy.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration the stack writes for Prometheus and Alertmanager from the repository's files. */
class StackMonitoringTest {

    private static final Path REPOSITORY = Path.of("..");

    @Test
    void prometheusScrapesEverySpringServiceOnItsManagementPortAndTheBroker() {
        List<StackService> services = List.of(
                StackService.spring("gateway", 18080, 19080, Path.of("gateway.jar"), Map.of()),
                StackService.spring("order-service", 18086, 19086, Path.of("order-service.jar"), Map.of()),
                new StackService("kakaopay-stand-in", 18090, 18090, Path.of("k.jar"), List.of(), Map.of(), "/h"));

        String yaml = StackMonitoring.prometheusConfiguration(
                "2s",
                Path.of("/stack/monitoring/rules"),
                "127.0.0.1:9990",
                "127.0.0.1:9993",
                "127.0.0.1:19094",
                services);

        assertThat(yaml)
                .contains("scrape_interval: 2s", "evaluation_interval: 2s")
                .contains("\"/stack/monitoring/rules/*.rules.yml\"")
                .contains("targets: [\"127.0.0.1:9993\"]")
                .contains("- job_name: kafka\n    static_configs:\n      - targets: [\"127.0.0.1:19094\"]")
                .contains("- job_name: gateway\n    metrics_path: /actuator/prometheus\n"
                        + "    static_configs:\n      - targets: [\"127.0.0.1:19080\"]")
                .contains("- job_name: order-service")
                .doesNotContain("kakaopay");
        assertThat(services.getFirst().environment()).containsEntry("MANAGEMENT_PORT", "19080");
        assertThat(services.getFirst().metricsUrl()).isEqualTo("http://127.0.0.1:19080/actuator/prometheus");
    }

    @Test
    void testsShortenEveryRulesForAndAlertmanagerFillsInTheStacksMailServer(@TempDir Path rules) throws Exception {
        StackMonitoring.copyRules(REPOSITORY.resolve("monitoring/prometheus/rules"), rules, "4s");
        String platform = Files.readString(rules.resolve("platform.rules.yml"));
        assertThat(platform).contains("alert: ServiceDown", "for: 4s").doesNotContain("for: 2m");

        String alertmanager = StackMonitoring.alertmanagerConfiguration(
                Files.readString(REPOSITORY.resolve("monitoring/alertmanager/alertmanager.yml")),
                "127.0.0.1",
                2525,
                "ops@example.com",
                "2s");
        assertThat(alertmanager)
                .contains("smtp_smarthost: \"127.0.0.1:2525\"", "to: \"ops@example.com\"", "group_wait: 2s")
                .doesNotContain("${ALERT_");
    }
}
