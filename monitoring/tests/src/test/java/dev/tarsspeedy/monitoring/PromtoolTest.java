package dev.tarsspeedy.monitoring;

import static dev.tarsspeedy.monitoring.MonitoringFiles.ALERTMANAGER_CONFIG;
import static dev.tarsspeedy.monitoring.MonitoringFiles.PROMETHEUS_CONFIG;
import static dev.tarsspeedy.monitoring.MonitoringFiles.RULES;
import static dev.tarsspeedy.monitoring.MonitoringFiles.RULE_TESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus and Alertmanager files as their own tools see them: {@code promtool check config}, {@code check
 * rules}, {@code test rules} (the unit tests under monitoring/prometheus/tests) and {@code amtool check-config}; and
 * every alert rule fired and resolved by those unit tests, with a runbook.
 */
class PromtoolTest {

    @Test
    void prometheusConfigurationIsValid() {
        Path promtool = MonitoringFiles.tool("promtool");
        assertThat(MonitoringFiles.run(
                        PROMETHEUS_CONFIG.getParent(),
                        promtool.toString(),
                        "check",
                        "config",
                        "--syntax-only",
                        PROMETHEUS_CONFIG.toString()))
                .contains("SUCCESS");
    }

    @Test
    void ruleFilesAreValid() {
        List<String> command =
                new ArrayList<>(List.of(MonitoringFiles.tool("promtool").toString(), "check", "rules"));
        MonitoringFiles.files(RULES, ".rules.yml").forEach(file -> command.add(file.toString()));
        assertThat(command).hasSizeGreaterThan(3);
        assertThat(MonitoringFiles.run(RULES, command.toArray(String[]::new))).doesNotContain("FAILED");
    }

    @Test
    void ruleUnitTestsPass() {
        List<String> command =
                new ArrayList<>(List.of(MonitoringFiles.tool("promtool").toString(), "test", "rules"));
        MonitoringFiles.files(RULE_TESTS, ".test.yml")
                .forEach(file -> command.add(file.getFileName().toString()));
        assertThat(command).hasSizeGreaterThan(3);
        assertThat(MonitoringFiles.run(RULE_TESTS, command.toArray(String[]::new)))
                .contains("SUCCESS")
                .doesNotContain("FAILED");
    }

    @Test
    void alertmanagerConfigurationIsValid() {
        assertThat(MonitoringFiles.run(
                        ALERTMANAGER_CONFIG.getParent(),
                        MonitoringFiles.tool("amtool").toString(),
                        "check-config",
                        ALERTMANAGER_CONFIG.toString()))
                .contains("SUCCESS");
    }

    /** promtool runs only the tests written; this checks that one exists for each alert, firing and resolving. */
    @Test
    @SuppressWarnings("unchecked")
    void everyAlertIsFiredAndResolvedByAUnitTest() {
        Set<String> fired = new HashSet<>();
        Set<String> resolved = new HashSet<>();
        for (Path file : MonitoringFiles.files(RULE_TESTS, ".test.yml")) {
            for (Map<String, Object> test :
                    (List<Map<String, Object>>) MonitoringFiles.yaml(file).get("tests")) {
                for (Map<String, Object> check : (List<Map<String, Object>>) test.get("alert_rule_test")) {
                    List<?> expected = (List<?>) check.get("exp_alerts");
                    (expected == null || expected.isEmpty() ? resolved : fired).add((String) check.get("alertname"));
                }
            }
        }
        List<String> alerts = MonitoringFiles.alertRules().stream()
                .map(rule -> (String) rule.get("alert"))
                .toList();
        assertThat(alerts)
                .contains(
                        "ServiceDown",
                        "HighErrorRatio",
                        "HighLatencyP99",
                        "OutboxBacklogGrowing",
                        "DeadLetters",
                        "ConsumerLag",
                        "ReservationRelayBehind",
                        "SoldAboveQuantity",
                        "QuotesStale",
                        "ProviderBudgetExhausted",
                        "EmailsFailing")
                .doesNotHaveDuplicates();
        assertThat(fired).as("alerts a unit test fires").containsAll(alerts);
        assertThat(resolved).as("alerts a unit test sees resolved").containsAll(alerts);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasASeverityASummaryAndARunbook() {
        for (Map<String, Object> rule : MonitoringFiles.alertRules()) {
            Map<String, Object> labels = (Map<String, Object>) rule.get("labels");
            Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
            assertThat(labels).as(rule.get("alert") + " labels").containsKey("severity");
            assertThat((String) labels.get("severity")).isIn("critical", "warning");
            assertThat(annotations).as(rule.get("alert") + " annotations").containsKeys("summary", "runbook");
            assertThat(((String) annotations.get("runbook")).length())
                    .as(rule.get("alert") + " runbook")
                    .isGreaterThan(80);
        }
    }
}
