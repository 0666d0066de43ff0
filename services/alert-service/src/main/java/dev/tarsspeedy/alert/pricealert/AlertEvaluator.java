package dev.tarsspeedy.alert.pricealert;

import dev.tarsspeedy.alert.interest.SymbolInterest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies one quote to the alerts of its symbol, in the caller's transaction (the idempotent consumer's).
 *
 * <p>Never on a quote that is stale, has no positive price or is not newer than the last one applied to the symbol
 * (the symbol's row is locked for that check, so two consumers of one partition during a rebalance take turns); never
 * on an end-of-day close for intraday kinds; never outside the session for alerts with {@code regularHoursOnly}. Only
 * the alerts whose line the quote crossed are read ({@link CandidateQuery}). A firing stores the alert's new state over
 * its version (a conditional UPDATE: of two evaluations only one succeeds), one history row and one mail request with
 * the key {@code alert:{id}:{episode}}, all in the same transaction.
 */
@Service
public class AlertEvaluator {

    private final PriceAlertRepository alerts;
    private final AlertEmails emails;
    private final SymbolInterest interest;
    private final Clock clock;
    private final String publicBaseUrl;

    public AlertEvaluator(
            PriceAlertRepository alerts,
            AlertEmails emails,
            SymbolInterest interest,
            Clock clock,
            PriceAlertSettings settings) {
        this.alerts = alerts;
        this.emails = emails;
        this.interest = interest;
        this.clock = clock;
        String base = settings.publicBaseUrl().toString();
        this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * Evaluates the quote; call it inside a transaction.
     *
     * @return the firings it caused (empty when the quote was not evaluated)
     */
    public Mono<List<FiredAlert>> evaluate(PriceQuote quote) {
        if (!quote.evaluable()) {
            return Mono.just(List.of());
        }
        return alerts.lockSymbol(quote.symbol()).flatMap(state -> {
            if (!state.isOlderThan(quote)) {
                return Mono.just(List.<FiredAlert>of());
            }
            Instant now = clock.instant();
            List<FiredAlert> fired = new ArrayList<>();
            AtomicBoolean armingChanged = new AtomicBoolean();
            List<Boolean> preferences = quote.inSession() ? List.of(false, true) : List.of(false);
            return Flux.fromIterable(preferences)
                    .concatMap(regularHoursOnly -> {
                        QuoteFacts facts = state.facts(quote, regularHoursOnly);
                        CandidateQuery query = CandidateQuery.of(quote.symbol(), regularHoursOnly, facts);
                        if (query.empty()) {
                            return Mono.empty();
                        }
                        return alerts.candidates(query)
                                .concatMap(alert -> apply(alert, facts, quote, now, fired, armingChanged));
                    })
                    .then(Mono.defer(() -> alerts.saveSymbol(state.after(quote))))
                    .then(Mono.defer(() -> armingChanged.get() ? interest.changed(quote.symbol()) : Mono.<Void>empty()))
                    .then(Mono.fromSupplier(() -> List.copyOf(fired)));
        });
    }

    private Mono<Void> apply(
            PriceAlert alert,
            QuoteFacts facts,
            PriceQuote quote,
            Instant now,
            List<FiredAlert> fired,
            AtomicBoolean armingChanged) {
        return alert.evaluate(facts, now)
                .map(transition -> alerts.update(transition.after(), alert.version())
                        .flatMap(stored -> {
                            if (!stored) {
                                return Mono.<Void>empty();
                            }
                            if (transition.armingChanged()) {
                                armingChanged.set(true);
                            }
                            if (!transition.fired()) {
                                return Mono.<Void>empty();
                            }
                            FiredAlert firing = firing(transition.after(), facts, quote, now);
                            fired.add(firing);
                            return alerts.recordFired(firing).then(mail(transition.after(), firing));
                        }))
                .orElseGet(Mono::empty);
    }

    private static FiredAlert firing(PriceAlert alert, QuoteFacts facts, PriceQuote quote, Instant now) {
        AlertCondition condition = alert.condition();
        return new FiredAlert(
                alert.id(),
                alert.owner(),
                alert.state().episode(),
                alert.symbol(),
                alert.stockName(),
                condition.kind(),
                alert.firingLine(facts),
                condition.percent(),
                condition.direction(),
                quote.price(),
                quote.currency(),
                quote.asOf(),
                quote.source(),
                now);
    }

    /** The {@code price-alert} model (names fixed with the notification service's template). */
    private Mono<Void> mail(PriceAlert alert, FiredAlert firing) {
        if (alert.recipient().email() == null) {
            return Mono.empty();
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("stockName", firing.stockName());
        model.put("symbol", firing.symbol().code());
        model.put("kind", firing.kind().name());
        model.put("line", firing.line());
        model.put("percent", firing.percent());
        model.put(
                "direction",
                firing.direction() == null ? null : firing.direction().name());
        model.put("price", firing.price());
        model.put("currency", firing.currency());
        model.put(
                "asOf",
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        firing.asOf().atZone(alert.recipient().zone())));
        model.put("source", firing.source());
        model.put("alertUrl", publicBaseUrl + "/alerts/" + alert.id());
        return emails.request(
                alert.recipient().email(), alert.recipient().language(), model, firing.deduplicationKey());
    }
}
