package dev.tarsspeedy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the local stack the way {@code ./stack} does (the packaged launcher, on free ports so it can run beside
 * a developer's stack), checks health through the gateway, stops it with SIGTERM and finds nothing left behind.
 */
class LocalStackIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("repository.root", ".."));
    private static final Path HOME = Path.of(System.getProperty("stack.home", "target/stack"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void startsAnswersThroughTheGatewayAndStopsCleanly() throws Exception {
        Process stack = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        REPOSITORY.resolve("local-stack/target/local-stack.jar").toString(),
                        "--home",
                        HOME.toAbsolutePath().toString(),
                        "--fresh",
                        "--free-ports")
                .directory(REPOSITORY.toFile())
                .redirectErrorStream(true)
                .start();
        List<ProcessHandle> processes = new ArrayList<>();
        try {
            String gateway = awaitReady(stack);
            processes.addAll(stack.descendants().toList());
            postmaster().ifPresent(processes::add);
            assertThat(processes).as("servers and services of the stack").hasSizeGreaterThanOrEqualTo(4);

            HttpResponse<String> health = HTTP.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/actuator/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");

            HttpResponse<String> unknown = HTTP.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/api/no-such-thing"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isIn(401, 404);
            assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        } finally {
            stack.destroy(); // SIGTERM, as a service manager or Ctrl-C would stop it
            assertThat(stack.waitFor(2, TimeUnit.MINUTES)).as("stack exited").isTrue();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(processes.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid))
                .as("processes left behind")
                .isEmpty();
    }

    /** PostgreSQL is started through pg_ctl, so it is not a descendant: its pid file names it. */
    private static Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = HOME.resolve("postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String pid = Files.readAllLines(pidFile).getFirst().trim();
        return ProcessHandle.of(Long.parseLong(pid));
    }

    private static String awaitReady(Process stack) throws Exception {
        BufferedReader output =
                new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = output.readLine()) != null) {
                    System.out.println("[stack] " + line);
                    if (line.startsWith("READY gateway=")) {
                        return line.substring("READY gateway=".length());
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String gateway = ready.get(4, TimeUnit.MINUTES);
        assertThat(gateway).as("READY line of the local stack").isNotNull();
        Thread.ofVirtual().start(() -> {
            try {
                String line;
                while ((line = output.readLine()) != null) {
                    System.out.println("[stack] " + line);
                }
            } catch (IOException ignored) {
                // the stack ended
            }
        });
        return gateway;
    }
}
