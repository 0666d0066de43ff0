package dev.tarsspeedy.localstack;

import dev.tarsspeedy.infra.InfraSettings;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.ManagedServer;
import dev.tarsspeedy.infra.process.Folders;
import dev.tarsspeedy.infra.process.NetworkPorts;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack: real infrastructure on fixed, documented ports with data kept between runs, then (as they
 * arrive) every service in its own JVM. Stops everything on Ctrl-C or SIGTERM.
 */
public final class LocalStack {

    private LocalStack() {}

    public static void main(String[] args) throws Exception {
        StackOptions options;
        try {
            options = StackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(StackOptions.USAGE);
            return;
        }
        Path home = options.home().toAbsolutePath().normalize();
        Folders.create(home);
        try (FileChannel lockFile =
                        FileChannel.open(home.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                fail("another local stack already runs on " + home + "; stop it first (Ctrl-C in its terminal)");
            }
            run(options, home);
        }
    }

    private static void run(StackOptions options, Path home) throws InterruptedException, IOException {
        long started = System.nanoTime();
        if (options.fresh()) {
            System.out.println("--fresh: removing the data in " + home);
            for (String folder : List.of("postgres", "redis", "kafka", "logs")) {
                Folders.deleteRecursively(home.resolve(folder));
            }
        }
        InfraSettings settings = InfraSettings.forLocalStack(home);
        checkPortsFree(settings.ports());

        System.out.println("Starting the infrastructure: PostgreSQL, Redis, Kafka, SMTP with mailbox"
                + " (data and logs in " + home + ")");
        Infrastructure infrastructure = Infrastructure.create(settings);
        try {
            infrastructure.startAll();
        } catch (RuntimeException e) {
            infrastructure.close();
            fail(e.getMessage() + "\nLogs: " + home.resolve("logs"));
        }

        Duration ready = Duration.ofNanos(System.nanoTime() - started);
        System.out.println();
        System.out.printf("Ready in %.1f s.%n%n", ready.toMillis() / 1000.0);
        System.out.println(table(infrastructure, home));
        System.out.println("""
                Not there yet: the gateway (http://localhost:8080) and the services arrive with the next \
                milestones;
                until then the stack runs the infrastructure they will use.

                Press Ctrl-C to stop everything.""");
        System.out.println("READY");
        System.out.flush();
        // Infrastructure's shutdown hook stops every server when Ctrl-C or SIGTERM ends this JVM.
        new CountDownLatch(1).await();
    }

    private static String table(Infrastructure infrastructure, Path home) {
        List<String[]> rows = new ArrayList<>();
        for (ManagedServer server : infrastructure.servers()) {
            for (ManagedServer.Endpoint endpoint : server.endpoints()) {
                rows.add(new String[] {endpoint.label(), endpoint.url()});
            }
        }
        rows.add(new String[] {"Logs", home.resolve("logs").toString()});
        StringBuilder text = new StringBuilder();
        text.append(String.format("  %-12s %s%n", "WHAT", "WHERE"));
        for (String[] row : rows) {
            text.append(String.format("  %-12s %s%n", row[0], row[1]));
        }
        return text.toString();
    }

    /** A busy port usually means a stack that is still running: say so instead of a server's cryptic error. */
    private static void checkPortsFree(InfraSettings.Ports ports) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("PostgreSQL", ports.postgres());
        wanted.put("Redis", ports.redis());
        wanted.put("Kafka", ports.kafka());
        wanted.put("Kafka controller", ports.kafkaController());
        wanted.put("SMTP", ports.smtp());
        wanted.put("Mailbox", ports.mailbox());
        List<String> busy = new ArrayList<>();
        wanted.forEach((what, port) -> {
            if (NetworkPorts.isOpen(NetworkPorts.LOOPBACK, port)) {
                busy.add(what + " port " + port);
            }
        });
        if (!busy.isEmpty()) {
            fail("in use already: " + String.join(", ", busy)
                    + ". Is another local stack (or a server of your own) running?");
        }
    }

    private static void fail(String message) {
        System.err.println("local stack: " + message);
        System.exit(1);
    }
}
