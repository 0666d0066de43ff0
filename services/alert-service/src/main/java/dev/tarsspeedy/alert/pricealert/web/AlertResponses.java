package dev.tarsspeedy.alert.pricealert.web;

import dev.tarsspeedy.alert.pricealert.FiredAlert;
import dev.tarsspeedy.alert.pricealert.HistoryPage;
import dev.tarsspeedy.alert.pricealert.PriceAlert;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of {@code /api/alerts}. */
final class AlertResponses {

    /**
     * Every alert says how it relates to the watchlist: alerts work on any listed symbol, on the watchlist or not,
     * until the user deletes them; removing a stock from the watchlist asks what to do with its alerts.
     */
    static final String WATCHLIST_RULE = "INDEPENDENT";

    private AlertResponses() {}

    /**
     * One alert.
     *
     * @param price the line ({@code PRICE_ABOVE}, {@code PRICE_BELOW})
     * @param status ARMED, REARMING (fired, waits for the price to come back past the hysteresis), FIRED (a ONCE alert
     *     that fired) or EXPIRED
     * @param watchlist {@code INDEPENDENT}: the alert keeps working whether or not the symbol is on the watchlist
     */
    record AlertResponse(
            UUID id,
            String symbol,
            String stockName,
            String kind,
            BigDecimal price,
            BigDecimal percent,
            String direction,
            String mode,
            String cooldown,
            BigDecimal hysteresisPercent,
            Instant expiresAt,
            boolean regularHoursOnly,
            String zone,
            String status,
            int episode,
            Instant lastFiredAt,
            String watchlist,
            Instant createdAt,
            Instant updatedAt) {

        static AlertResponse of(PriceAlert alert, Instant now) {
            return new AlertResponse(
                    alert.id().value(),
                    alert.symbol().code(),
                    alert.stockName(),
                    alert.condition().kind().name(),
                    alert.condition().line(),
                    alert.condition().percent(),
                    alert.condition().direction() == null
                            ? null
                            : alert.condition().direction().name(),
                    alert.terms().mode().name(),
                    alert.terms().cooldown().toString(),
                    alert.terms().hysteresisPercent(),
                    alert.terms().expiresAt(),
                    alert.terms().regularHoursOnly(),
                    alert.recipient().zone().getId(),
                    alert.status(now).name(),
                    alert.state().episode(),
                    alert.state().lastFiredAt(),
                    WATCHLIST_RULE,
                    alert.createdAt(),
                    alert.updatedAt());
        }
    }

    record AlertList(List<AlertResponse> items) {}

    /** One firing: what crossed, at what price and time. */
    record FiredResponse(
            UUID alertId,
            int episode,
            String symbol,
            String stockName,
            String kind,
            BigDecimal line,
            BigDecimal percent,
            String direction,
            BigDecimal price,
            String currency,
            Instant asOf,
            String source,
            Instant firedAt) {

        static FiredResponse of(FiredAlert fired) {
            return new FiredResponse(
                    fired.alertId().value(),
                    fired.episode(),
                    fired.symbol().code(),
                    fired.stockName(),
                    fired.kind().name(),
                    fired.line(),
                    fired.percent(),
                    fired.direction() == null ? null : fired.direction().name(),
                    fired.price(),
                    fired.currency(),
                    fired.asOf(),
                    fired.source(),
                    fired.firedAt());
        }
    }

    record HistoryResponse(List<FiredResponse> items, int page, int size, long total) {

        static HistoryResponse of(HistoryPage page) {
            return new HistoryResponse(
                    page.items().stream().map(FiredResponse::of).toList(), page.page(), page.size(), page.total());
        }
    }
}
