package dev.tarsspeedy.market.symbol;

import dev.tarsspeedy.platform.scheduling.ScheduledJob;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps this instance's in-memory search index at the table's latest (another instance may have refreshed the
 * master): every instance runs it, each on its own memory.
 */
@Component
class SymbolIndexJob implements ScheduledJob {

    private final SymbolMaster master;
    private final SymbolSettings settings;

    SymbolIndexJob(SymbolMaster master, SymbolSettings settings) {
        this.master = master;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "market-symbol-index";
    }

    @Override
    public Duration period() {
        return settings.indexReloadPeriod();
    }

    @Override
    public boolean oncePerCluster() {
        return false;
    }

    @Override
    public Mono<Boolean> run() {
        return master.reloadIfChanged();
    }
}
