package dev.tarsspeedy.alert.pricealert;

import dev.tarsspeedy.alert.AlertId;
import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's price alert and its rules: it fires on the crossing of its line (never while the condition merely holds),
 * once per episode; a {@link AlertMode#REARM} alert is armed again only after the price came back past the hysteresis
 * (a move alert also on the next trading day), and never fires twice within the cooldown.
 *
 * @param version the row's version: a change is stored only over the version it was computed from, so of two
 *     consumers evaluating one quote only one fires
 */
public record PriceAlert(
        AlertId id,
        UserId owner,
        Recipient recipient,
        Symbol symbol,
        String stockName,
        AlertCondition condition,
        AlertTerms terms,
        AlertState state,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public enum Status {
        /** Fires on the next crossing. */
        ARMED,
        /** Fired; waits for the price to come back past the hysteresis. */
        REARMING,
        /** A ONCE alert that fired. */
        FIRED,
        /** Past its expiry. */
        EXPIRED
    }

    /** What a quote did to an alert. */
    public record Transition(PriceAlert before, PriceAlert after, boolean fired) {

        /** Whether the alert is armed now where it was not, or the other way round. */
        public boolean armingChanged() {
            return before.state().armed() != after.state().armed();
        }
    }

    public PriceAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(stockName, "stockName");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(state, "state");
    }

    public static PriceAlert create(
            UserId owner,
            Recipient recipient,
            Symbol symbol,
            String stockName,
            AlertCondition condition,
            AlertTerms terms,
            Instant now) {
        return new PriceAlert(
                new AlertId(UUID.randomUUID()),
                owner,
                recipient,
                symbol,
                stockName,
                condition,
                terms,
                AlertState.fresh(),
                0,
                now,
                now);
    }

    public boolean finished() {
        return state.completedAt() != null;
    }

    public Status status(Instant now) {
        if (finished()) {
            return Status.FIRED;
        }
        if (terms.expired(now)) {
            return Status.EXPIRED;
        }
        return state.armed() ? Status.ARMED : Status.REARMING;
    }

    /**
     * The alert with a changed condition, terms or zone. A new condition or mode starts afresh (armed, even a finished
     * alert); other changes keep its state.
     */
    public PriceAlert changed(AlertCondition newCondition, AlertTerms newTerms, Recipient newRecipient, Instant now) {
        boolean restart = !newCondition.equals(condition) || newTerms.mode() != terms.mode();
        AlertState newState = restart ? state.rearmed() : state;
        return new PriceAlert(
                id,
                owner,
                newRecipient,
                symbol,
                stockName,
                newCondition,
                newTerms,
                newState,
                version + 1,
                createdAt,
                now);
    }

    /** The line the alert waits for next; empty when it waits for none (finished, or an armed 52-week alert). */
    public Optional<Watch> watch() {
        if (finished()) {
            return Optional.empty();
        }
        if (state.armed()) {
            BigDecimal percent = condition.percent();
            return switch (condition.kind()) {
                case PRICE_ABOVE -> Optional.of(new Watch(Watch.Space.PRICE, true, condition.line()));
                case PRICE_BELOW -> Optional.of(new Watch(Watch.Space.PRICE, false, condition.line()));
                case MOVE_PERCENT ->
                    Optional.of(
                            switch (condition.direction()) {
                                case UP -> new Watch(Watch.Space.MOVE, true, percent);
                                case DOWN -> new Watch(Watch.Space.MOVE, false, percent.negate());
                                case EITHER -> new Watch(Watch.Space.ABS_MOVE, true, percent);
                            });
                // Whether the price reached the 52-week high is the same for every such alert of the symbol.
                case HIGH_52W, LOW_52W -> Optional.empty();
            };
        }
        if (state.rearmLine() == null) {
            return Optional.empty();
        }
        return Optional.of(new Watch(rearmSpace(), !firesRising(), state.rearmLine()));
    }

    /**
     * What the quote does to this alert, if anything.
     *
     * @param now the service's time (expiry)
     */
    public Optional<Transition> evaluate(QuoteFacts facts, Instant now) {
        if (finished() || terms.expired(now) || terms.expired(facts.asOf())) {
            return Optional.empty();
        }
        if (condition.kind().intraday() && !facts.intraday()) {
            return Optional.empty();
        }
        PriceAlert current = this;
        // A day's move is a new episode every trading day.
        if (!state.armed()
                && terms.mode() == AlertMode.REARM
                && condition.kind() == AlertKind.MOVE_PERCENT
                && state.firedDay() != null
                && state.firedDay().isBefore(facts.tradingDay())) {
            current = withState(state.rearmed(), now);
        }
        if (current.state.armed()) {
            if (current.crossed(facts) && current.cooledDown(facts.asOf())) {
                return Optional.of(new Transition(this, current.fired(facts, now), true));
            }
            return current == this ? Optional.empty() : Optional.of(new Transition(this, current, false));
        }
        if (terms.mode() == AlertMode.REARM && state.rearmLine() != null && backPastRearmLine(facts)) {
            return Optional.of(new Transition(this, withState(state.rearmed(), now), false));
        }
        return Optional.empty();
    }

    /** The line the alert fired at: the price line, or the 52-week high or low it reached; {@code null} for a move. */
    public BigDecimal firingLine(QuoteFacts facts) {
        return switch (condition.kind()) {
            case PRICE_ABOVE, PRICE_BELOW -> condition.line();
            case HIGH_52W -> facts.high52w();
            case LOW_52W -> facts.low52w();
            case MOVE_PERCENT -> null;
        };
    }

    private boolean crossed(QuoteFacts facts) {
        return switch (condition.kind()) {
            case PRICE_ABOVE -> rises(facts.in(Watch.Space.PRICE), condition.line());
            case PRICE_BELOW -> falls(facts.in(Watch.Space.PRICE), condition.line());
            case MOVE_PERCENT ->
                switch (condition.direction()) {
                    case UP -> rises(facts.in(Watch.Space.MOVE), condition.percent());
                    case DOWN ->
                        falls(facts.in(Watch.Space.MOVE), condition.percent().negate());
                    case EITHER -> rises(facts.in(Watch.Space.ABS_MOVE), condition.percent());
                };
            case HIGH_52W -> facts.reachedHigh52w();
            case LOW_52W -> facts.reachedLow52w();
        };
    }

    private static boolean rises(QuoteFacts.Range range, BigDecimal line) {
        return range.known()
                && range.previous().compareTo(line) < 0
                && range.current().compareTo(line) >= 0;
    }

    private static boolean falls(QuoteFacts.Range range, BigDecimal line) {
        return range.known()
                && range.previous().compareTo(line) > 0
                && range.current().compareTo(line) <= 0;
    }

    private boolean backPastRearmLine(QuoteFacts facts) {
        BigDecimal value = facts.in(rearmSpace()).current();
        if (value == null) {
            return false;
        }
        int side = value.compareTo(state.rearmLine());
        return firesRising() ? side <= 0 : side >= 0;
    }

    private boolean cooledDown(Instant at) {
        return state.lastFiredAt() == null || !at.isBefore(state.lastFiredAt().plus(terms.cooldown()));
    }

    /** Whether the condition is met by a rising value (above, a move up, either way, a high). */
    private boolean firesRising() {
        return switch (condition.kind()) {
            case PRICE_ABOVE, HIGH_52W -> true;
            case PRICE_BELOW, LOW_52W -> false;
            case MOVE_PERCENT -> condition.direction() != MoveDirection.DOWN;
        };
    }

    private Watch.Space rearmSpace() {
        if (condition.kind() != AlertKind.MOVE_PERCENT) {
            return Watch.Space.PRICE;
        }
        return condition.direction() == MoveDirection.EITHER ? Watch.Space.ABS_MOVE : Watch.Space.MOVE;
    }

    private PriceAlert fired(QuoteFacts facts, Instant now) {
        boolean once = terms.mode() == AlertMode.ONCE;
        AlertState next = new AlertState(
                false,
                state.episode() + 1,
                facts.asOf(),
                facts.tradingDay(),
                once ? null : rearmLine(facts),
                once ? now : null);
        return withState(next, now);
    }

    /** The line the price must come back past, the hysteresis away from where the alert fired. */
    private BigDecimal rearmLine(QuoteFacts facts) {
        BigDecimal h = terms.hysteresisPercent();
        BigDecimal fraction = h.divide(HUNDRED, PriceQuote.PRECISION);
        BigDecimal line = switch (condition.kind()) {
            case PRICE_ABOVE -> condition.line().multiply(BigDecimal.ONE.subtract(fraction));
            case PRICE_BELOW -> condition.line().multiply(BigDecimal.ONE.add(fraction));
            case HIGH_52W -> facts.price().multiply(BigDecimal.ONE.subtract(fraction));
            case LOW_52W -> facts.price().multiply(BigDecimal.ONE.add(fraction));
            case MOVE_PERCENT ->
                switch (condition.direction()) {
                    case UP, EITHER -> condition.percent().subtract(h);
                    case DOWN -> condition.percent().negate().add(h);
                };
        };
        return Decimals.plain(line.setScale(6, RoundingMode.HALF_EVEN));
    }

    private PriceAlert withState(AlertState next, Instant now) {
        return new PriceAlert(
                id, owner, recipient, symbol, stockName, condition, terms, next, version + 1, createdAt, now);
    }
}
