package dev.tarsspeedy.infra.process;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The process that owns a data folder, recorded in the folder as {@value #FILE_NAME}: its pid and its start
 * time. The start time tells a live owner from an unrelated process that was given the same pid later.
 *
 * @param pid the owner's process id
 * @param started when the owner started, if the operating system reports it
 */
public record FolderOwner(long pid, Optional<Instant> started) {

    public static final String FILE_NAME = "owner.properties";

    /**
     * Start times are read from the operating system in clock ticks; two readings of the same process agree, but
     * a little slack costs nothing: an owner mistaken for alive only leaves a folder for later.
     */
    private static final Duration SAME_START = Duration.ofSeconds(1);

    /** This JVM. */
    public static FolderOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new FolderOwner(self.pid(), self.info().startInstant());
    }

    /** The recorded owner of {@code folder}; empty when the folder has no readable owner file. */
    public static Optional<FolderOwner> of(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            long pid = Long.parseLong(properties.getProperty("pid", "").trim());
            Optional<Instant> started = Optional.ofNullable(properties.getProperty("started"))
                    .map(String::trim)
                    .filter(value -> !value.isEmpty())
                    .map(Instant::parse);
            return Optional.of(new FolderOwner(pid, started));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Records this owner in {@code folder}, replacing the file in one step so no reader sees half of it. */
    public void writeTo(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        Path partial = folder.resolve(FILE_NAME + ".partial");
        String text = "# The process that owns this folder; when it is gone, the next test run removes the folder.\n"
                + "pid=" + pid + "\n"
                + started.map(instant -> "started=" + instant + "\n").orElse("");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the owner of " + folder, e);
        }
    }

    /**
     * True while the owner runs: its pid is alive and, when both start times are known, the process with that pid
     * started when the owner did. Unknown start times count as alive, so a folder is never taken from its owner.
     */
    public boolean isAlive() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(handle -> started.isEmpty()
                        || handle.info()
                                .startInstant()
                                .map(actual -> Duration.between(started.get(), actual)
                                                .abs()
                                                .compareTo(SAME_START)
                                        <= 0)
                                .orElse(true))
                .orElse(false);
    }
}
