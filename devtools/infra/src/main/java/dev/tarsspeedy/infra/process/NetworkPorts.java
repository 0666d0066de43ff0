package dev.tarsspeedy.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** Free ports and waiting for a port to accept connections. */
public final class NetworkPorts {

    public static final String LOOPBACK = "127.0.0.1";

    private NetworkPorts() {}

    /** Where {@link #freePort()} looks: above the documented fixed ports, below the kernel's ephemeral range. */
    private static final int FIRST_CHOSEN_PORT = 20_000;

    private static final int LAST_CHOSEN_PORT = ephemeralRangeStart() - 1;

    /** Ports this JVM handed out already: two servers of one test run never get the same one. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port that was free a moment ago, for a server that binds it a moment later (a child process, or a server
     * that must keep its port across restarts). It is chosen below the kernel's ephemeral port range: a port from
     * that range could be handed to another socket (an outgoing connection, a server on port 0) in between.
     */
    public static int freePort() {
        if (LAST_CHOSEN_PORT - FIRST_CHOSEN_PORT >= 1_000) {
            for (int attempt = 0; attempt < 500; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(FIRST_CHOSEN_PORT, LAST_CHOSEN_PORT + 1);
                if (HANDED_OUT.add(port) && canBind(port)) {
                    return port;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The first port of Linux's ephemeral range, 32768 by default (and elsewhere, where the file is missing). Read by
     * lines: procfs reports a size of 0, and a read sized by it can come back cut short.
     */
    private static int ephemeralRangeStart() {
        try {
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .getFirst()
                    .trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    /** {@code port} unless it is 0, then a free port. */
    public static int orFree(int port) {
        return port == 0 ? freePort() : port;
    }

    public static boolean isOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits until {@code host:port} accepts a connection.
     *
     * @param alive checked while waiting, so a server that died is reported at once instead of at the timeout
     * @throws IllegalStateException when the server died or the timeout passed
     */
    public static void awaitOpen(String what, String host, int port, Duration timeout, BooleanSupplier alive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isOpen(host, port)) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(what + " exited before it opened port " + port);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not open port " + port + " within " + timeout);
            }
            Sleep.millis(50);
        }
    }
}
