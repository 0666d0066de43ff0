package dev.tarsspeedy.infra.junit;

import static org.assertj.core.api.Assertions.assertThat;

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
        List<Long> pids = infrastructure.processes().stream()
                .map(ProcessHandle::pid)
                .sorted()
                .toList();
        assertThat(pids).as("server processes").isNotEmpty();

        firstSeen.compareAndSet(null, infrastructure);
        firstPids.compareAndSet(null, pids);
        assertThat(infrastructure).isSameAs(firstSeen.get());
        assertThat(pids).as("the same server processes in both classes").isEqualTo(firstPids.get());
    }
}
