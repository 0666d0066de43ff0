package dev.tarsspeedy.catalog.drop;

import dev.tarsspeedy.catalog.product.Product;
import reactor.core.publisher.Mono;

/** Tells other services a drop was created, changed or closed; inside the transaction of the change. */
public interface DropEvents {

    Mono<Void> changed(Drop drop, Product product);
}
