package dev.tarsspeedy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged local stack ({@code java -jar local-stack/target/local-stack.jar}) on free ports in a folder of its own,
 * as the end-to-end tests start it, with what it printed: the READY line and the table of where everything is.
 */
final class Stack implements AutoCloseable {

    static final String ADMIN_PASSWORD = "monitoring-Operator-Passw0rd";
    private static final Pattern TABLE_ROW = Pattern.compile("^ {2}(\\S.*?)\\s+(\\S+)$");

    private final Process process;
    private final Map<String, String> table;

    private Stack(Process process, Map<String, String> table) {
        this.process = process;
        this.table = table;
    }

    static Stack start(String name, Map<String, String> environment) throws Exception {
        Path home = Path.of(System.getProperty("stack.home", "target/stack"))
                .resolveSibling("stack-" + name)
                .toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        MonitoringFiles.REPOSITORY
                                .resolve("local-stack/target/local-stack.jar")
                                .toString(),
                        "--home",
                        home.toString(),
                        "--fresh",
                        "--free-ports")
                .directory(MonitoringFiles.REPOSITORY.toFile())
                .redirectErrorStream(true);
        builder.environment().put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            return new Stack(process, awaitReady(process, name));
        } catch (Exception | AssertionError e) {
            process.destroy();
            process.waitFor(2, TimeUnit.MINUTES);
            throw e;
        }
    }

    /** Where a process of the stack is, from its table ({@code gateway}, {@code Prometheus}, {@code Mailbox}, ...). */
    String url(String name) {
        String url = table.get(name);
        assertThat(url).as(name + " in the stack's table " + table).isNotNull();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The JVM of a service the stack runs, found by its jar on the command line. */
    ProcessHandle service(String name) {
        List<ProcessHandle> found = process.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(name + ".jar"))
                .toList();
        assertThat(found).as("the process of " + name).hasSize(1);
        return found.getFirst();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM, as Ctrl-C would
            process.waitFor(2, TimeUnit.MINUTES);
        }
    }

    private static Map<String, String> awaitReady(Process process, String name) throws Exception {
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> table = new ConcurrentHashMap<>();
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                boolean inTable = false;
                while ((line = output.readLine()) != null) {
                    System.out.println("[" + name + "] " + line);
                    if (line.matches(" {2}WHAT\\s+WHERE")) {
                        inTable = true;
                    } else if (line.isBlank()) {
                        inTable = false;
                    } else if (inTable) {
                        Matcher row = TABLE_ROW.matcher(line);
                        if (row.matches()) {
                            table.put(row.group(1), row.group(2));
                        }
                    }
                    if (line.startsWith("READY ")) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String line = ready.get(12, TimeUnit.MINUTES);
        assertThat(line).as("READY line of the local stack").isNotNull();
        Thread.ofVirtual().start(() -> {
            try {
                String rest;
                while ((rest = output.readLine()) != null) {
                    System.out.println("[" + name + "] " + rest);
                }
            } catch (IOException ignored) {
                // the stack ended
            }
        });
        return new HashMap<>(table);
    }
}
