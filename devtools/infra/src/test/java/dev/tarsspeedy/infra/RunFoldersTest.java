package dev.tarsspeedy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.infra.process.FolderOwner;
import dev.tarsspeedy.infra.process.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run folders record their owner; the folders of owners that are gone are swept, the others never touched. */
class RunFoldersTest {

    @TempDir
    Path home;

    private Process leftover;

    @AfterEach
    void stopLeftover() {
        if (leftover != null) {
            leftover.destroyForcibly();
        }
    }

    @Test
    void claimingMakesAnEmptyFolderOwnedByThisJvm() throws IOException {
        Path run = home.resolve("run-1");
        Files.createDirectories(run.resolve("postgres"));
        Files.writeString(run.resolve("postgres").resolve("stale.txt"), "from an earlier run");

        RunFolders.claimFresh(run);

        assertThat(run.resolve("postgres")).doesNotExist();
        FolderOwner owner = FolderOwner.of(run).orElseThrow();
        assertThat(owner.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(owner.started()).isEqualTo(ProcessHandle.current().info().startInstant());
        assertThat(owner.isAlive()).isTrue();
    }

    @Test
    void sweepsTheFolderOfAGoneOwnerAfterStoppingTheServerItLeftRunning() throws Exception {
        Path orphan = home.resolve("run-orphan");
        leftover = fakeServer(orphan.resolve("redis"), "redis-server", "redis.pid");
        goneOwner().writeTo(orphan);

        RunFolders.claimFresh(home.resolve("run-new"));

        assertThat(leftover.waitFor(15, TimeUnit.SECONDS))
                .as("the leftover server was stopped")
                .isTrue();
        assertThat(orphan).doesNotExist();
        assertThat(home.resolve("run-new")).isDirectory();
    }

    @Test
    void aRecycledPidDoesNotKeepAFolderAlive() {
        Path orphan = Folders.create(home.resolve("run-recycled"));
        // This JVM's pid, but a start time an hour before it: the owner that wrote this was another process.
        Instant earlier =
                ProcessHandle.current().info().startInstant().orElseThrow().minus(Duration.ofHours(1));
        new FolderOwner(ProcessHandle.current().pid(), Optional.of(earlier)).writeTo(orphan);

        assertThat(RunFolders.sweepOrphans(home, home.resolve("unused"))).containsExactly(orphan);
        assertThat(orphan).doesNotExist();
    }

    @Test
    void neverTouchesAFolderWhoseOwnerIsAliveOrUnknown() throws Exception {
        Path otherJvms = home.resolve("run-alive");
        leftover = fakeServer(otherJvms.resolve("redis"), "redis-server", "redis.pid");
        ProcessHandle aliveOwner = leftover.toHandle();
        new FolderOwner(aliveOwner.pid(), aliveOwner.info().startInstant()).writeTo(otherJvms);
        Path unknown = Folders.create(home.resolve("run-unknown"));
        Path mine = home.resolve("run-mine");
        RunFolders.claimFresh(mine);
        Path garbled = Folders.create(home.resolve("run-garbled"));
        Files.writeString(garbled.resolve(FolderOwner.FILE_NAME), "pid=not-a-number\n");

        assertThat(RunFolders.sweepOrphans(home, home.resolve("unused"))).isEmpty();

        assertThat(leftover.isAlive()).isTrue();
        assertThat(otherJvms.resolve("redis").resolve("redis.pid")).exists();
        assertThat(unknown).isDirectory();
        assertThat(FolderOwner.of(mine)).contains(FolderOwner.current());
        assertThat(garbled).isDirectory();
    }

    @Test
    void leavesTheFolderItWasAskedToSpare() {
        Path spared = Folders.create(home.resolve("run-spared"));
        goneOwner().writeTo(spared);

        assertThat(RunFolders.sweepOrphans(home, spared)).isEmpty();
        assertThat(spared).isDirectory();
    }

    /** An owner that has ended: a short-lived process, waited for. */
    private static FolderOwner goneOwner() {
        try {
            Process ended = new ProcessBuilder("true").start();
            Optional<Instant> started = ended.toHandle().info().startInstant();
            ended.waitFor();
            return new FolderOwner(ended.pid(), started.or(() -> Optional.of(Instant.now())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A {@code sleep} copied under a server's executable name, with the pid file that server would write. */
    private static Process fakeServer(Path folder, String executableName, String pidFile) throws IOException {
        Files.createDirectories(folder);
        Path executable =
                Files.copy(Path.of("/bin/sleep"), folder.resolve(executableName), StandardCopyOption.COPY_ATTRIBUTES);
        Process process = new ProcessBuilder(executable.toString(), "600").start();
        Files.writeString(folder.resolve(pidFile), process.pid() + "\n");
        return process;
    }
}
