package dev.tarsspeedy.infra.redis;

import dev.tarsspeedy.infra.AbstractManagedServer;
import dev.tarsspeedy.infra.InfraSettings;
import dev.tarsspeedy.infra.process.BinaryCache;
import dev.tarsspeedy.infra.process.Folders;
import dev.tarsspeedy.infra.process.NetworkPorts;
import dev.tarsspeedy.infra.process.OsProcesses;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real redis-server (the Linux x86-64 binary shipped in {@code com.github.codemonstur:embedded-redis}), or an
 * external one from {@code INFRA_REDIS_URL}.
 */
public final class RedisServer extends AbstractManagedServer {

    private static final String BINARY_RESOURCE = "/redis-server-6.2.6-v5-linux-amd64";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final String PID_FILE = "redis.pid";

    private final Path dataDirectory;
    private final Path logFile;
    private String host = NetworkPorts.LOOPBACK;
    private int port;
    private Optional<String> password = Optional.empty();
    private Process process;

    public RedisServer(InfraSettings settings) {
        super("redis", settings);
        this.dataDirectory = settings.dataDirectory().resolve("redis");
        this.logFile = settings.dataDirectory().resolve("logs").resolve("redis.log");
        this.port = settings.ports().redis();
        settings.external().redis().ifPresent(this::useExternal);
    }

    @Override
    public boolean isExternal() {
        return settings.external().redis().isPresent();
    }

    @Override
    protected void startServer() throws IOException {
        Folders.create(dataDirectory);
        Folders.create(logFile.getParent());
        Path pidFile = dataDirectory.resolve(PID_FILE);
        stopLeftover(settings.dataDirectory());
        port = NetworkPorts.orFree(port);
        Path binary = BinaryCache.extract(RedisServer.class, BINARY_RESOURCE, "redis-server", true);
        Path config = dataDirectory.resolve("redis.conf");
        Files.writeString(config, configuration(pidFile), StandardCharsets.UTF_8);
        process = new ProcessBuilder(binary.toString(), config.toString())
                .directory(dataDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            NetworkPorts.awaitOpen("redis-server (log: " + logFile + ")", host, port, START_TIMEOUT, process::isAlive);
            ping();
        } catch (RuntimeException | IOException e) {
            OsProcesses.terminate(process.toHandle(), STOP_GRACE);
            throw e;
        }
    }

    private String configuration(Path pidFile) {
        StringBuilder config = new StringBuilder()
                .append("bind ")
                .append(host)
                .append('\n')
                .append("port ")
                .append(port)
                .append('\n')
                .append("daemonize no\n")
                .append("pidfile \"")
                .append(pidFile)
                .append("\"\n")
                .append("dir \"")
                .append(dataDirectory)
                .append("\"\n")
                .append("logfile \"\"\n")
                // redis-server rewrites its command line; keep the configuration file (so the data folder) in it.
                .append("proc-title-template \"{title} {listen-addr} {config-file}\"\n")
                .append("databases 16\n");
        if (settings.keepData()) {
            // The local stack keeps reservations and caches across restarts, like production would.
            config.append("appendonly yes\nappendfsync everysec\nsave 60 1000\n");
        } else {
            config.append("appendonly no\nsave \"\"\n");
        }
        return config.toString();
    }

    /** Stops a redis-server that a killed run left on its data folder in {@code runFolder}, by its pid file. */
    public static void stopLeftover(Path runFolder) {
        OsProcesses.stopLeftover(runFolder.resolve("redis").resolve(PID_FILE), "redis-server", STOP_GRACE);
    }

    @Override
    protected void stopServer() {
        Process current = process;
        process = null;
        if (current != null) {
            OsProcesses.terminate(current.toHandle(), STOP_GRACE);
        }
    }

    @Override
    protected void checkExternal() throws IOException {
        try {
            ping();
        } catch (IOException e) {
            throw new IOException(
                    "external Redis at " + host + ":" + port + " (INFRA_REDIS_URL) does not answer: " + e.getMessage(),
                    e);
        }
    }

    /** A PING over the wire protocol: proves the server answers commands, not just that the port is open. */
    private void ping() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            if (password.isPresent()) {
                out.write(("AUTH " + password.get() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write("PING\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readNBytes(password.isPresent() ? 12 : 7), StandardCharsets.UTF_8);
            if (!reply.endsWith("+PONG\r\n")) {
                throw new IOException("unexpected reply to PING: " + reply.strip());
            }
        }
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint("Redis", uri()));
    }

    @Override
    public List<ProcessHandle> processes() {
        Process current = process;
        return current == null ? List.of() : OsProcesses.withDescendants(current.toHandle());
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Optional<String> password() {
        return password;
    }

    /** {@code redis://host:port}, the form Spring Data Redis and Lettuce accept. */
    public String uri() {
        return "redis://" + password.map(p -> ":" + p + "@").orElse("") + host + ":" + port;
    }

    private void useExternal(URI uri) {
        host = Optional.ofNullable(uri.getHost()).orElse("localhost");
        port = uri.getPort() > 0 ? uri.getPort() : 6379;
        String userInfo = uri.getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            password = Optional.of(userInfo.substring(userInfo.indexOf(':') + 1));
        }
    }
}
