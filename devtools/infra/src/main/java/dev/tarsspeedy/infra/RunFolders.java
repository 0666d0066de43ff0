package dev.tarsspeedy.infra;

import dev.tarsspeedy.infra.kafka.KafkaServer;
import dev.tarsspeedy.infra.postgres.PostgresServer;
import dev.tarsspeedy.infra.process.FolderOwner;
import dev.tarsspeedy.infra.process.Folders;
import dev.tarsspeedy.infra.redis.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throw-away run folders under one home ({@code target/infra}): each records the JVM that owns it. A JVM killed
 * outright leaves its folder, and PostgreSQL and Redis running on it; the next run under the same home stops
 * those servers and removes the folder. A folder whose owner is alive, or that names no owner, is never touched.
 */
final class RunFolders {

    private static final Logger log = LoggerFactory.getLogger(RunFolders.class);

    /** Claiming and sweeping happen under this lock file, so no run sweeps a folder another is claiming. */
    static final String LOCK_FILE = ".lock";

    private RunFolders() {}

    /** Sweeps the orphaned siblings of {@code folder}, then makes it an empty folder owned by this JVM. */
    static void claimFresh(Path folder) {
        Path home = folder.getParent();
        if (home == null) {
            throw new IllegalArgumentException("a run folder needs a parent folder: " + folder);
        }
        Folders.create(home);
        // The file lock keeps other JVMs out; it cannot be taken twice in one JVM, hence the monitor too.
        synchronized (RunFolders.class) {
            try (FileChannel lockFile = FileChannel.open(
                            home.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                sweepOrphans(home, folder);
                Folders.deleteRecursively(folder);
                Folders.create(folder);
                FolderOwner.current().writeTo(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + home.resolve(LOCK_FILE), e);
            }
        }
    }

    /**
     * Stops the servers left in every folder under {@code home} (but {@code except}) whose owner is gone, then
     * removes the folder; returns the folders removed.
     */
    static List<Path> sweepOrphans(Path home, Path except) {
        List<Path> swept = new ArrayList<>();
        List<Path> folders;
        try (Stream<Path> children = Files.list(home)) {
            folders = children.filter(Files::isDirectory)
                    .filter(folder -> !folder.equals(except))
                    .toList();
        } catch (IOException e) {
            log.warn("cannot list {} to remove folders of runs that were killed: {}", home, e.toString());
            return swept;
        }
        for (Path folder : folders) {
            Optional<FolderOwner> owner = FolderOwner.of(folder);
            if (owner.isEmpty() || owner.get().isAlive()) {
                continue;
            }
            log.warn(
                    "{} belongs to process {}, which is gone: stopping its servers and removing it",
                    folder,
                    owner.get().pid());
            try {
                PostgresServer.stopLeftover(folder);
                RedisServer.stopLeftover(folder);
                KafkaServer.stopLeftover(folder);
                removeKeepingOwnerToTheEnd(folder);
                swept.add(folder);
            } catch (RuntimeException e) {
                log.warn("could not clean up {}: {}", folder, e.toString());
            }
        }
        return swept;
    }

    /** Should removal fail halfway, the owner file is still there and a later run tries again. */
    private static void removeKeepingOwnerToTheEnd(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            children.filter(child -> !child.getFileName().toString().equals(FolderOwner.FILE_NAME))
                    .forEach(Folders::deleteRecursively);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        Folders.deleteRecursively(folder);
    }
}
