package dev.tarsspeedy.catalog.product.web;

import dev.tarsspeedy.catalog.product.NewProduct;
import dev.tarsspeedy.catalog.product.ProductId;
import dev.tarsspeedy.catalog.product.ProductService;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Operators create products ({@code /api/admin/products}); everyone reads them ({@code /api/products/{id}}). */
@RestController
class ProductController {

    private final ProductService products;

    ProductController(ProductService products) {
        this.products = products;
    }

    @PostMapping("/api/admin/products")
    Mono<ResponseEntity<ProductResponse>> create(@Valid @RequestBody ProductRequest request) {
        return products.create(new NewProduct(request.name(), request.description(), request.imageUrl()))
                .map(product -> ResponseEntity.created(URI.create("/api/products/" + product.id()))
                        .body(ProductResponse.of(product)));
    }

    @GetMapping("/api/products/{id}")
    Mono<ProductResponse> get(@PathVariable UUID id) {
        return products.get(new ProductId(id)).map(ProductResponse::of).onErrorMap(ProductProblems::translate);
    }
}
