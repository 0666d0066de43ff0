package dev.tarsspeedy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** The repository's monitoring files and the Prometheus tools that check them. */
final class MonitoringFiles {

    static final Path REPOSITORY =
            Path.of(System.getProperty("repository.root", "../..")).toAbsolutePath();
    static final Path MONITORING = REPOSITORY.resolve("monitoring");
    static final Path PROMETHEUS_CONFIG = MONITORING.resolve("prometheus/prometheus.yml");
    static final Path RULES = MONITORING.resolve("prometheus/rules");
    static final Path RULE_TESTS = MONITORING.resolve("prometheus/tests");
    static final Path ALERTMANAGER_CONFIG = MONITORING.resolve("alertmanager/alertmanager.yml");
    static final Path DASHBOARDS = MONITORING.resolve("grafana/dashboards");

    /** How to get the tools on a fresh Debian machine; never a silent skip. */
    static final String INSTALL = "scripts/install-test-packages (apt-get install prometheus prometheus-alertmanager)";

    private MonitoringFiles() {}

    /** A tool of the Debian packages, or a failure that says how to install it. */
    static Path tool(String... names) {
        for (String name : names) {
            for (String folder : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin").split(":")) {
                if (folder.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(folder, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return fail(names[0] + " is not installed; the monitoring tests need it. Run " + INSTALL);
    }

    /** Runs a command, returns its output; fails with the output when it exits with another status than 0. */
    static String run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as(String.join(" ", command))
                    .isTrue();
            assertThat(process.exitValue())
                    .as(String.join(" ", command) + "\n" + output)
                    .isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every alerting rule of the rule files: its group's file name and the rule. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertRules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Path file : files(RULES, ".rules.yml")) {
            for (Map<String, Object> group :
                    (List<Map<String, Object>>) yaml(file).get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    if (rule.containsKey("alert")) {
                        rules.add(rule);
                    }
                }
            }
        }
        return rules;
    }

    /** Every panel of every dashboard: the dashboard's title, the panel's title and its queries. */
    record Panel(String dashboard, String title, List<String> expressions) {

        String name() {
            return dashboard + " / " + title;
        }
    }

    static List<Panel> panels() {
        List<Panel> panels = new ArrayList<>();
        tools.jackson.databind.ObjectMapper json = new tools.jackson.databind.ObjectMapper();
        for (Path file : files(DASHBOARDS, ".json")) {
            tools.jackson.databind.JsonNode dashboard = json.readTree(file.toFile());
            for (tools.jackson.databind.JsonNode panel : dashboard.path("panels")) {
                List<String> expressions = new ArrayList<>();
                panel.path("targets")
                        .forEach(target -> expressions.add(target.path("expr").asString()));
                panels.add(new Panel(
                        dashboard.path("title").asString(), panel.path("title").asString(), expressions));
            }
        }
        return panels;
    }
}
