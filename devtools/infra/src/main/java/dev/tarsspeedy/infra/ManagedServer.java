package dev.tarsspeedy.infra;

import java.util.List;

/**
 * A server the platform needs (PostgreSQL, Redis, Kafka, SMTP). Either started here from Maven artifacts, or
 * an external server named by configuration, in which case {@link #start()} only checks that it answers and
 * {@link #stop()} leaves it alone.
 */
public interface ManagedServer {

    /** A short lower-case name: {@code postgres}, {@code redis}, {@code kafka}, {@code mail}. */
    String name();

    /** True when configuration points this server at one that runs elsewhere. */
    boolean isExternal();

    /** Starts the server, or does nothing when it runs; returns once it accepts clients. */
    void start();

    /** Stops the server gracefully and waits for its processes to end; does nothing when it is stopped. */
    void stop();

    boolean isRunning();

    /** Where clients reach it, for humans: label and URL, in a stable order. */
    List<Endpoint> endpoints();

    /** The operating-system processes this server runs right now (empty for in-process or external ones). */
    List<ProcessHandle> processes();

    record Endpoint(String label, String url) {}
}
