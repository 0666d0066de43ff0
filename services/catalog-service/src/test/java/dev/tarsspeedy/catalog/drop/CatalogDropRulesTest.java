package dev.tarsspeedy.catalog.drop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.catalog.product.ProductId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules of a drop's terms and the status shoppers see, without servers. */
class CatalogDropRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant OPENS = NOW.plus(Duration.ofHours(1));
    private static final Instant CLOSES = OPENS.plus(Duration.ofHours(2));

    private static DropTerms terms(long price, int quantity, int limit, Instant opens, Instant closes) {
        return new DropTerms(price, quantity, limit, opens, closes);
    }

    @Test
    void validTermsBreakNoRule() {
        assertThat(terms(0, 1, 1, OPENS, CLOSES).violations(NOW)).isEmpty();
        assertThat(terms(129_000, 100, 100, OPENS, CLOSES).violations(NOW)).isEmpty();
    }

    @Test
    void everyBrokenRuleIsNamed() {
        assertThat(terms(-1, 0, 0, NOW, NOW.minusSeconds(1)).violations(NOW))
                .extracting(Violation::field)
                .containsExactly("price", "quantity", "perUserLimit", "closesAt", "opensAt");
        assertThat(terms(1, 2, 3, OPENS, CLOSES).violations(NOW))
                .containsExactly(Violation.of(
                        "perUserLimit", "drop.per-user-limit-over-quantity", "must not be greater than quantity"));
        assertThatThrownBy(() -> terms(1, 1, 1, OPENS, OPENS).require(NOW)).isInstanceOf(InvalidDropException.class);
    }

    @Test
    void statusFollowsTheClockTheStockAndTheOperator() {
        Drop drop = Drop.create(ProductId.random(), terms(1, 10, 1, OPENS, CLOSES), NOW);

        assertThat(drop.status(10, NOW)).isEqualTo(DropStatus.UPCOMING);
        assertThat(drop.status(0, NOW)).isEqualTo(DropStatus.UPCOMING);
        assertThat(drop.status(3, OPENS)).isEqualTo(DropStatus.OPEN);
        assertThat(drop.status(null, OPENS)).isEqualTo(DropStatus.OPEN);
        assertThat(drop.status(0, OPENS)).isEqualTo(DropStatus.SOLD_OUT);
        assertThat(drop.status(3, CLOSES)).isEqualTo(DropStatus.CLOSED);
        assertThat(drop.closed(OPENS).status(3, OPENS)).isEqualTo(DropStatus.CLOSED);
        assertThat(drop.closed(NOW).status(10, NOW)).isEqualTo(DropStatus.CLOSED);
    }

    @Test
    void fallbackStockIsEverythingBeforeTheOpeningAndUnknownAfter() {
        Drop drop = Drop.create(ProductId.random(), terms(1, 10, 1, OPENS, CLOSES), NOW);

        assertThat(drop.fallbackRemaining(NOW)).isEqualTo(10);
        assertThat(drop.fallbackRemaining(OPENS)).isNull();
    }

    @Test
    void everyChangeIsTheNextRevision() {
        Drop drop = Drop.create(ProductId.random(), terms(1, 10, 1, OPENS, CLOSES), NOW);
        DropTerms cheaper = new DropPatch(0L, null, null, null, null).applyTo(drop.terms());

        assertThat(drop.revision()).isEqualTo(1);
        assertThat(drop.withTerms(cheaper, NOW).revision()).isEqualTo(2);
        assertThat(drop.withTerms(cheaper, NOW).closed(NOW).revision()).isEqualTo(3);
        assertThat(cheaper).isEqualTo(terms(0, 10, 1, OPENS, CLOSES));
    }
}
