package dev.tarsspeedy.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsProcessesTest {

    @TempDir
    Path folder;

    @Test
    void findsALiveProcessFromItsPidFileOnlyWhenItRunsTheExpectedProgram() throws IOException {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            Path pidFile = Files.writeString(folder.resolve("server.pid"), sleeper.pid() + "\nrest is ignored\n");

            assertThat(OsProcesses.fromPidFile(pidFile, "sleep"))
                    .map(ProcessHandle::pid)
                    .contains(sleeper.pid());
            // A recycled pid that now runs another program is not ours to stop.
            assertThat(OsProcesses.fromPidFile(pidFile, "postgres")).isEmpty();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void ignoresMissingGarbledAndDeadPidFiles() throws Exception {
        assertThat(OsProcesses.fromPidFile(folder.resolve("missing.pid"), "sleep"))
                .isEmpty();
        assertThat(OsProcesses.fromPidFile(Files.writeString(folder.resolve("garbled.pid"), "abc"), "sleep"))
                .isEmpty();
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        assertThat(OsProcesses.fromPidFile(Files.writeString(folder.resolve("dead.pid"), "" + ended.pid()), "true"))
                .isEmpty();
    }

    @Test
    void terminateEndsTheProcessAndItsChildren() throws IOException {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 60 & sleep 60 & wait").start();
        Sleep.millis(200);
        var tree = OsProcesses.withDescendants(shell.toHandle());
        assertThat(tree).hasSizeGreaterThanOrEqualTo(3);

        // The shell leaves its children running on SIGTERM: they are killed once the grace period is over.
        OsProcesses.terminate(shell.toHandle(), Duration.ofSeconds(1));

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }
}
