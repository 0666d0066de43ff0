package dev.tarsspeedy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.e2e.fixture.Api;
import dev.tarsspeedy.e2e.fixture.Browser;
import dev.tarsspeedy.e2e.fixture.Mailbox;
import dev.tarsspeedy.e2e.fixture.Poll;
import dev.tarsspeedy.e2e.fixture.RunningStack;
import dev.tarsspeedy.e2e.fixture.Shoppers;
import dev.tarsspeedy.e2e.fixture.Shoppers.Shopper;
import dev.tarsspeedy.e2e.fixture.Speedy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * After the buy: pay through the Kakaopay stand-in's page (its form, its redirect back to our callback), the order
 * becomes PAID and the confirmation arrives by email; the delivery steps pass (short durations in the shared stack),
 * one email each; a return within the window ends RETURNED with the payment refunded, and the unit and the buyer's
 * limit are back.
 */
class PaymentAndDeliveryIT {

    private static Api gateway;
    private static Mailbox mailbox;
    private static Shoppers shoppers;
    private static Speedy speedy;
    private final Browser browser = new Browser();

    @BeforeAll
    static void startStack() throws Exception {
        RunningStack stack = RunningStack.shared();
        gateway = new Api(stack.gateway());
        mailbox = new Mailbox(stack.mailbox());
        shoppers = new Shoppers(gateway, mailbox);
        speedy = new Speedy(gateway);
    }

    @Test
    void payThroughKakaopaysPageThenDeliveryThenReturnWithRefund() throws Exception {
        String admin = shoppers.logIn("admin@example.com", RunningStack.ADMIN_PASSWORD);
        String dropId = speedy.createDrop(
                admin, "E2E jacket", 129_000, 2, 1, Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS));
        Shopper seoyeon = shoppers.signUp("seoyeon", "ko");

        Api.Response bought = Poll.until(
                () -> speedy.buy(seoyeon, dropId, UUID.randomUUID().toString(), 1),
                r -> r.status() == 202,
                Duration.ofSeconds(60));
        String orderId = bought.json().path("orderId").asString();
        Poll.until(
                () -> gateway.get("/api/orders/" + orderId, seoyeon.token()),
                r -> r.status() == 200,
                Duration.ofSeconds(30));

        Api.Response started = Poll.until(
                () -> gateway.post("/api/orders/" + orderId + "/payment", Map.of(), seoyeon.token()),
                r -> r.status() == 200,
                Duration.ofSeconds(30));
        String paymentId = started.json().path("paymentId").asString();
        URI kakaopayPage = URI.create(started.json().path("redirectUrl").asString());

        Browser.Page page = browser.get(kakaopayPage);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("129,000").contains("E2E");
        Browser.Page approved = browser.submit(page, "approve");
        assertThat(approved.status()).as("Kakaopay sends the browser back").isEqualTo(302);
        assertThat(approved.location())
                .contains("/api/payments/" + paymentId + "/approve")
                .contains("pg_token=");
        // The payment service approves with Kakaopay, then sends the browser to the web interface's page for the
        // payment (PAYMENT_RESULT_URL in the stack), which shows the order's result to its signed-in owner.
        Browser.Page callback = browser.get(approved.uri().resolve(approved.location()));
        assertThat(callback.status())
                .as("the approval callback sends the browser on")
                .isEqualTo(303);
        assertThat(URI.create(callback.location()).getPath()).isEqualTo("/payments/" + paymentId);

        Poll.until(() -> order(orderId, seoyeon), r -> status(r).equals("PAID"), Duration.ofSeconds(30));
        mailbox.await(
                seoyeon.email(),
                mail -> mail.path("subject").asString().contains(orderId)
                        && mail.path("text").asString().contains("129"),
                Duration.ofSeconds(60));

        // The delivery steps, seconds apart in this stack; one email per step.
        JsonNode delivered = Poll.until(
                        () -> order(orderId, seoyeon), r -> status(r).equals("DELIVERED"), Duration.ofSeconds(90))
                .json();
        assertThat(history(delivered))
                .containsSubsequence("PENDING_PAYMENT", "PAID", "PREPARING", "SHIPPING", "DELIVERED");
        long statusMails = mailboxCount(seoyeon.email(), orderId);
        assertThat(statusMails).as("confirmation and the three steps").isGreaterThanOrEqualTo(4);
        assertThat(gateway.post("/api/orders/" + orderId + "/cancel", Map.of(), seoyeon.token())
                        .status())
                .as("no cancel once shipped")
                .isEqualTo(409);

        Api.Response returned = gateway.post("/api/orders/" + orderId + "/return", Map.of(), seoyeon.token());
        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        assertThat(status(returned)).isEqualTo("RETURN_REQUESTED");
        JsonNode refunded = Poll.until(
                        () -> order(orderId, seoyeon),
                        r -> status(r).equals("RETURNED")
                                && r.json().path("refundedAt").isString(),
                        Duration.ofSeconds(90))
                .json();
        assertThat(history(refunded)).containsSubsequence("DELIVERED", "RETURN_REQUESTED", "RETURNED");
        Api.Response payment = gateway.get("/api/payments/" + paymentId, seoyeon.token());
        assertThat(payment.json().path("status").asString()).isEqualTo("REFUNDED");
        mailbox.await(
                seoyeon.email(),
                mail -> mail.path("subject").asString().contains(orderId)
                        && mail.path("subject").asString().matches(".*(환불|refund).*"),
                Duration.ofSeconds(60));

        Poll.until(
                () -> gateway.get("/api/drops/" + dropId, null),
                r -> r.json().path("remaining").asInt(-1) == 2,
                Duration.ofSeconds(30));
        Api.Response again = speedy.buy(seoyeon, dropId, UUID.randomUUID().toString(), 1);
        assertThat(again.status()).as("the buyer's limit is back: " + again).isEqualTo(202);
    }

    private static Api.Response order(String orderId, Shopper shopper) {
        return gateway.get("/api/orders/" + orderId, shopper.token());
    }

    private static String status(Api.Response response) {
        return response.status() == 200 ? response.json().path("status").asString() : "";
    }

    private static List<String> history(JsonNode order) {
        List<String> statuses = new ArrayList<>();
        order.path("history").forEach(entry -> statuses.add(entry.path("status").asString()));
        return statuses;
    }

    private static long mailboxCount(String address, String orderId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long count = 0;
        while (System.nanoTime() < deadline) {
            count = mailbox.all(address).stream()
                    .filter(mail -> mail.path("subject").asString().contains(orderId))
                    .count();
            if (count >= 4) {
                return count;
            }
            Thread.sleep(250);
        }
        return count;
    }
}
