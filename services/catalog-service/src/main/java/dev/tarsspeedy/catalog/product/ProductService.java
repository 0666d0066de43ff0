package dev.tarsspeedy.catalog.product;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Products: created by operators, read by everyone. */
@Service
public class ProductService {

    private final ProductRepository products;
    private final Clock clock;

    public ProductService(ProductRepository products, Clock clock) {
        this.products = products;
        this.clock = clock;
    }

    public Mono<Product> create(NewProduct command) {
        return Mono.defer(() -> {
            Product product = new Product(
                    ProductId.random(),
                    command.name().strip(),
                    command.description().strip(),
                    command.imageUrl() == null || command.imageUrl().isBlank()
                            ? null
                            : command.imageUrl().strip(),
                    clock.instant());
            return products.insert(product).thenReturn(product);
        });
    }

    /** The product; fails with {@link ProductNotFoundException}. */
    public Mono<Product> get(ProductId id) {
        return products.findById(id).switchIfEmpty(Mono.error(() -> new ProductNotFoundException(id)));
    }

    /** The products with these ids that exist, by id. */
    public Mono<Map<ProductId, Product>> getAll(Collection<ProductId> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return products.findAllById(ids).collect(Collectors.toMap(Product::id, Function.identity()));
    }
}
