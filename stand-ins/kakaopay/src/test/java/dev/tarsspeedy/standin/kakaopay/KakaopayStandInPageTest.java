package dev.tarsspeedy.standin.kakaopay;

import static dev.tarsspeedy.standin.kakaopay.StandInClient.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The buyer's side: fetch the page, submit its form, follow the redirect back to the shop. */
class KakaopayStandInPageTest {

    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");

    private final KakaopayStandInApiTest.MovableClock clock = new KakaopayStandInApiTest.MovableClock();
    private KakaopayStandIn standIn;
    private StandInClient client;

    @BeforeEach
    void start() {
        standIn = KakaopayStandIn.start(0, KEY, clock);
        client = new StandInClient(standIn);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void thePageShowsItemAndAmountAndApproveRedirectsWithAPgTokenThatApproves() {
        var ready = client.post(Endpoint.READY, StandInClient.readyBody("order-p1", "user-p1", 129_000));
        String tid = ready.json().get("tid").asString();

        HttpResponse<String> page =
                client.get(ready.json().get("next_redirect_pc_url").asString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body())
                .contains("무선 이어폰")
                .contains("129,000원")
                .contains("Approve")
                .contains("Cancel");
        assertThat(standIn.payment(tid).orElseThrow().status()).isEqualTo("OPEN_PAYMENT");

        HttpResponse<String> redirect = client.form(action(page.body(), "/approve"));

        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://shop.test/pay/approve?pg_token=");
        String pgToken = URI.create(location).getQuery().substring("pg_token=".length());
        assertThat(client.approve(tid, "order-p1", "user-p1", pgToken).status()).isEqualTo(200);

        HttpResponse<String> again =
                client.get(ready.json().get("next_redirect_pc_url").asString());
        assertThat(again.body()).contains("already handled").doesNotContain("<form");
    }

    @Test
    void cancelRedirectsToTheCancelUrlAndTheTransactionCannotBeApproved() {
        String tid = client.ready("order-p2", "user-p2", 5_000);
        HttpResponse<String> page = client.get(standIn.baseUrl() + KakaopayStandIn.PAGES + tid);

        HttpResponse<String> redirect = client.form(action(page.body(), "/cancel"));

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue("http://shop.test/pay/cancel");
        assertThat(client.order(tid).json().get("status").asString()).isEqualTo("QUIT_PAYMENT");
        assertThat(client.form(standIn.baseUrl() + KakaopayStandIn.PAGES + tid + "/approve")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void anExpiredPageSaysSoAndItsFormGoesToTheFailUrl() {
        String tid = client.ready("order-p3", "user-p3", 5_000);
        clock.advance(KakaopayStandIn.READY_LIFETIME.plusSeconds(1));

        assertThat(client.get(standIn.baseUrl() + KakaopayStandIn.PAGES + tid).body())
                .contains("expired");
        HttpResponse<String> redirect = client.form(standIn.baseUrl() + KakaopayStandIn.PAGES + tid + "/approve");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue("http://shop.test/pay/fail");
    }

    @Test
    void approvalUrlWithAQueryGetsThePgTokenAppended() {
        var body = StandInClient.readyBody("order-p4", "user-p4", 5_000);
        body.put("approval_url", "http://shop.test/pay/approve?lang=ko");
        String tid = client.post(Endpoint.READY, body).json().get("tid").asString();

        HttpResponse<String> redirect = client.form(standIn.baseUrl() + KakaopayStandIn.PAGES + tid + "/approve");

        assertThat(redirect.headers().firstValue("Location").orElseThrow())
                .startsWith("http://shop.test/pay/approve?lang=ko&pg_token=");
    }

    @Test
    void theItemNameIsEscaped() {
        var body = StandInClient.readyBody("order-p5", "user-p5", 5_000);
        body.put("item_name", "<script>alert(1)</script>");
        String tid = client.post(Endpoint.READY, body).json().get("tid").asString();

        assertThat(client.get(standIn.baseUrl() + KakaopayStandIn.PAGES + tid).body())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;");
    }

    @Test
    void unknownPageIs404() {
        assertThat(client.get(standIn.baseUrl() + KakaopayStandIn.PAGES + "T-nothing")
                        .statusCode())
                .isEqualTo(404);
    }

    private String action(String html, String suffix) {
        Matcher matcher = FORM.matcher(html);
        while (matcher.find()) {
            if (matcher.group(1).endsWith(suffix)) {
                return standIn.baseUrl() + matcher.group(1);
            }
        }
        throw new AssertionError("no form ending in " + suffix + " in " + html);
    }
}
