package dev.tarsspeedy.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Runs the infrastructure on its own until Ctrl-C or SIGTERM, then stops every server.
 *
 * <pre>
 * java -cp ... dev.tarsspeedy.infra.InfrastructureMain [--data DIR] [--keep-data] [--fixed-ports]
 * </pre>
 *
 * Prints the endpoints, then a line {@code READY pids=...} naming every server process, so scripts and tests
 * know when it is up and what it runs.
 */
public final class InfrastructureMain {

    private InfrastructureMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of("target", "infra", "standalone");
        boolean keepData = false;
        boolean fixedPorts = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--keep-data" -> keepData = true;
                case "--fixed-ports" -> fixedPorts = true;
                default -> {
                    System.err.println("unknown argument " + args[i]
                            + "; usage: InfrastructureMain [--data DIR] [--keep-data] [--fixed-ports]");
                    System.exit(2);
                }
            }
        }
        InfraSettings settings = new InfraSettings(
                data,
                keepData,
                fixedPorts ? InfraSettings.Ports.localStack() : InfraSettings.Ports.free(),
                InfraSettings.ExternalServers.fromEnvironment());
        // Infrastructure registers a shutdown hook: Ctrl-C and SIGTERM stop every server before the JVM exits.
        Infrastructure infrastructure = Infrastructure.create(settings).startAll();
        for (ManagedServer server : infrastructure.servers()) {
            for (ManagedServer.Endpoint endpoint : server.endpoints()) {
                System.out.printf("%-12s %s%n", endpoint.label(), endpoint.url());
            }
        }
        System.out.println("READY pids="
                + infrastructure.processes().stream()
                        .map(p -> Long.toString(p.pid()))
                        .collect(Collectors.joining(",")));
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
