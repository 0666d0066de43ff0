package dev.tarsspeedy.platform.events.autoconfigure;

import java.util.Arrays;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/**
 * Adds the library's own migrations ({@code outbox_event}, {@code processed_event}) to the service's Flyway
 * locations. Their versions (0.1, 0.2) sort before any service's (1 and up), so a new database gets them first.
 */
public final class PlatformMigrations implements FlywayConfigurationCustomizer {

    /** Where the library's migrations are. */
    public static final String LOCATION = "classpath:db/platform";

    @Override
    public void customize(FluentConfiguration configuration) {
        Location platform = new Location(LOCATION);
        Location[] configured = configuration.getLocations();
        boolean present = Arrays.stream(configured)
                .anyMatch(location -> location.getDescriptor().equals(platform.getDescriptor()));
        if (present) {
            return;
        }
        Location[] locations = Arrays.copyOf(configured, configured.length + 1);
        locations[configured.length] = platform;
        configuration.locations(locations);
    }
}
