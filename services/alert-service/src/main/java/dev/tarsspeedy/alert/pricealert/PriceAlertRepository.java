package dev.tarsspeedy.alert.pricealert;

import dev.tarsspeedy.alert.AlertId;
import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where alerts, their history and the symbols' last evaluated quotes are kept. */
public interface PriceAlertRepository {

    /** Fails with {@link DuplicateAlertException} when an identical unfinished alert exists (a race lost). */
    Mono<Void> insert(PriceAlert alert);

    /**
     * Stores the alert over the version it was computed from.
     *
     * @return false when the stored version is another (somebody else changed it first): nothing was written
     */
    Mono<Boolean> update(PriceAlert changed, long expectedVersion);

    Mono<PriceAlert> find(UserId owner, AlertId id);

    /** The owner's alert, locked until the transaction ends. */
    Mono<PriceAlert> findForUpdate(UserId owner, AlertId id);

    /** Newest first. */
    Flux<PriceAlert> findByOwner(UserId owner);

    /** The owner's alerts on the symbol, oldest first. */
    Flux<AlertId> findIds(UserId owner, Symbol symbol);

    /** Deletes the owner's alerts on the symbol; the history stays. */
    Mono<Void> deleteAll(UserId owner, Symbol symbol);

    /** @return false when the owner has no such alert */
    Mono<Boolean> delete(UserId owner, AlertId id);

    Mono<Long> countUnfinished(UserId owner);

    /** The owner's unfinished alert on the symbol with the same condition; empty when none. */
    Mono<AlertId> findIdentical(UserId owner, Symbol symbol, AlertCondition condition, AlertId except);

    /** Serialises the owner's creations until the transaction ends (the limit and the duplicate check hold). */
    Mono<Void> lockOwner(UserId owner);

    /** The alerts the quote can change; see {@link CandidateQuery}. */
    Flux<PriceAlert> candidates(CandidateQuery query);

    Mono<Void> recordFired(FiredAlert fired);

    Mono<HistoryPage> history(UserId owner, int page, int size);

    /** The symbol's last evaluated quote, locked until the transaction ends (created empty when missing). */
    Mono<SymbolQuoteState> lockSymbol(Symbol symbol);

    Mono<Void> saveSymbol(SymbolQuoteState state);
}
