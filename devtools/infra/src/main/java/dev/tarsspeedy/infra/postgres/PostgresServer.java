package dev.tarsspeedy.infra.postgres;

import dev.tarsspeedy.infra.AbstractManagedServer;
import dev.tarsspeedy.infra.InfraSettings;
import dev.tarsspeedy.infra.process.Folders;
import dev.tarsspeedy.infra.process.OsProcesses;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from the zonky binaries (only linux-amd64 by default), or an external one from
 * {@code INFRA_POSTGRES_URL}. Every service gets a database of its own through {@link #createDatabase}.
 */
public final class PostgresServer extends AbstractManagedServer {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Path dataDirectory;
    private final Path logFile;
    private EmbeddedPostgres postgres;
    private String host = "127.0.0.1";
    private int port;
    private String username = "postgres";
    private String password = "";
    private String database = "postgres";

    public PostgresServer(InfraSettings settings) {
        super("postgres", settings);
        this.dataDirectory = settings.dataDirectory().resolve("postgres");
        this.logFile = settings.dataDirectory().resolve("logs").resolve("postgres.log");
        this.port = settings.ports().postgres();
        settings.external().postgres().ifPresent(this::useExternal);
    }

    @Override
    public boolean isExternal() {
        return settings.external().postgres().isPresent();
    }

    @Override
    protected void startServer() throws Exception {
        Folders.create(logFile.getParent());
        // A run that was killed leaves its postmaster running on this data folder; it would block the start.
        stopLeftover(settings.dataDirectory());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                // Data are removed by Infrastructure when the run ends, not by zonky on every restart.
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", host);
        if (!settings.keepData()) {
            // Throw-away test data: durability buys nothing and costs seconds per suite.
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        postgres = builder.start();
        port = postgres.getPort();
    }

    /**
     * Stops a postmaster that a killed run left on its data folder in {@code runFolder}, found through the
     * {@code postmaster.pid} file PostgreSQL keeps there.
     */
    public static void stopLeftover(Path runFolder) {
        OsProcesses.stopLeftover(runFolder.resolve("postgres").resolve("postmaster.pid"), "postgres", STOP_GRACE);
    }

    @Override
    protected void stopServer() throws Exception {
        List<ProcessHandle> tree = processes();
        try {
            postgres.close();
        } finally {
            postgres = null;
            tree.forEach(handle -> OsProcesses.terminate(handle, STOP_GRACE));
        }
    }

    @Override
    protected void checkExternal() throws SQLException {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl(), username, password)) {
            // connecting is the check
        } catch (SQLException e) {
            throw new SQLException(
                    "external PostgreSQL at " + jdbcUrl() + " (INFRA_POSTGRES_URL) does not answer: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint("PostgreSQL", "postgresql://" + host + ":" + port + "/" + database));
    }

    @Override
    public List<ProcessHandle> processes() {
        return OsProcesses.fromPidFile(dataDirectory.resolve("postmaster.pid"), "postgres")
                .map(OsProcesses::withDescendants)
                .orElse(List.of());
    }

    public String host() {
        return host;
    }

    public int port() {
        requireRunning();
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The default database ({@code postgres} when started here). */
    public String database() {
        return database;
    }

    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    public String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + databaseName;
    }

    public String r2dbcUrl(String databaseName) {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + databaseName;
    }

    /** Opens a JDBC connection to a database on this server. */
    public Connection connect(String databaseName) throws SQLException {
        requireRunning();
        return DriverManager.getConnection(jdbcUrl(databaseName), username, password);
    }

    /** Creates a database unless it exists; returns its name. Each service owns one database. */
    public String createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            try (ResultSet exists =
                    statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (exists.next()) {
                    return name;
                }
            }
            statement.execute("create database " + name);
            return name;
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) { // created meanwhile by another caller
                return name;
            }
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    private void useExternal(URI uri) {
        host = Optional.ofNullable(uri.getHost()).orElse("localhost");
        port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String path = Optional.ofNullable(uri.getPath()).orElse("").replaceFirst("^/", "");
        database = path.isEmpty() ? "postgres" : path;
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = colon < 0 ? userInfo : userInfo.substring(0, colon);
            password = colon < 0 ? "" : userInfo.substring(colon + 1);
        }
    }
}
