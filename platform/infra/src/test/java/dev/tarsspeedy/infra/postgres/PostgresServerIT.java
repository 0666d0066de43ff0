package dev.tarsspeedy.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.infra.Infrastructure.Server;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@RealInfrastructure(Server.POSTGRES)
class PostgresServerIT {

    @Test
    void roundTripsRowsThroughSql(PostgresServer postgres) throws SQLException {
        String database = postgres.createDatabase("round_trip");
        try (Connection connection = postgres.connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute("create table stock (code text primary key, name text not null, price numeric)");
            try (PreparedStatement insert = connection.prepareStatement("insert into stock values (?, ?, ?)")) {
                insert.setString(1, "005930");
                insert.setString(2, "삼성전자");
                insert.setBigDecimal(3, new java.math.BigDecimal("71200.00"));
                insert.executeUpdate();
            }
            try (ResultSet row = statement.executeQuery("select name, price from stock where code = '005930'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("name")).isEqualTo("삼성전자");
                assertThat(row.getBigDecimal("price")).isEqualByComparingTo("71200");
            }
        }
    }

    @Test
    void runsTheConfiguredMajorVersion(PostgresServer postgres) throws SQLException {
        try (Connection connection = postgres.connect(postgres.database());
                ResultSet version = connection.createStatement().executeQuery("show server_version_num")) {
            assertThat(version.next()).isTrue();
            assertThat(version.getInt(1) / 10000).isEqualTo(18);
        }
    }

    @Test
    void createsEachDatabaseOnceAndKeepsThemApart(PostgresServer postgres) throws SQLException {
        assertThat(postgres.createDatabase("orders")).isEqualTo("orders");
        assertThat(postgres.createDatabase("orders")).isEqualTo("orders");
        postgres.createDatabase("payments");
        try (Connection orders = postgres.connect("orders")) {
            orders.createStatement().execute("create table only_in_orders (id int)");
        }
        try (Connection payments = postgres.connect("payments")) {
            assertThatThrownBy(() -> payments.createStatement().executeQuery("select * from only_in_orders"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("only_in_orders");
        }
    }

    @Test
    void refusesNamesThatAreNotPlainIdentifiers(PostgresServer postgres) {
        assertThatThrownBy(() -> postgres.createDatabase("x; drop database postgres"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
