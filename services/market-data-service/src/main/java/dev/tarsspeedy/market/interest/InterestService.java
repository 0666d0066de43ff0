package dev.tarsspeedy.market.interest;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.symbol.SymbolMaster;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The followed symbols, from the alert service's {@code SymbolInterestChanged} events: the latest state per symbol by
 * {@code changedAt}, so a redelivered or out-of-order event changes nothing.
 */
@Service
public class InterestService {

    private static final Logger log = LoggerFactory.getLogger(InterestService.class);

    private final InterestRepository repository;
    private final SymbolMaster master;
    private final List<InterestListener> listeners;

    InterestService(InterestRepository repository, SymbolMaster master, List<InterestListener> listeners) {
        this.repository = repository;
        this.master = master;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Records the state in the caller's transaction, unless the symbol is unknown or a newer state is stored.
     *
     * @return the change to announce once the transaction committed, empty when nothing changed
     */
    public Mono<Change> record(Interest interest) {
        return master.isListed(interest.symbol()).flatMap(known -> {
            if (!known) {
                log.info("ignored interest in {}: not a listed symbol", interest.symbol());
                return Mono.<Change>empty();
            }
            return repository
                    .find(interest.symbol())
                    .map(Interest::followed)
                    .defaultIfEmpty(false)
                    .flatMap(wasFollowed -> repository
                            .save(interest)
                            .filter(Boolean::booleanValue)
                            .map(saved -> new Change(interest, wasFollowed)));
        });
    }

    /** Tells the listeners about a committed change. */
    public void announce(Change change) {
        for (InterestListener listener : listeners) {
            try {
                listener.interestChanged(change.interest(), change.wasFollowed());
            } catch (RuntimeException e) {
                log.warn(
                        "interest listener {} failed for {}",
                        listener.getClass().getSimpleName(),
                        change.interest().symbol(),
                        e);
            }
        }
    }

    /** The symbols of the market somebody follows now. */
    public Flux<Interest> followed(Market market) {
        return repository.followed(market);
    }

    public Mono<Interest> find(Symbol symbol) {
        return repository.find(symbol);
    }

    /** A recorded state and whether the symbol was followed before it. */
    public record Change(Interest interest, boolean wasFollowed) {}
}
