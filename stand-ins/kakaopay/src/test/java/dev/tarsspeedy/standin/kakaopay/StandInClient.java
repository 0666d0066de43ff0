package dev.tarsspeedy.standin.kakaopay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the stand-in, as a merchant server (API) and a browser (page) use it. */
final class StandInClient {

    static final String KEY = "DEV-TEST-SECRET";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final KakaopayStandIn standIn;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    StandInClient(KakaopayStandIn standIn) {
        this.standIn = standIn;
    }

    record Answer(int status, JsonNode json, HttpResponse<String> raw) {}

    Answer post(Endpoint endpoint, Map<String, Object> body) {
        return post(endpoint.path(), "SECRET_KEY " + KEY, body, Duration.ofSeconds(30));
    }

    Answer post(String path, String authorization, Object body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(standIn.baseUrl() + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        body instanceof String text ? text : JSON.writeValueAsString(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = send(request.build());
        JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json, response);
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    HttpResponse<String> form(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> readyBody(String orderId, String userId, long amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cid", KakaopayStandIn.TEST_CID);
        body.put("partner_order_id", orderId);
        body.put("partner_user_id", userId);
        body.put("item_name", "무선 이어폰");
        body.put("quantity", 1);
        body.put("total_amount", amount);
        body.put("tax_free_amount", 0);
        body.put("approval_url", "http://shop.test/pay/approve");
        body.put("cancel_url", "http://shop.test/pay/cancel");
        body.put("fail_url", "http://shop.test/pay/fail");
        return body;
    }

    /** ready, returns the tid. */
    String ready(String orderId, String userId, long amount) {
        Answer answer = post(Endpoint.READY, readyBody(orderId, userId, amount));
        if (answer.status() != 200) {
            throw new AssertionError("ready failed: " + answer.raw().body());
        }
        return answer.json().get("tid").asString();
    }

    Answer approve(String tid, String orderId, String userId, String pgToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cid", KakaopayStandIn.TEST_CID);
        body.put("tid", tid);
        body.put("partner_order_id", orderId);
        body.put("partner_user_id", userId);
        body.put("pg_token", pgToken);
        return post(Endpoint.APPROVE, body);
    }

    Answer order(String tid) {
        return post(Endpoint.ORDER, Map.of("cid", KakaopayStandIn.TEST_CID, "tid", tid));
    }

    Answer cancel(String tid, long amount) {
        return post(
                Endpoint.CANCEL,
                Map.of(
                        "cid",
                        KakaopayStandIn.TEST_CID,
                        "tid",
                        tid,
                        "cancel_amount",
                        amount,
                        "cancel_tax_free_amount",
                        0));
    }
}
