package dev.tarsspeedy.catalog.drop;

import dev.tarsspeedy.catalog.DropId;
import dev.tarsspeedy.catalog.product.Product;
import dev.tarsspeedy.catalog.product.ProductId;
import dev.tarsspeedy.catalog.product.ProductService;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Drops: operators create, change (before the opening) and close them, each change published as {@code DropChanged}
 * in its transaction; everyone browses them with the remaining stock the order service reports.
 */
@Service
public class DropService {

    private static final Comparator<Drop> BY_OPENING = Comparator.comparing(
                    (Drop drop) -> drop.terms().opensAt())
            .thenComparing(drop -> drop.id().value());

    private final DropRepository drops;
    private final ProductService products;
    private final DropEvents events;
    private final StockLevels stock;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final DropSettings.Listing listing;

    public DropService(
            DropRepository drops,
            ProductService products,
            DropEvents events,
            StockLevels stock,
            TransactionalOperator transaction,
            Clock clock,
            DropSettings settings) {
        this.drops = drops;
        this.products = products;
        this.events = events;
        this.stock = stock;
        this.transaction = transaction;
        this.clock = clock;
        this.listing = settings.listing();
    }

    /**
     * A new drop of an existing product.
     *
     * @return its view; fails with {@link InvalidDropException} or
     *     {@link dev.tarsspeedy.catalog.product.ProductNotFoundException}, changing nothing
     */
    public Mono<DropView> create(ProductId productId, DropTerms terms) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            terms.require(now);
            Drop drop = Drop.create(productId, terms, now);
            return transaction
                    .transactional(products.get(productId)
                            .flatMap(product -> drops.insert(drop).then(events.changed(drop, product)))
                            .thenReturn(drop))
                    .flatMap(this::view);
        });
    }

    /**
     * Changes some terms of a drop that has not opened yet; the changed terms keep every rule.
     *
     * @return its view; fails with {@link DropNotFoundException}, {@link DropAlreadyOpenException} or
     *     {@link InvalidDropException}, changing nothing
     */
    public Mono<DropView> patch(DropId id, DropPatch patch) {
        return transaction
                .transactional(locked(id).flatMap(drop -> {
                    Instant now = clock.instant();
                    if (drop.closedAt() != null || drop.hasOpened(now)) {
                        return Mono.error(new DropAlreadyOpenException(id));
                    }
                    DropTerms terms = patch.applyTo(drop.terms());
                    if (terms.equals(drop.terms())) {
                        return Mono.just(drop);
                    }
                    terms.require(now);
                    return store(drop.withTerms(terms, now));
                }))
                .flatMap(this::view);
    }

    /**
     * Stops the sale now. A drop that is closed already (by an operator or by time) stays as it is.
     *
     * @return its view; fails with {@link DropNotFoundException}
     */
    public Mono<DropView> close(DropId id) {
        return transaction
                .transactional(locked(id).flatMap(drop -> {
                    Instant now = clock.instant();
                    return drop.isClosed(now) ? Mono.just(drop) : store(drop.closed(now));
                }))
                .flatMap(this::view);
    }

    /** The drop's view; fails with {@link DropNotFoundException}. */
    public Mono<DropView> get(DropId id) {
        return drops.findById(id)
                .switchIfEmpty(Mono.error(() -> new DropNotFoundException(id)))
                .flatMap(this::view);
    }

    /** Fails with {@link DropNotFoundException} unless the drop exists. */
    public Mono<Drop> require(DropId id) {
        return drops.findById(id).switchIfEmpty(Mono.error(() -> new DropNotFoundException(id)));
    }

    /** The views of the drops with these ids that exist, by opening time. */
    public Mono<List<DropView>> views(Collection<DropId> ids) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return drops.findAllById(ids).collectList().flatMap(found -> views(sorted(found), clock.instant()));
    }

    /**
     * One page of drops by opening time, all or those with a status. OPEN and SOLD_OUT depend on the stock: the drops
     * in their sale window (at most {@code catalog.listing.max-live}) are read with their stock and paged here.
     *
     * @param status {@code null} for every drop
     */
    public Mono<DropPage> list(DropStatus status, int page, int size) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            long offset = (long) page * size;
            if (status == DropStatus.OPEN || status == DropStatus.SOLD_OUT) {
                return drops.find(DropWindow.LIVE, now, 0, listing.maxLive())
                        .collectList()
                        .flatMap(live -> views(live, now))
                        .map(views -> {
                            List<DropView> matching = views.stream()
                                    .filter(view -> view.status() == status)
                                    .toList();
                            List<DropView> items =
                                    matching.stream().skip(offset).limit(size).toList();
                            return new DropPage(items, page, size, matching.size());
                        });
            }
            DropWindow window = status == null ? DropWindow.ALL : DropWindow.valueOf(status.name());
            return drops.count(window, now)
                    .flatMap(total -> drops.find(window, now, offset, size)
                            .collectList()
                            .flatMap(found -> views(found, now))
                            .map(items -> new DropPage(items, page, size, total)));
        });
    }

    private Mono<Drop> locked(DropId id) {
        return drops.findByIdForUpdate(id).switchIfEmpty(Mono.error(() -> new DropNotFoundException(id)));
    }

    /** Stores a changed drop and its {@code DropChanged} (in the caller's transaction). */
    private Mono<Drop> store(Drop changed) {
        return products.get(changed.productId())
                .flatMap(product -> drops.update(changed).then(events.changed(changed, product)))
                .thenReturn(changed);
    }

    private Mono<DropView> view(Drop drop) {
        return Mono.defer(() -> views(List.of(drop), clock.instant())).map(List::getFirst);
    }

    /** Views in the order of the drops, with the products and the stock read once for all of them. */
    private Mono<List<DropView>> views(List<Drop> found, Instant now) {
        if (found.isEmpty()) {
            return Mono.just(List.of());
        }
        List<DropId> ids = found.stream().map(Drop::id).toList();
        return Mono.zip(products.getAll(found.stream().map(Drop::productId).toList()), stock.levels(ids))
                .map(both -> {
                    Map<ProductId, Product> productsById = both.getT1();
                    Map<DropId, StockLevel> levels = both.getT2();
                    return found.stream()
                            .map(drop -> view(drop, productsById.get(drop.productId()), levels.get(drop.id()), now))
                            .toList();
                });
    }

    private static DropView view(Drop drop, Product product, StockLevel level, Instant now) {
        Integer remaining =
                level != null ? Integer.valueOf(Math.max(0, level.remaining())) : drop.fallbackRemaining(now);
        return new DropView(drop, product, remaining, drop.status(remaining, now));
    }

    private static List<Drop> sorted(List<Drop> found) {
        return found.stream().sorted(BY_OPENING).toList();
    }
}
