package dev.tarsspeedy.infra;

import dev.tarsspeedy.infra.postgres.PostgresServer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Spring Boot settings that connect a service to these servers, in one place for the integration tests
 * (as properties) and the local stack (as the environment variables production sets).
 */
public final class SpringProperties {

    private SpringProperties() {}

    /** R2DBC for the service, JDBC for its Flyway migrations: both on the service's own database. */
    public static Map<String, String> database(PostgresServer postgres, String database) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", postgres.r2dbcUrl(database));
        properties.put("spring.r2dbc.username", postgres.username());
        properties.put("spring.r2dbc.password", postgres.password());
        properties.put("spring.flyway.url", postgres.jdbcUrl(database));
        properties.put("spring.flyway.user", postgres.username());
        properties.put("spring.flyway.password", postgres.password());
        return properties;
    }

    public static Map<String, String> redis(Infrastructure infrastructure) {
        return Map.of("spring.data.redis.url", infrastructure.redis().uri());
    }

    public static Map<String, String> kafka(Infrastructure infrastructure) {
        return Map.of("spring.kafka.bootstrap-servers", infrastructure.kafka().bootstrapServers());
    }

    public static Map<String, String> mail(Infrastructure infrastructure) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.mail.host", infrastructure.mail().smtpHost());
        properties.put(
                "spring.mail.port", Integer.toString(infrastructure.mail().smtpPort()));
        return properties;
    }

    /** {@code spring.kafka.bootstrap-servers} becomes {@code SPRING_KAFKA_BOOTSTRAPSERVERS}, Boot's relaxed form. */
    public static Map<String, String> asEnvironment(Map<String, String> properties) {
        Map<String, String> environment = new LinkedHashMap<>();
        properties.forEach((name, value) -> environment.put(environmentName(name), value));
        return environment;
    }

    static String environmentName(String property) {
        return property.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
    }
}
