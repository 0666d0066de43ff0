package dev.tarsspeedy.infra.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.tarsspeedy.infra.AbstractManagedServer;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.ManagedServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** What the two "shared servers" test classes saw, so that whichever runs second can compare. */
final class SharedServersRecorder {

    private static final AtomicReference<Infrastructure> firstSeen = new AtomicReference<>();
    private static final AtomicReference<List<Long>> firstPids = new AtomicReference<>();

    private SharedServersRecorder() {}

    static void checkStartedOnceAndShared(Infrastructure infrastructure) {
        for (ManagedServer server : infrastructure.servers()) {
            assertThat(server.isRunning()).as(server.name() + " running").isTrue();
            assertThat(((AbstractManagedServer) server).startCount())
                    .as(server.name() + " started once in this JVM")
                    .isEqualTo(1);
        }
        firstSeen.compareAndSet(null, infrastructure);
        assertThat(infrastructure).isSameAs(firstSeen.get());

        // Process ids exist only for the servers started here; external servers have none to compare.
        List<ManagedServer> withProcesses = infrastructure.servers().stream()
                .filter(server -> server != infrastructure.server(Infrastructure.Server.MAIL)) // runs in this JVM
                .filter(server -> !server.isExternal())
                .toList();
        assumeFalse(withProcesses.isEmpty(), "PostgreSQL, Redis and Kafka are all external: no processes to compare");
        for (ManagedServer server : withProcesses) {
            assertThat(server.processes()).as(server.name() + " processes").isNotEmpty();
        }
        List<Long> pids = infrastructure.processes().stream()
                .map(ProcessHandle::pid)
                .sorted()
                .toList();
        firstPids.compareAndSet(null, pids);
        assertThat(pids).as("the same server processes in both classes").isEqualTo(firstPids.get());
    }
}
