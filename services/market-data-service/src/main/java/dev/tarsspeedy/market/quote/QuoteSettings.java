package dev.tarsspeedy.market.quote;

import dev.tarsspeedy.market.Market;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Polling, freshness, cache and API limits of quotes, {@code market.quotes.*}.
 *
 * @param tick how often the poller looks for due symbols
 * @param krxTargetFreshness how old a KRX quote may get in session before it is due again (and still {@code LIVE})
 * @param usTargetFreshness the same for US quotes (Finnhub's free tier: 60 calls a minute for every symbol)
 * @param staleFactor the freshness limit, as a multiple of the target: older quotes in session are {@code STALE}
 * @param nearAlertBand how near an alert line (a fraction of the price) a symbol is polled faster
 * @param nearAlertInterval the refresh interval of a symbol right on a line; it grows to the target at the band's edge
 * @param maxCallsPerTick the most provider calls per market and tick
 * @param pollHorizon a tick's calls per market are also kept to what the market's first provider's budget lets
 *     through in this time: a tick takes every due symbol the budget can serve soon (the budget paces the calls), and
 *     a slow budget (Finnhub's one a second) never holds the tick for long
 * @param providerPause how long a provider that failed (down, bad key) is skipped before it is tried again
 * @param endOfDayRefresh how long an end-of-day fallback quote is kept before the end-of-day provider is asked again
 * @param closingWindow how long after a session's close its one closing fetch may happen
 * @param fetchTimeout the longest one provider call (or an API fetch on demand) may take
 * @param intradayPoints the most points kept in a day's intraday series
 * @param intradayRetention how long a day's intraday series is kept in Redis
 * @param latestRetention how long the latest quote of a symbol nobody polls any more stays in Redis
 * @param historyDepth how far back daily closes are backfilled on first interest
 * @param maxSymbolsPerRequest the most symbols {@code GET /api/market/quotes} takes
 * @param maxStreamSymbols the most symbols one quote stream follows
 * @param heartbeat the interval of the stream's heartbeat comments
 */
@ConfigurationProperties("market.quotes")
public record QuoteSettings(
        @DefaultValue("1s") Duration tick,
        @DefaultValue("30s") Duration krxTargetFreshness,
        @DefaultValue("60s") Duration usTargetFreshness,
        @DefaultValue("2") int staleFactor,
        @DefaultValue("0.02") double nearAlertBand,
        @DefaultValue("5s") Duration nearAlertInterval,
        @DefaultValue("200") int maxCallsPerTick,
        @DefaultValue("10s") Duration pollHorizon,
        @DefaultValue("5s") Duration providerPause,
        @DefaultValue("10m") Duration endOfDayRefresh,
        @DefaultValue("30m") Duration closingWindow,
        @DefaultValue("3s") Duration fetchTimeout,
        @DefaultValue("1000") int intradayPoints,
        @DefaultValue("2d") Duration intradayRetention,
        @DefaultValue("30d") Duration latestRetention,
        @DefaultValue("365d") Duration historyDepth,
        @DefaultValue("50") int maxSymbolsPerRequest,
        @DefaultValue("20") int maxStreamSymbols,
        @DefaultValue("15s") Duration heartbeat) {

    public QuoteSettings {
        if (staleFactor < 1) {
            throw new IllegalArgumentException("market.quotes.stale-factor must be at least 1: " + staleFactor);
        }
        if (maxCallsPerTick < 1 || maxSymbolsPerRequest < 1 || maxStreamSymbols < 1 || intradayPoints < 1) {
            throw new IllegalArgumentException("market.quotes limits must be at least 1");
        }
        if (pollHorizon.isNegative() || pollHorizon.isZero()) {
            throw new IllegalArgumentException("market.quotes.poll-horizon must be positive: " + pollHorizon);
        }
        if (nearAlertBand < 0 || nearAlertBand >= 1) {
            throw new IllegalArgumentException("market.quotes.near-alert-band is a fraction below 1: " + nearAlertBand);
        }
    }

    public Duration targetFreshness(Market market) {
        return market == Market.KRX ? krxTargetFreshness : usTargetFreshness;
    }

    /** Older than this during the session, a quote is {@code STALE}. */
    public Duration freshnessLimit(Market market) {
        return targetFreshness(market).multipliedBy(staleFactor);
    }
}
