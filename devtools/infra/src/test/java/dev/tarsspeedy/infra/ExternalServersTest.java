package dev.tarsspeedy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.infra.kafka.KafkaServer;
import dev.tarsspeedy.infra.postgres.PostgresServer;
import dev.tarsspeedy.infra.redis.RedisServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pointing the servers at external ones by configuration. */
class ExternalServersTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty("infra.postgres.url");
        System.clearProperty("infra.kafka.bootstrap.servers");
    }

    @Test
    void readsExternalServersFromSystemPropertiesBeforeTheEnvironment() {
        System.setProperty("infra.postgres.url", "postgresql://app:secret@db.internal:6543/platform");
        System.setProperty("infra.kafka.bootstrap.servers", " kafka-1:9092,kafka-2:9092 ");

        InfraSettings.ExternalServers external = InfraSettings.ExternalServers.fromEnvironment();

        assertThat(external.postgres()).contains(URI.create("postgresql://app:secret@db.internal:6543/platform"));
        assertThat(external.kafkaBootstrapServers()).contains("kafka-1:9092,kafka-2:9092");
    }

    @Test
    void externalPostgresTakesHostPortCredentialsAndDatabaseFromItsUrl() {
        PostgresServer postgres = new PostgresServer(settings(new InfraSettings.ExternalServers(
                Optional.of(URI.create("postgresql://app:s3cret@db.internal:6543/platform")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty())));

        assertThat(postgres.isExternal()).isTrue();
        assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/platform");
        assertThat(postgres.r2dbcUrl("orders")).isEqualTo("r2dbc:postgresql://db.internal:6543/orders");
        assertThat(postgres.username()).isEqualTo("app");
        assertThat(postgres.password()).isEqualTo("s3cret");
        assertThat(postgres.processes()).isEmpty();
    }

    @Test
    void externalRedisKeepsItsPassword() {
        RedisServer redis = new RedisServer(settings(new InfraSettings.ExternalServers(
                Optional.empty(),
                Optional.of(URI.create("redis://:pa55@cache.internal:6380")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty())));

        assertThat(redis.isExternal()).isTrue();
        assertThat(redis.host()).isEqualTo("cache.internal");
        assertThat(redis.port()).isEqualTo(6380);
        assertThat(redis.password()).contains("pa55");
        assertThat(redis.uri()).isEqualTo("redis://:pa55@cache.internal:6380");
    }

    @Test
    void localServersAreNotExternal() {
        InfraSettings local = settings(InfraSettings.ExternalServers.none());
        assertThat(new PostgresServer(local).isExternal()).isFalse();
        assertThat(new RedisServer(local).isExternal()).isFalse();
        assertThat(new KafkaServer(local).isExternal()).isFalse();
    }

    private static InfraSettings settings(InfraSettings.ExternalServers external) {
        return new InfraSettings(Path.of("target", "unused"), false, InfraSettings.Ports.free(), external);
    }
}
