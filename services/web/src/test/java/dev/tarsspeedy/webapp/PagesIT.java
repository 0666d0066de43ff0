package dev.tarsspeedy.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tarsspeedy.platform.test.ServiceIT;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The web service on real Redis (sessions) in front of a stand-in gateway that answers like the platform's APIs:
 * the session cookie, CSRF, the Content-Security-Policy, pages that need a user, the language, and what a page shows
 * when the platform is down.
 */
@ServiceIT
class PagesIT {

    private static final FakeGateway gateway = FakeGateway.start();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.gateway.base-url", gateway::url);
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void reset() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
        gateway.up = true;
        gateway.marketUp = true;
        gateway.received.clear();
    }

    @Test
    void everyPageCarriesAContentSecurityPolicyWithoutInlineScripts() {
        String csp = client.get()
                .uri("/login")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'", "default-src 'self'", "frame-ancestors 'none'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        ResponseCookie cookie = client.get()
                .uri("/login")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseCookies()
                .getFirst("SESSION");
        assertThat(cookie).as("the session cookie").isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/");
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefused() {
        Browser browser = new Browser(client);
        browser.get("/login"); // a session exists, but the post below leaves its token out
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("email", "buyer@example.com");
        form.add("password", "Correct-Horse-1");
        client.post()
                .uri("/login")
                .cookie("SESSION", browser.session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(gateway.received).as("nothing reached the API").isEmpty();
    }

    @Test
    void pagesThatNeedAUserSendTheBrowserToLogInFirst() {
        for (String page : List.of("/orders", "/wishlist", "/profile", "/admin", "/operators/deliveries")) {
            client.get()
                    .uri(page)
                    .exchange()
                    .expectStatus()
                    .isSeeOther()
                    .expectHeader()
                    .location("/login?next=" + java.net.URLEncoder.encode(page, StandardCharsets.UTF_8));
        }
        assertThat(gateway.received).as("no API was called without a user").isEmpty();
    }

    @Test
    void loggingInKeepsTheTokensOnTheServerAndSendsThemWithEveryApiCall() {
        Browser browser = new Browser(client);
        EntityExchangeResult<String> login = browser.post(
                "/login", Map.of("email", "buyer@example.com", "password", "Correct-Horse-1", "next", "/orders"));
        assertThat(login.getStatus().value()).isEqualTo(303);
        assertThat(login.getResponseHeaders().getLocation()).hasToString("/orders");
        assertThat(String.valueOf(login.getResponseBody()))
                .as("no token in what the browser receives")
                .doesNotContain("access-1");
        assertThat(login.getResponseHeaders().toString()).doesNotContain("access-1", "refresh-1");

        EntityExchangeResult<String> orders = browser.get("/orders");
        assertThat(orders.getStatus().value()).isEqualTo(200);
        assertThat(orders.getResponseBody()).contains("Speedy Runner").doesNotContain("access-1");
        assertThat(gateway.authorizations.get("/api/orders")).isEqualTo("Bearer access-1");

        EntityExchangeResult<String> logout = browser.post("/logout", Map.of());
        assertThat(logout.getStatus().value()).isEqualTo(303);
        assertThat(gateway.received).contains("POST /api/auth/logout");
        assertThat(browser.get("/orders").getStatus().value()).as("signed out").isEqualTo(303);
    }

    @Test
    void aRefusedLogInShowsTheApisLocalizedDetail() {
        Browser browser = new Browser(client);
        EntityExchangeResult<String> refused =
                browser.post("/login", Map.of("email", "buyer@example.com", "password", "wrong", "next", "/"), "ko");
        assertThat(refused.getStatus().value()).isEqualTo(401);
        assertThat(refused.getResponseBody()).contains("이메일 또는 비밀번호가 올바르지 않습니다.");
        assertThat(gateway.languages.get("/api/auth/login")).isEqualTo("ko");
    }

    @Test
    void theLanguageFollowsTheBrowserUntilTheUserSwitches() {
        assertThat(new Browser(client).get("/login", "ko").getResponseBody()).contains("<html lang=\"ko\"", "로그인");
        assertThat(new Browser(client).get("/login", "en-US,en;q=0.9").getResponseBody())
                .contains("<html lang=\"en\"", "Log in");

        EntityExchangeResult<String> chosen = client.get()
                .uri("/language?lang=en&back=/login")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ko")
                .exchange()
                .expectBody(String.class)
                .returnResult();
        assertThat(chosen.getStatus().value()).isEqualTo(303);
        assertThat(chosen.getResponseHeaders().getLocation()).hasToString("/login");
        ResponseCookie lang = chosen.getResponseCookies().getFirst("lang");
        assertThat(lang.getValue()).isEqualTo("en");
        String page = client.get()
                .uri("/login")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ko")
                .cookie("lang", "en")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).contains("<html lang=\"en\"");
    }

    @Test
    void theSwitchNeverSendsTheBrowserToAnotherSite() {
        client.get()
                .uri("/language?lang=ko&back=//evil.example/")
                .exchange()
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location("/");
    }

    @Test
    void thePlatformDownShowsAFriendlyPageNeverAStackTrace() {
        gateway.up = false;
        EntityExchangeResult<String> page = new Browser(client).get("/drops", "en");
        assertThat(page.getStatus().value()).isEqualTo(503);
        assertThat(page.getResponseBody())
                .contains("We will be right back")
                .doesNotContain("Exception", "at dev.tarsspeedy");
        assertThat(new Browser(client).get("/", "en").getStatus().value())
                .as("the home page still works, without the drops")
                .isEqualTo(200);
    }

    /** Each market open or closed, its next close or open in the reader's zone (Seoul before log-in), the demo note. */
    @Test
    void theHomePageSaysWhichMarketsAreOpen() {
        dev.tarsspeedy.webapp.pages.web.Formats fmt = new dev.tarsspeedy.webapp.pages.web.Formats();
        java.time.ZoneId seoul = java.time.ZoneId.of("Asia/Seoul");
        java.time.Instant krxCloses = java.time.Instant.parse("2026-12-07T06:30:00Z");
        java.time.Instant usOpens = java.time.Instant.parse("2026-12-07T14:30:00Z");
        String english = new Browser(client).get("/", "en").getResponseBody();
        assertThat(fmt.time(krxCloses, seoul, java.util.Locale.ENGLISH))
                .contains("3:30")
                .contains("Dec 7");
        assertThat(english)
                .contains("id=\"markets\"", "Korea (KRX)", ">Open<")
                .contains("closes " + fmt.time(krxCloses, seoul, java.util.Locale.ENGLISH))
                .contains("United States (NYSE, Nasdaq)", ">Closed<", "Before the open")
                .contains("opens " + fmt.time(usOpens, seoul, java.util.Locale.ENGLISH))
                .contains("Simulated session");
        String korean = new Browser(client).get("/", "ko").getResponseBody();
        assertThat(korean)
                .contains("한국 (KRX)", ">개장<", fmt.time(krxCloses, seoul, java.util.Locale.KOREAN) + " 마감")
                .contains("미국 (NYSE, 나스닥)", ">휴장<", "개장 전")
                .contains(fmt.time(usOpens, seoul, java.util.Locale.KOREAN) + " 개장")
                .contains("모의 세션");
    }

    /** A rise is red in Korean and green in English; the page names both colours for its live updates. */
    @Test
    void aStocksChangeIsColouredInTheReadersConvention() {
        EntityExchangeResult<String> korean = new Browser(client).get("/stocks/005930", "ko");
        assertThat(korean.getStatus().value()).isEqualTo(200);
        assertThat(korean.getResponseBody())
                .contains("class=\"up trend-red\"")
                .contains("data-rise=\"trend-red\" data-fall=\"trend-blue\"");
        EntityExchangeResult<String> english = new Browser(client).get("/stocks/005930", "en");
        assertThat(english.getStatus().value()).isEqualTo(200);
        assertThat(english.getResponseBody())
                .contains("Samsung Electronics")
                .contains("class=\"up trend-green\"")
                .contains("data-rise=\"trend-green\" data-fall=\"trend-red\"");
    }

    @Test
    void withoutTheMarketServiceTheHomePageHasNoMarketsSection() {
        gateway.marketUp = false;
        EntityExchangeResult<String> home = new Browser(client).get("/", "en");
        assertThat(home.getStatus().value()).isEqualTo(200);
        assertThat(home.getResponseBody())
                .doesNotContain("id=\"markets\"", "Simulated session", "We will be right back")
                .contains("Speedy Runner");
    }

    @Test
    void dropsShowTheirPriceInWonAndTheirStatusInTheReadersLanguage() {
        String english = new Browser(client).get("/drops", "en").getResponseBody();
        assertThat(english).contains("Speedy Runner", "₩129,000", "Open");
        String korean = new Browser(client).get("/drops", "ko").getResponseBody();
        assertThat(korean).contains("₩129,000", "판매 중");
    }

    /** A browser: keeps the session cookie, reads each form's CSRF token and posts it back. */
    static final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        private final WebTestClient client;
        String session;
        private String csrf;

        Browser(WebTestClient client) {
            this.client = client;
        }

        EntityExchangeResult<String> get(String path) {
            return get(path, "en");
        }

        EntityExchangeResult<String> get(String path, String language) {
            WebTestClient.RequestHeadersSpec<?> request =
                    client.get().uri(path).header(HttpHeaders.ACCEPT_LANGUAGE, language);
            if (session != null) {
                request = request.cookie("SESSION", session);
            }
            return remember(request.exchange().expectBody(String.class).returnResult());
        }

        EntityExchangeResult<String> post(String path, Map<String, String> fields) {
            return post(path, fields, "en");
        }

        EntityExchangeResult<String> post(String path, Map<String, String> fields, String language) {
            if (csrf == null) {
                get("/login", language);
            }
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            fields.forEach(form::add);
            form.add("_csrf", csrf);
            return remember(client.post()
                    .uri(path)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                    .cookie("SESSION", session)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData(form))
                    .exchange()
                    .expectBody(String.class)
                    .returnResult());
        }

        private EntityExchangeResult<String> remember(EntityExchangeResult<String> result) {
            ResponseCookie cookie = result.getResponseCookies().getFirst("SESSION");
            if (cookie != null) {
                session = cookie.getValue().isEmpty() ? null : cookie.getValue();
            }
            if (result.getResponseBody() != null) {
                Matcher token = CSRF.matcher(result.getResponseBody());
                if (token.find()) {
                    csrf = token.group(1);
                }
            }
            return result;
        }
    }

    /** Answers like the gateway in front of the identity, catalog and order APIs; records what it receives. */
    static final class FakeGateway {

        private final HttpServer server;
        final List<String> received = new CopyOnWriteArrayList<>();
        final Map<String, String> authorizations = new ConcurrentHashMap<>();
        final Map<String, String> languages = new ConcurrentHashMap<>();
        volatile boolean up = true;
        volatile boolean marketUp = true;

        private FakeGateway(HttpServer server) {
            this.server = server;
        }

        static FakeGateway start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                FakeGateway gateway = new FakeGateway(server);
                server.createContext("/", gateway::handle);
                server.start();
                return gateway;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + path);
            if (exchange.getRequestHeaders().getFirst("Authorization") != null) {
                authorizations.put(path, exchange.getRequestHeaders().getFirst("Authorization"));
            }
            if (exchange.getRequestHeaders().getFirst("Accept-Language") != null) {
                languages.put(path, exchange.getRequestHeaders().getFirst("Accept-Language"));
            }
            if (!up) {
                send(exchange, 503, "application/problem+json", """
                        {"type":"https://tarsspeedy.dev/problems/service-unavailable","title":"Service Unavailable",\
                        "status":503,"detail":"down"}""");
                return;
            }
            switch (path) {
                case "/api/market/status" -> {
                    if (!marketUp) {
                        send(exchange, 503, "application/problem+json", """
                                {"type":"https://tarsspeedy.dev/problems/service-unavailable",\
                                "title":"Service Unavailable","status":503,"detail":"market-data is down"}""");
                        return;
                    }
                    boolean korean = String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Language"))
                            .startsWith("ko");
                    send(exchange, 200, "application/json", """
                            {"at":"2026-12-07T01:00:00Z","simulated":true,"markets":[\
                            {"market":"KRX","zone":"Asia/Seoul","open":true,"simulated":true,"session":{"date":"2026-12-07",\
                            "opens":"2026-12-07T00:00:00Z","closes":"2026-12-07T06:30:00Z"},"closedBecause":null,"reason":null},\
                            {"market":"US","zone":"America/New_York","open":false,"simulated":false,"session":{"date":"2026-12-07",\
                            "opens":"2026-12-07T14:30:00Z","closes":"2026-12-07T21:00:00Z"},"closedBecause":"BEFORE_OPEN",\
                            "reason":"%s"}]}""".formatted(korean ? "개장 전" : "Before the open"));
                }
                case "/api/market/symbols/005930" -> send(exchange, 200, "application/json", """
                        {"symbol":"005930","market":"KRX","exchange":"KOSPI","nameKo":"삼성전자",\
                        "nameEn":"Samsung Electronics","currency":"KRW","listed":true}""");
                case "/api/market/quotes" -> send(exchange, 200, "application/json", """
                        {"quotes":[{"symbol":"005930","name":"삼성전자","market":"KRX","currency":"KRW",\
                        "price":72000,"change":1000,"changePercent":1.41,"previousClose":71000,"volume":1000,\
                        "asOf":"2026-12-07T01:00:00Z","freshness":"LIVE","inSession":true}],"missing":[]}""");
                case "/api/auth/login" -> {
                    if (body.contains("Correct-Horse-1")) {
                        send(exchange, 200, "application/json", """
                                {"accessToken":"access-1","refreshToken":"refresh-1","tokenType":"Bearer",\
                                "expiresIn":900}""");
                    } else {
                        send(exchange, 401, "application/problem+json", """
                                {"type":"https://tarsspeedy.dev/problems/invalid-credentials","title":"Unauthorized",\
                                "status":401,"detail":"이메일 또는 비밀번호가 올바르지 않습니다."}""");
                    }
                }
                case "/api/auth/logout" -> send(exchange, 204, null, "");
                case "/api/users/me" -> send(exchange, 200, "application/json", """
                        {"id":"6f1c1f5e-8a36-4a43-9d1a-2f8e8f6f0a11","email":"buyer@example.com","name":"Buyer",\
                        "locale":"en","timeZone":"Asia/Seoul","roles":["USER"]}""");
                case "/api/orders" -> send(exchange, 200, "application/json", """
                        {"items":[{"id":"0b5f3a55-7a4c-4b8e-9f1e-0b7b1b1f2c33","dropId":"9d7c3d1e-1c7b-4c5e-8f2a-1a2b3c4d5e6f",\
                        "productName":"Speedy Runner","quantity":1,"amount":129000,"status":"PAID",\
                        "createdAt":"2026-12-06T10:00:00Z"}],"page":0,"size":50,"total":1}""");
                case "/api/drops" -> send(exchange, 200, "application/json", """
                        {"content":[{"id":"9d7c3d1e-1c7b-4c5e-8f2a-1a2b3c4d5e6f","product":{"id":\
                        "3a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","name":"Speedy Runner","description":"Shoes"},\
                        "price":129000,"quantity":100,"remaining":40,"perUserLimit":2,\
                        "opensAt":"2026-12-06T10:00:00Z","closesAt":"2026-12-31T10:00:00Z","status":"OPEN"}],\
                        "page":0,"size":50,"total":1}""");
                default -> send(exchange, 404, "application/problem+json", """
                        {"type":"https://tarsspeedy.dev/problems/not-found","title":"Not Found","status":404,\
                        "detail":"No such thing."}""");
            }
        }

        private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (type != null) {
                exchange.getResponseHeaders().set("Content-Type", type);
            }
            exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
            if (status != 204) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        }
    }
}
