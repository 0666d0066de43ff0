package dev.tarsspeedy.market.quote;

import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.interest.Interest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which followed symbols are due for a refresh, most urgent first: symbols near an alert line (the nearer, the sooner
 * they are due and the earlier they come), then symbols never fetched, then the rest, oldest first (round robin by
 * age). Pure rules, no I/O.
 */
public final class PollPlanner {

    private final Duration target;
    private final double nearBand;
    private final Duration nearInterval;

    public PollPlanner(Duration target, double nearBand, Duration nearInterval) {
        this.target = target;
        this.nearBand = nearBand;
        this.nearInterval = nearInterval.compareTo(target) < 0 ? nearInterval : target;
    }

    /** The due symbols among {@code followed}, in the order to fetch them; {@code latest} holds the cached quotes. */
    public List<Symbol> due(List<Interest> followed, Map<Symbol, Quote> latest, Instant now) {
        List<Candidate> due = new ArrayList<>();
        for (Interest interest : followed) {
            Quote quote = latest.get(interest.symbol());
            if (quote == null) {
                due.add(new Candidate(interest.symbol(), 1, 0));
                continue;
            }
            Duration age = Duration.between(quote.fetchedAt(), now);
            double distance = distance(quote.provider().price(), interest.alertLines());
            if (distance <= nearBand) {
                if (age.compareTo(interval(distance)) >= 0) {
                    due.add(new Candidate(interest.symbol(), 0, distance));
                }
            } else if (age.compareTo(target) >= 0) {
                due.add(new Candidate(interest.symbol(), 2, -age.toMillis()));
            }
        }
        due.sort(Comparator.comparingInt(Candidate::rank).thenComparingDouble(Candidate::order));
        return due.stream().map(Candidate::symbol).toList();
    }

    /** How often a symbol at {@code distance} from its nearest line is refreshed: on the line the near interval, at the
     * band's edge the target. */
    Duration interval(double distance) {
        if (nearBand == 0) {
            return nearInterval;
        }
        double share = Math.min(1, distance / nearBand);
        long millis = nearInterval.toMillis() + Math.round((target.toMillis() - nearInterval.toMillis()) * share);
        return Duration.ofMillis(millis);
    }

    /** The distance from the price to its nearest line as a fraction of the price; infinite without lines. */
    static double distance(BigDecimal price, List<BigDecimal> lines) {
        double nearest = Double.POSITIVE_INFINITY;
        for (BigDecimal line : lines) {
            double d = price.subtract(line)
                    .abs()
                    .divide(price, MathContext.DECIMAL64)
                    .doubleValue();
            nearest = Math.min(nearest, d);
        }
        return nearest;
    }

    private record Candidate(Symbol symbol, int rank, double order) {}
}
