package dev.tarsspeedy.standin.market;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the stand-in, calling it as the service's adapters would. */
final class MarketClient {

    static final String APP_KEY = "app-key";
    static final String APP_SECRET = "app-secret";
    static final String FSC_KEY = "fsc-key";
    static final String FINNHUB_TOKEN = "fh-token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final MarketStandIn market;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    MarketClient(MarketStandIn market) {
        this.market = market;
    }

    record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Answer tokenP(String appKey, String appSecret) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credentials");
        body.put("appkey", appKey);
        body.put("appsecret", appSecret);
        return send(HttpRequest.newBuilder(uri("/oauth2/tokenP"))
                .header("content-type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    String token() {
        Answer answer = tokenP(APP_KEY, APP_SECRET);
        if (answer.status() != 200) {
            throw new IllegalStateException("no token: " + answer.body());
        }
        return answer.json().get("access_token").asString();
    }

    Answer kis(String path, String trId, String token, Map<String, String> query) {
        return send(HttpRequest.newBuilder(uri("/uapi/domestic-stock/v1/quotations/" + path + "?" + query(query)))
                .header("content-type", "application/json; charset=utf-8")
                .header("authorization", "Bearer " + token)
                .header("appkey", APP_KEY)
                .header("appsecret", APP_SECRET)
                .header("tr_id", trId)
                .header("custtype", "P")
                .GET());
    }

    Answer inquirePrice(String token, String code) {
        return kis(
                "inquire-price", "FHKST01010100", token, Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", code));
    }

    Answer finnhub(String pathAndQuery) {
        String sep = pathAndQuery.contains("?") ? "&" : "?";
        return get(pathAndQuery + sep + "token=" + FINNHUB_TOKEN);
    }

    Answer fsc(Map<String, String> query) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("serviceKey", FSC_KEY);
        all.put("resultType", "json");
        all.putAll(query);
        return get("/1160100/service/GetStockSecuritiesInfoService/getStockPriceInfo?" + query(all));
    }

    Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create(market.baseUrl() + pathAndQuery);
    }

    static String query(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
