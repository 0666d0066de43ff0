package dev.tarsspeedy.order.sale;

import dev.tarsspeedy.platform.scheduling.ScheduledJob;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reloads this instance's drop copy from the database ({@link DropCatalog#refresh()}). Runs on every instance without
 * a lock: each keeps its own memory.
 */
@Component
class CatalogRefreshJob implements ScheduledJob {

    private final DropCatalog catalog;
    private final Duration period;

    CatalogRefreshJob(DropCatalog catalog, SaleSettings settings) {
        this.catalog = catalog;
        this.period = settings.catalog().refreshPeriod();
    }

    @Override
    public String name() {
        return "catalog-refresh";
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public boolean oncePerCluster() {
        return false;
    }

    @Override
    public Mono<?> run() {
        return Mono.fromRunnable(catalog::refresh);
    }
}
