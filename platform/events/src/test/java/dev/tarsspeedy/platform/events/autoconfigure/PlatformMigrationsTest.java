package dev.tarsspeedy.platform.events.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

class PlatformMigrationsTest {

    // Flyway keeps locations as a set (their order does not matter: migrations run by version).
    @Test
    void appendsThePlatformLocationToTheServicesLocations() {
        FluentConfiguration configuration =
                new FluentConfiguration().locations("classpath:db/migration", "classpath:db/seed");

        new PlatformMigrations().customize(configuration);

        assertThat(descriptors(configuration))
                .containsExactlyInAnyOrder("classpath:db/migration", "classpath:db/seed", "classpath:db/platform");
    }

    @Test
    void addsItOnlyOnce() {
        FluentConfiguration configuration =
                new FluentConfiguration().locations("classpath:db/platform", "classpath:db/migration");

        new PlatformMigrations().customize(configuration);
        new PlatformMigrations().customize(configuration);

        assertThat(descriptors(configuration))
                .containsExactlyInAnyOrder("classpath:db/platform", "classpath:db/migration");
    }

    private static String[] descriptors(FluentConfiguration configuration) {
        return Arrays.stream(configuration.getLocations())
                .map(Location::getDescriptor)
                .toArray(String[]::new);
    }
}
