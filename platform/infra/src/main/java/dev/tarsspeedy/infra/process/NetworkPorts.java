package dev.tarsspeedy.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Free ports and waiting for a port to accept connections. */
public final class NetworkPorts {

    public static final String LOOPBACK = "127.0.0.1";

    private NetworkPorts() {}

    /** A port that was free a moment ago; the caller binds it right away. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
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
