package dev.tarsspeedy.platform.test;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.SpringProperties;
import dev.tarsspeedy.infra.postgres.PostgresServer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service's connection settings at the shared real infrastructure, taking precedence over its
 * {@code application.yml}: the same keys production sets through environment variables.
 */
public final class InfrastructurePropertiesInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Infrastructure infrastructure = Infrastructure.shared();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "realInfrastructure",
                        properties(infrastructure, databaseName(environment.getProperty("spring.application.name")))));
    }

    static Map<String, Object> properties(Infrastructure infrastructure, String databaseName) {
        PostgresServer postgres = infrastructure.postgres();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.putAll(SpringProperties.database(postgres, postgres.createDatabase(databaseName)));
        properties.putAll(SpringProperties.redis(infrastructure));
        properties.putAll(SpringProperties.kafka(infrastructure));
        properties.putAll(SpringProperties.mail(infrastructure));
        return properties;
    }

    /** {@code order-service} becomes {@code order_service}: one database per service, as in production. */
    static String databaseName(String applicationName) {
        String name = applicationName == null || applicationName.isBlank() ? "service" : applicationName;
        String database =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return database.isEmpty() || !Character.isLetter(database.charAt(0)) ? "s_" + database : database;
    }
}
