package dev.tarsspeedy.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.infra.Infrastructure.Server;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Also runs against an external server ({@code INFRA_POSTGRES_URL}) that outlives the run: every table and
 * database has a name of its own run and is dropped at the end, so the class can run again and again.
 */
@RealInfrastructure(Server.POSTGRES)
class PostgresServerIT {

    /** The version the local binaries provide; an external server may run any supported one. */
    private static final int LOCAL_MAJOR_VERSION = 18;

    private static final int OLDEST_SUPPORTED_MAJOR_VERSION = 17;

    private final String run =
            "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Test
    void roundTripsRowsThroughSql(PostgresServer postgres) throws SQLException {
        String database = postgres.createDatabase("round_trip");
        String table = "stock_" + run;
        try (Connection connection = postgres.connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute("create table " + table + " (code text primary key, name text not null, price numeric)");
            try {
                try (PreparedStatement insert =
                        connection.prepareStatement("insert into " + table + " values (?, ?, ?)")) {
                    insert.setString(1, "005930");
                    insert.setString(2, "삼성전자");
                    insert.setBigDecimal(3, new BigDecimal("71200.00"));
                    insert.executeUpdate();
                }
                try (ResultSet row =
                        statement.executeQuery("select name, price from " + table + " where code = '005930'")) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("name")).isEqualTo("삼성전자");
                    assertThat(row.getBigDecimal("price")).isEqualByComparingTo("71200");
                }
            } finally {
                statement.execute("drop table " + table);
            }
        }
    }

    @Test
    void runsASupportedMajorVersion(PostgresServer postgres) throws SQLException {
        try (Connection connection = postgres.connect(postgres.database());
                ResultSet version = connection.createStatement().executeQuery("show server_version_num")) {
            assertThat(version.next()).isTrue();
            int major = version.getInt(1) / 10000;
            assertThat(major).isGreaterThanOrEqualTo(OLDEST_SUPPORTED_MAJOR_VERSION);
            if (!postgres.isExternal()) {
                assertThat(major).isEqualTo(LOCAL_MAJOR_VERSION);
            }
        }
    }

    @Test
    void createsEachDatabaseOnceAndKeepsThemApart(PostgresServer postgres) throws SQLException {
        String orders = "orders_" + run;
        String payments = "payments_" + run;
        assertThat(databaseExists(postgres, orders)).isFalse();
        try {
            assertThat(postgres.createDatabase(orders)).isEqualTo(orders);
            assertThat(postgres.createDatabase(orders)).isEqualTo(orders);
            assertThat(databaseExists(postgres, orders)).isTrue();
            postgres.createDatabase(payments);
            try (Connection connection = postgres.connect(orders)) {
                connection.createStatement().execute("create table only_in_orders (id int)");
            }
            try (Connection connection = postgres.connect(payments)) {
                assertThatThrownBy(() -> connection.createStatement().executeQuery("select * from only_in_orders"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("only_in_orders");
            }
        } finally {
            dropDatabase(postgres, orders);
            dropDatabase(postgres, payments);
        }
    }

    @Test
    void refusesNamesThatAreNotPlainIdentifiers(PostgresServer postgres) {
        assertThatThrownBy(() -> postgres.createDatabase("x; drop database postgres"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean databaseExists(PostgresServer postgres, String name) throws SQLException {
        try (Connection connection = postgres.connect(postgres.database());
                PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void dropDatabase(PostgresServer postgres, String name) throws SQLException {
        try (Connection connection = postgres.connect(postgres.database());
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name);
        }
    }
}
