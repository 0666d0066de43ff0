package dev.tarsspeedy.market.symbol;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The symbol master and its search, {@code market.symbols.*}; the README lists the environment variables behind them.
 *
 * @param maxPageSize the largest {@code size} a search answers
 * @param maxQueryLength the longest search text {@code q}
 * @param refreshEvery how old the master may get before the refresh job fetches every provider's listings again
 * @param refreshCheckPeriod how often the refresh job checks that (it refreshes at once when the table is empty)
 * @param indexReloadPeriod how often each instance checks that its in-memory search index is the table's latest
 * @param englishNamesPerRun most KRX symbols whose English name the refresh job asks a provider for per run (KIS:
 *     one call each, from the budget quotes also use): by default more than the KRX master holds (about 2,700), so
 *     the first run names them all, paced by the interval so quotes keep most of the budget
 * @param englishNameInterval the pause before each of those calls (200ms: at most 5 of KIS's 18 calls a second)
 */
@ConfigurationProperties("market.symbols")
public record SymbolSettings(
        @DefaultValue("50") int maxPageSize,
        @DefaultValue("50") int maxQueryLength,
        @DefaultValue("24h") Duration refreshEvery,
        @DefaultValue("1h") Duration refreshCheckPeriod,
        @DefaultValue("1m") Duration indexReloadPeriod,
        @DefaultValue("3000") int englishNamesPerRun,
        @DefaultValue("200ms") Duration englishNameInterval) {

    public SymbolSettings {
        if (maxPageSize < 1 || maxQueryLength < 1 || englishNamesPerRun < 0 || englishNameInterval.isNegative()) {
            throw new IllegalArgumentException("market.symbols.max-page-size and max-query-length are at least 1");
        }
    }
}
