package dev.tarsspeedy.order.sale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.order.DropId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderDropWindowTest {

    private static final Instant OPENS = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant CLOSES = Instant.parse("2026-11-21T11:00:00Z");

    private static Drop drop(Instant closedAt) {
        return new Drop(DropId.of(UUID.randomUUID()), 1, UUID.randomUUID(), "p", 1000, 10, 1, OPENS, CLOSES, closedAt);
    }

    @Test
    void theWindowIsOpenFromOpeningUntilClosing() {
        Drop drop = drop(null);
        assertThat(drop.notYetOpenAt(OPENS.minusMillis(1))).isTrue();
        assertThat(drop.openAt(OPENS)).isTrue();
        assertThat(drop.openAt(CLOSES.minusMillis(1))).isTrue();
        assertThat(drop.closedAt(CLOSES)).isTrue();
        assertThat(drop.endsAt()).isEqualTo(CLOSES);
    }

    @Test
    void anOperatorStopEndsTheSaleEarly() {
        Instant stopped = OPENS.plusSeconds(60);
        Drop drop = drop(stopped);
        assertThat(drop.openAt(OPENS.plusSeconds(10))).isFalse();
        assertThat(drop.endsAt()).isEqualTo(stopped);
    }

    @Test
    void relevantFromTheLeadTimeUntilKeepAfterClose() {
        Drop drop = drop(null);
        Duration lead = Duration.ofMinutes(5);
        Duration after = Duration.ofHours(1);
        assertThat(drop.relevantAt(OPENS.minus(lead).minusMillis(1), lead, after))
                .isFalse();
        assertThat(drop.relevantAt(OPENS.minus(lead), lead, after)).isTrue();
        assertThat(drop.relevantAt(CLOSES.plus(after).minusMillis(1), lead, after))
                .isTrue();
        assertThat(drop.relevantAt(CLOSES.plus(after), lead, after)).isFalse();
    }

    @Test
    void soldOutFlagsRunOutAndAreCleared() {
        SaleSettings properties = new SaleSettings(null, null, new SaleSettings.SoldOut(Duration.ofSeconds(1)));
        SoldOutFlags flags = new SoldOutFlags(properties);
        DropId drop = DropId.of(UUID.randomUUID());
        Instant now = Instant.now();
        assertThat(flags.remembered(drop, now)).isZero();
        flags.mark(drop, now);
        assertThat(flags.remembered(drop, now.plusMillis(999))).isEqualTo(Duration.ofMillis(1));
        assertThat(flags.remembered(drop, now.plusSeconds(1))).isZero();
        flags.mark(drop, now);
        flags.clear(drop);
        assertThat(flags.remembered(drop, now)).isZero();
    }
}
