package dev.tarsspeedy.infra;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Start/stop bookkeeping shared by every server: idempotence, thread safety, external mode, timing. */
public abstract class AbstractManagedServer implements ManagedServer {

    protected final Logger log = LoggerFactory.getLogger(getClass());
    protected final InfraSettings settings;
    private final String name;
    private volatile boolean running;
    private final AtomicInteger starts = new AtomicInteger();

    protected AbstractManagedServer(String name, InfraSettings settings) {
        this.name = name;
        this.settings = settings;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final synchronized void start() {
        if (running) {
            return;
        }
        long started = System.nanoTime();
        try {
            if (isExternal()) {
                checkExternal();
            } else {
                startServer();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed to start: " + e.getMessage(), e);
        }
        running = true;
        starts.incrementAndGet();
        log.info(
                "{} {} in {} ms: {}",
                name,
                isExternal() ? "(external) reachable" : "ready",
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                endpoints().stream().map(Endpoint::url).toList());
    }

    @Override
    public final synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (isExternal()) {
            return;
        }
        try {
            stopServer();
            log.info("{} stopped", name);
        } catch (Exception e) {
            log.warn("{} did not stop cleanly: {}", name, e.toString());
        }
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    /** How often this server was started (or, when external, found reachable) in this JVM. */
    public final int startCount() {
        return starts.get();
    }

    @Override
    public List<ProcessHandle> processes() {
        return List.of();
    }

    protected void requireRunning() {
        if (!running) {
            throw new IllegalStateException(name + " is not running: call start() first");
        }
    }

    /** Starts the local server and returns once it accepts clients. */
    protected abstract void startServer() throws Exception;

    protected abstract void stopServer() throws Exception;

    /** Checks that the configured external server answers; throws with a helpful message if not. */
    protected abstract void checkExternal() throws Exception;
}
