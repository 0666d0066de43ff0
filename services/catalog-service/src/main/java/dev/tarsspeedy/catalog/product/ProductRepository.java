package dev.tarsspeedy.catalog.product;

import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where products are kept. */
public interface ProductRepository {

    Mono<Void> insert(Product product);

    Mono<Product> findById(ProductId id);

    Flux<Product> findAllById(Collection<ProductId> ids);
}
