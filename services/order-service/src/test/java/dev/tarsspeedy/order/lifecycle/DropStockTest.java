package dev.tarsspeedy.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.order.UserId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The database's last guard, deciding a batch of orders as one guarded update per order would. */
class DropStockTest {

    private static final SaleTerms TERMS = new SaleTerms(10_000, "Sneaker");
    private final UserId minji = UserId.of(UUID.randomUUID());
    private final UserId jun = UserId.of(UUID.randomUUID());

    @Test
    void takesUnitsInOrderUntilTheDropIsGone() {
        DropStock stock = new DropStock(TERMS, 5, 10, 2, Map.of());

        assertThat(stock.take(minji, 2)).isTrue();
        assertThat(stock.take(jun, 2)).isFalse(); // 2 + 2 + 2 > 5
        assertThat(stock.take(jun, 1)).isTrue(); // an order after a refused one is still decided on its own
        assertThat(stock.take(jun, 1)).isFalse();
        assertThat(stock.taken()).isEqualTo(3);
    }

    @Test
    void countsTheBuyersLiveUnitsBeforeAndInTheBatchAgainstTheLimit() {
        DropStock stock = new DropStock(TERMS, 100, 2, 0, Map.of(minji, 1));

        assertThat(stock.take(minji, 1)).isTrue();
        assertThat(stock.take(minji, 1)).isFalse(); // 1 held before + 1 in this batch = the limit
        assertThat(stock.take(jun, 2)).isTrue();
        assertThat(stock.take(jun, 1)).isFalse();
        assertThat(stock.taken()).isEqualTo(3);
    }

    @Test
    void aRefusedOrderTakesNothing() {
        DropStock stock = new DropStock(TERMS, 1, 1, 1, Map.of());

        assertThat(stock.take(minji, 1)).isFalse();
        assertThat(stock.taken()).isZero();
        assertThat(stock.terms()).isEqualTo(TERMS);
    }
}
