package dev.tarsspeedy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.e2e.fixture.Api;
import dev.tarsspeedy.e2e.fixture.Mailbox;
import dev.tarsspeedy.e2e.fixture.Poll;
import dev.tarsspeedy.e2e.fixture.RunningStack;
import dev.tarsspeedy.e2e.fixture.Shoppers;
import dev.tarsspeedy.e2e.fixture.Shoppers.Shopper;
import dev.tarsspeedy.e2e.fixture.Speedy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Speedy through the gateway on the real stack: an operator puts a drop on sale, a shopper wishlists it and gets the
 * reminder by email, is refused before opening, buys when it opens (a replay of the same Idempotency-Key takes
 * nothing more), is refused above the limit, watches the stock live, sees the order, a stranger cannot, and a
 * cancel puts the unit back on sale.
 */
class SpeedyFlowIT {

    private static RunningStack stack;
    private static Api gateway;
    private static Mailbox mailbox;
    private static Shoppers shoppers;
    private static Speedy speedy;

    @BeforeAll
    static void startStack() throws Exception {
        stack = RunningStack.shared();
        gateway = new Api(stack.gateway());
        mailbox = new Mailbox(stack.mailbox());
        shoppers = new Shoppers(gateway, mailbox);
        speedy = new Speedy(gateway);
    }

    @Test
    void wishlistRemindBuyWatchAndCancel() throws Exception {
        String admin = shoppers.logIn("admin@example.com", RunningStack.ADMIN_PASSWORD);
        Instant opensAt = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        String dropId = speedy.createDrop(admin, "E2E sneakers", 59_000, 3, 1, opensAt);

        JsonNode upcoming = gateway.get("/api/drops/" + dropId, null).json();
        assertThat(upcoming.path("status").asString()).isEqualTo("UPCOMING");
        assertThat(upcoming.path("quantity").asInt()).isEqualTo(3);

        Shopper jiwoo = shoppers.signUp("jiwoo", "ko");
        assertThat(gateway.put("/api/wishlist/" + dropId, jiwoo.token()).status())
                .isEqualTo(204);
        assertThat(gateway.get("/api/wishlist", jiwoo.token()).body()).contains(dropId);

        // The drop opens within the reminder lead time: the reminder comes, in Korean, before the drop opens.
        JsonNode reminder = mailbox.await(
                jiwoo.email(),
                mail -> mail.path("text").asString().contains(dropId)
                        || mail.path("html").asString().contains(dropId),
                Duration.ofSeconds(60));
        assertThat(reminder.path("headers").toString()).contains("List-Unsubscribe");

        String key = UUID.randomUUID().toString();
        Api.Response early = speedy.buy(jiwoo, dropId, key, 1);
        if (Instant.now().isBefore(opensAt)) {
            assertThat(early.status()).as(early.toString()).isEqualTo(409);
            assertThat(early.json().path("type").asString()).endsWith("/not-open");
        }

        Api.Response bought =
                Poll.until(() -> speedy.buy(jiwoo, dropId, key, 1), r -> r.status() == 202, Duration.ofSeconds(60));
        String orderId = bought.json().path("orderId").asString();
        assertThat(bought.json().path("status").asString()).isEqualTo("PENDING_PAYMENT");

        Api.Response replay = speedy.buy(jiwoo, dropId, key, 1);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        assertThat(replay.json().path("orderId").asString()).isEqualTo(orderId);

        Api.Response second = speedy.buy(jiwoo, dropId, UUID.randomUUID().toString(), 1);
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.json().path("type").asString()).endsWith("/limit-exceeded");

        Api.Response bad = speedy.buy(jiwoo, dropId, UUID.randomUUID().toString(), 0);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).isEqualTo("application/problem+json");

        List<String> events = gateway.streamLines("/api/drops/" + dropId + "/stream", 2, Duration.ofSeconds(10));
        assertThat(events).as("live stock through the gateway").anyMatch(line -> line.startsWith("data:"));
        assertThat(events).anyMatch(line -> line.contains("2"));

        JsonNode order = Poll.until(
                        () -> gateway.get("/api/orders/" + orderId, jiwoo.token()),
                        r -> r.status() == 200,
                        Duration.ofSeconds(30))
                .json();
        assertThat(order.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.path("quantity").asInt()).isEqualTo(1);

        Shopper stranger = shoppers.signUp("stranger", "en");
        assertThat(gateway.get("/api/orders/" + orderId, stranger.token()).status())
                .isEqualTo(404);

        Poll.until(() -> gateway.get("/api/drops/" + dropId, null), r -> remaining(r) == 2, Duration.ofSeconds(30));

        Api.Response cancelled = gateway.post("/api/orders/" + orderId + "/cancel", Map.of(), jiwoo.token());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        Poll.until(() -> gateway.get("/api/drops/" + dropId, null), r -> remaining(r) == 3, Duration.ofSeconds(30));

        Api.Response stats = gateway.get("/api/admin/drops/" + dropId + "/stats", admin);
        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        assertThat(stats.json().path("remaining").asInt()).isEqualTo(3);
        assertThat(gateway.get("/api/admin/drops/" + dropId + "/stats", jiwoo.token())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void browsingNeedsNoAccountButBuyingDoes() {
        assertThat(gateway.get("/api/drops?status=UPCOMING", null).status()).isEqualTo(200);
        Api.Response anonymous = gateway.send(
                "POST",
                "/api/drops/" + UUID.randomUUID() + "/orders",
                Map.of("quantity", 1),
                null,
                Map.of("Idempotency-Key", "k"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).isEqualTo("application/problem+json");
    }

    private static int remaining(Api.Response drop) {
        JsonNode remaining = drop.json().path("remaining");
        return remaining.isNumber() ? remaining.asInt() : -1;
    }
}
