package dev.tarsspeedy.catalog.drop.web;

import dev.tarsspeedy.catalog.drop.DropPage;
import dev.tarsspeedy.catalog.drop.DropStatus;
import dev.tarsspeedy.catalog.drop.DropView;
import dev.tarsspeedy.catalog.product.Product;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the drop endpoints answer. */
public final class DropResponses {

    private DropResponses() {}

    /** The product on sale, as a drop shows it. */
    public record ProductSummary(UUID id, String name, String description, String imageUrl) {

        static ProductSummary of(Product product) {
            return product == null
                    ? null
                    : new ProductSummary(
                            product.id().value(), product.name(), product.description(), product.imageUrl());
        }
    }

    /**
     * A drop.
     *
     * @param remaining units left; {@code null} when the order service could not say and the sale has started
     */
    public record DropResponse(
            UUID id,
            ProductSummary product,
            long price,
            int quantity,
            Integer remaining,
            int perUserLimit,
            Instant opensAt,
            Instant closesAt,
            DropStatus status) {

        public static DropResponse of(DropView view) {
            return new DropResponse(
                    view.drop().id().value(),
                    ProductSummary.of(view.product()),
                    view.drop().terms().price(),
                    view.drop().terms().quantity(),
                    view.remaining(),
                    view.drop().terms().perUserLimit(),
                    view.drop().terms().opensAt(),
                    view.drop().terms().closesAt(),
                    view.status());
        }
    }

    /** A page of drops: {@code content}, {@code page} from 0, {@code total} matching drops in all pages. */
    public record DropPageResponse(List<DropResponse> content, int page, int size, long total) {

        static DropPageResponse of(DropPage page) {
            return new DropPageResponse(
                    page.items().stream().map(DropResponse::of).toList(), page.page(), page.size(), page.total());
        }
    }
}
