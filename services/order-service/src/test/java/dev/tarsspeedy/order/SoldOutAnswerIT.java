package dev.tarsspeedy.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.contracts.order.SoldOutAnswer;
import dev.tarsspeedy.order.support.DropMother;
import dev.tarsspeedy.order.support.OrderTestBase;
import dev.tarsspeedy.platform.test.ProblemAssertions;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sold-out answer says how long it holds ({@link SoldOutAnswer}) only when nothing is left: the gateway repeats
 * it for that long, so any other refusal must not carry it.
 */
class SoldOutAnswerIT extends OrderTestBase {

    private static final long TTL_MILLIS = 1_000; // order.buy.sold-out-ttl, the default

    @Test
    void aDropWithNothingLeftIsAnsweredSoldOutForAsLongAsThisInstanceRemembersIt() {
        DropChanged drop = publish(DropMother.drop().quantity(1).limit(1).build());
        bought(drop.dropId(), UUID.randomUUID(), 1);

        // The last unit's sale already made this instance remember the sell-out: every refusal holds for what is left
        // of that memory, never longer.
        long first = soldOutMaxAge(drop.dropId());
        long second = soldOutMaxAge(drop.dropId());
        assertThat(first).isPositive().isLessThanOrEqualTo(TTL_MILLIS);
        assertThat(second).isPositive().isLessThanOrEqualTo(TTL_MILLIS);
    }

    @Test
    void aRefusalWhileUnitsAreLeftDoesNotHoldForOthers() {
        DropChanged drop = publish(DropMother.drop().quantity(3).limit(5).build());
        bought(drop.dropId(), UUID.randomUUID(), 2);

        // One unit is left: two are too many for this buyer, but the next buyer of one would get it.
        WebTestClient.ResponseSpec notEnough =
                buy(drop.dropId(), UUID.randomUUID(), 2, UUID.randomUUID().toString());
        notEnough.expectHeader().doesNotExist(SoldOutAnswer.MAX_AGE_HEADER);
        ProblemAssertions.assertProblem(notEnough, HttpStatus.CONFLICT, "sold-out");
        bought(drop.dropId(), UUID.randomUUID(), 1);
    }

    @Test
    void otherRefusalsDoNotHold() {
        DropChanged drop = publish(DropMother.drop().quantity(10).limit(1).build());

        WebTestClient.ResponseSpec overLimit =
                buy(drop.dropId(), UUID.randomUUID(), 2, UUID.randomUUID().toString());
        overLimit.expectHeader().doesNotExist(SoldOutAnswer.MAX_AGE_HEADER);
        ProblemAssertions.assertProblem(overLimit, HttpStatus.CONFLICT, "limit-exceeded");
    }

    /** A new buyer's attempt of one unit, refused as sold out; returns its {@link SoldOutAnswer#MAX_AGE_HEADER}. */
    private long soldOutMaxAge(UUID drop) {
        WebTestClient.ResponseSpec response =
                buy(drop, UUID.randomUUID(), 1, UUID.randomUUID().toString());
        AtomicReference<String> maxAge = new AtomicReference<>();
        response.expectHeader().value(SoldOutAnswer.MAX_AGE_HEADER, maxAge::set);
        ProblemAssertions.assertProblem(response, HttpStatus.CONFLICT, "sold-out");
        return Long.parseLong(maxAge.get());
    }
}
