package dev.tarsspeedy.catalog.product;

/** No product has this id. */
public class ProductNotFoundException extends RuntimeException {

    private final ProductId id;

    public ProductNotFoundException(ProductId id) {
        super("no product " + id);
        this.id = id;
    }

    public ProductId id() {
        return id;
    }
}
