package dev.tarsspeedy.infra;

import dev.tarsspeedy.infra.kafka.KafkaServer;
import dev.tarsspeedy.infra.mail.MailServer;
import dev.tarsspeedy.infra.postgres.PostgresServer;
import dev.tarsspeedy.infra.process.Folders;
import dev.tarsspeedy.infra.redis.RedisServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's real infrastructure: PostgreSQL, Redis, a Kafka broker and an SMTP server with an HTTP
 * mailbox. Each server starts on first use (or all at once, in parallel, with {@link #start}) and everything
 * stops on {@link #close()} or when the JVM exits, including on Ctrl-C.
 *
 * <p>Tests use {@link #shared()}: one set of servers per JVM, started once, whatever the number of test classes.
 */
public final class Infrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);
    private static Infrastructure shared;

    /** The servers, in start order. */
    public enum Server {
        POSTGRES,
        REDIS,
        KAFKA,
        MAIL
    }

    private final InfraSettings settings;
    private final PostgresServer postgres;
    private final RedisServer redis;
    private final KafkaServer kafka;
    private final MailServer mail;
    private final Thread shutdownHook;
    private boolean closed;

    private Infrastructure(InfraSettings settings) {
        this.settings = settings;
        if (settings.keepData()) {
            Folders.create(settings.dataDirectory());
        } else {
            // A throw-away run: a fresh folder owned by this JVM, and the folders of killed runs swept away.
            RunFolders.claimFresh(settings.dataDirectory());
        }
        this.postgres = new PostgresServer(settings);
        this.redis = new RedisServer(settings);
        this.kafka = new KafkaServer(settings);
        this.mail = new MailServer(settings);
        this.shutdownHook = new Thread(this::close, "infrastructure-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A new, independent set of servers; the caller closes it. */
    public static Infrastructure create(InfraSettings settings) {
        return new Infrastructure(settings);
    }

    /** The JVM-wide set of servers for tests ({@link InfraSettings#forTests()}), stopped when the JVM exits. */
    public static synchronized Infrastructure shared() {
        if (shared == null || shared.isClosed()) {
            shared = new Infrastructure(InfraSettings.forTests());
        }
        return shared;
    }

    /**
     * Leaves stopping to the caller's own shutdown hook, for callers that must stop other things first (the
     * local stack stops its services before the servers they use).
     */
    public Infrastructure withoutShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        return this;
    }

    public InfraSettings settings() {
        return settings;
    }

    public Path dataDirectory() {
        return settings.dataDirectory();
    }

    /** PostgreSQL, started if it is not running. */
    public PostgresServer postgres() {
        return started(postgres);
    }

    /** Redis, started if it is not running. */
    public RedisServer redis() {
        return started(redis);
    }

    /** The Kafka broker, started if it is not running. */
    public KafkaServer kafka() {
        return started(kafka);
    }

    /** The SMTP server and its mailbox, started if they are not running. */
    public MailServer mail() {
        return started(mail);
    }

    public ManagedServer server(Server server) {
        return switch (server) {
            case POSTGRES -> postgres;
            case REDIS -> redis;
            case KAFKA -> kafka;
            case MAIL -> mail;
        };
    }

    /** Every server, whether running or not, in start order. */
    public List<ManagedServer> servers() {
        return List.of(postgres, redis, kafka, mail);
    }

    /** Starts the given servers in parallel and returns once all of them accept clients. */
    public Infrastructure start(Collection<Server> servers) {
        ensureOpen();
        Set<Server> wanted = servers.isEmpty() ? EnumSet.noneOf(Server.class) : EnumSet.copyOf(servers);
        List<Throwable> failures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<Server, Future<?>> starts = wanted.stream()
                    .collect(Collectors.toMap(
                            s -> s, s -> executor.submit(() -> server(s).start())));
            for (Future<?> start : starts.values()) {
                try {
                    start.get();
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add(e);
                }
            }
        }
        if (!failures.isEmpty()) {
            // What did start is stopped again: a failed start leaves no server (or its threads) behind.
            for (Server server : wanted) {
                try {
                    server(server).stop();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
            IllegalStateException failure = new IllegalStateException(
                    "infrastructure failed to start (data and logs: " + dataDirectory() + "): "
                            + failures.getFirst().getMessage(),
                    failures.getFirst());
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
        return this;
    }

    public Infrastructure startAll() {
        return start(EnumSet.allOf(Server.class));
    }

    /** The processes every running server owns right now. */
    public List<ProcessHandle> processes() {
        return servers().stream().flatMap(s -> s.processes().stream()).toList();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Stops every server, newest first, and removes the data folder unless the settings keep data. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ManagedServer> reversed = new ArrayList<>(servers()).reversed();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            reversed.forEach(server -> executor.submit(server::stop));
        }
        if (!settings.keepData()) {
            try {
                Folders.deleteRecursively(settings.dataDirectory());
            } catch (RuntimeException e) {
                log.warn("could not remove {}: {}", settings.dataDirectory(), e.toString());
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: this very hook may be what runs close()
        }
    }

    private <T extends ManagedServer> T started(T server) {
        ensureOpen();
        server.start();
        return server;
    }

    private void ensureOpen() {
        if (isClosed()) {
            throw new IllegalStateException("infrastructure was closed");
        }
    }
}
