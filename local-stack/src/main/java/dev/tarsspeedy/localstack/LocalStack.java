package dev.tarsspeedy.localstack;

import dev.tarsspeedy.infra.InfraSettings;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.ManagedServer;
import dev.tarsspeedy.infra.process.Folders;
import dev.tarsspeedy.infra.process.NetworkPorts;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The local stack: real infrastructure on fixed, documented ports with data kept between runs, then every
 * service in its own JVM (the same jars as production). Stops everything on Ctrl-C or SIGTERM: services
 * first, then the servers they use.
 */
public final class LocalStack {

    /**
     * How long a service may take to be ready: 3 minutes, or {@code STACK_SERVICE_READY_TIMEOUT} seconds where two
     * stacks share a small machine (the end-to-end tests run one beside the other).
     */
    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("STACK_SERVICE_READY_TIMEOUT", "180").strip()));

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

    private static void run(StackOptions options, Path home) throws Exception {
        long started = System.nanoTime();
        if (options.fresh()) {
            System.out.println("--fresh: removing the data in " + home);
            for (String folder : List.of(
                    "postgres", "redis", "kafka", "monitoring", "logs", "run", "admin-password", "identity-data-key")) {
                Folders.deleteRecursively(home.resolve(folder));
            }
        }
        InfraSettings settings = InfraSettings.forLocalStack(home);
        if (options.freePorts()) {
            settings = settings.withPorts(InfraSettings.Ports.free());
        } else {
            checkPortsFree(settings.ports());
        }

        System.out.println("[1/2] Starting the infrastructure: PostgreSQL, Redis, Kafka, SMTP with mailbox"
                + " (data and logs in " + home + ")");
        Infrastructure infrastructure = Infrastructure.create(settings).withoutShutdownHook();
        List<ServiceProcess> services = new ArrayList<>();
        List<StackMonitoring> monitoring = new ArrayList<>();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> stopAll(monitoring, services, infrastructure), "stack-shutdown"));
        try {
            infrastructure.startAll();
        } catch (RuntimeException e) {
            fail(e.getMessage() + "\nLogs: " + home.resolve("logs"));
        }

        StackSecrets secrets = StackSecrets.load(home);
        AdminCredentials admin = secrets.admin();
        Path repository = Path.of("").toAbsolutePath();
        for (StackService service : StackServices.all(repository, infrastructure, secrets, options.freePorts())) {
            services.add(new ServiceProcess(service, home));
        }
        System.out.println("[2/2] Starting " + services.size() + " service(s): "
                + String.join(
                        ", ", services.stream().map(s -> s.service().name()).toList()));
        try {
            startServices(services);
        } catch (RuntimeException e) {
            fail(e.getMessage());
        }

        // After the services, so that their first scrape finds them up (no "service down" alert at start).
        System.out.println("      starting Prometheus and Alertmanager");
        try {
            monitoring.add(StackMonitoring.start(
                    repository,
                    home,
                    infrastructure,
                    services.stream().map(ServiceProcess::service).toList(),
                    options.freePorts(),
                    System.getenv()));
        } catch (RuntimeException e) {
            fail(e.getMessage());
        }

        String demo = seedDemoData(services, secrets.admin());

        Duration ready = Duration.ofNanos(System.nanoTime() - started);
        System.out.println();
        System.out.printf("Ready in %.1f s.%n%n", ready.toMillis() / 1000.0);
        System.out.println(table(infrastructure, services, monitoring, home));
        System.out.println("Admin account: " + admin.email() + " / " + admin.password()
                + (admin.generated() ? "  (generated; set ADMIN_PASSWORD to choose it)" : "  (from ADMIN_PASSWORD)"));
        if (demo != null) {
            System.out.println("Demo data: " + demo);
        }
        System.out.println();
        System.out.println("Press Ctrl-C to stop everything.");
        // One machine-readable line for scripts and the end-to-end tests.
        System.out.println("READY gateway=" + services.getFirst().service().baseUrl() + " mailbox="
                + infrastructure.mail().mailboxUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /**
     * The demo product and drop once the catalog runs, and the admin account's watchlist once the alert service runs;
     * a failure is reported and the stack keeps running.
     */
    private static String seedDemoData(List<ServiceProcess> services, AdminCredentials admin) {
        boolean speedy = services.stream().anyMatch(s -> s.service().name().equals("catalog-service"));
        boolean tars = services.stream().anyMatch(s -> s.service().name().equals("alert-service"));
        if (!speedy && !tars) {
            return null;
        }
        System.out.println("      seeding demo data through the gateway");
        DemoData demo = new DemoData(services.getFirst().service().baseUrl());
        List<String> done = new ArrayList<>();
        if (speedy) {
            done.add(seeded(() -> demo.seed(admin)));
        }
        if (tars) {
            done.add(seeded(() -> demo.seedWatchlist(admin)));
        }
        return String.join("; ", done);
    }

    private interface Seeding {
        String run() throws Exception;
    }

    private static String seeded(Seeding seeding) {
        try {
            return seeding.run();
        } catch (Exception e) {
            return "not seeded (" + e.getMessage() + "); the services' logs say more";
        }
    }

    /** Starts every service at once (each waits on I/O most of its start) and waits until all are ready. */
    private static void startServices(List<ServiceProcess> services) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> starts = new ArrayList<>();
            for (ServiceProcess service : services) {
                starts.add(executor.submit(() -> {
                    long begin = System.nanoTime();
                    service.start();
                    service.awaitReady(SERVICE_READY_TIMEOUT);
                    System.out.printf(
                            "      %s ready in %.1f s%n", service.service().name(), (System.nanoTime() - begin) / 1e9);
                    return null;
                }));
            }
            for (Future<?> start : starts) {
                try {
                    start.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime
                            ? runtime
                            : new IllegalStateException(e.getCause());
                }
            }
        }
    }

    private static void stopAll(
            List<StackMonitoring> monitoring, List<ServiceProcess> services, Infrastructure infrastructure) {
        System.out.println("Stopping...");
        monitoring.forEach(StackMonitoring::close);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            services.forEach(service -> executor.submit(service::stop));
        }
        infrastructure.close();
        System.out.println("Stopped.");
    }

    private static String table(
            Infrastructure infrastructure, List<ServiceProcess> services, List<StackMonitoring> monitoring, Path home) {
        UrlTable table = new UrlTable();
        for (ServiceProcess process : services) {
            table.add(process.service().name(), process.service().baseUrl());
        }
        for (ManagedServer server : infrastructure.servers()) {
            for (ManagedServer.Endpoint endpoint : server.endpoints()) {
                table.add(endpoint.label(), endpoint.url());
            }
        }
        for (StackMonitoring running : monitoring) {
            running.endpoints().forEach(endpoint -> table.add(endpoint.getKey(), endpoint.getValue()));
        }
        for (ServiceProcess process : services) {
            StackService service = process.service();
            if (service.hasMetrics()) {
                table.add("metrics " + service.name(), service.metricsUrl());
            }
        }
        table.add("Logs", home.resolve("logs").toString());
        return table.toString();
    }

    /** A busy port usually means a stack that is still running: say so instead of a server's cryptic error. */
    private static void checkPortsFree(InfraSettings.Ports ports) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("PostgreSQL", ports.postgres());
        wanted.put("Redis", ports.redis());
        wanted.put("Kafka", ports.kafka());
        wanted.put("Kafka controller", ports.kafkaController());
        wanted.put("Kafka metrics", ports.kafkaMetrics());
        wanted.put("SMTP", ports.smtp());
        wanted.put("Mailbox", ports.mailbox());
        StackServices.present(Path.of("").toAbsolutePath())
                .forEach(name -> wanted.put(name, StackServices.PORTS.get(name)));
        wanted.putAll(StackServices.managementPorts(Path.of("").toAbsolutePath()));
        if (StackMonitoring.Binaries.find().complete()) {
            wanted.put("Prometheus", StackMonitoring.PROMETHEUS_PORT);
            wanted.put("Alertmanager", StackMonitoring.ALERTMANAGER_PORT);
        }
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
