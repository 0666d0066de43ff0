package dev.tarsspeedy.e2e.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SameSiteAttribute;
import dev.tarsspeedy.e2e.fixture.Api;
import dev.tarsspeedy.e2e.fixture.Mailbox;
import dev.tarsspeedy.e2e.fixture.Poll;
import dev.tarsspeedy.e2e.fixture.RunningStack;
import dev.tarsspeedy.e2e.fixture.Shoppers;
import dev.tarsspeedy.e2e.fixture.Speedy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The web interface in a real Chromium, against the packaged local stack, through the gateway as a person uses it:
 * each journey once in English and once in Korean where it asserts text. Every page a journey reaches is checked with
 * axe-core; the main pages are photographed at desktop and phone width into docs/screenshots.
 */
class WebJourneysIT {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    /** PAID and the statuses the shared stack's fast delivery moves a paid order on to. */
    private static final java.util.Set<String> PAID_OR_LATER =
            java.util.Set.of("PAID", "PREPARING", "SHIPPING", "DELIVERED");

    private static RunningStack stack;
    private static Chromium chromium;
    private static Api api;
    private static Mailbox mailbox;
    private static Shoppers shoppers;
    private static Speedy speedy;
    private static String adminToken;
    private static Api marketStandIn;

    @BeforeAll
    static void start() throws Exception {
        stack = RunningStack.shared();
        chromium = Chromium.launch();
        api = new Api(stack.gateway());
        mailbox = new Mailbox(stack.mailbox());
        shoppers = new Shoppers(api, mailbox);
        speedy = new Speedy(api);
        adminToken = shoppers.logIn("admin@example.com", RunningStack.ADMIN_PASSWORD);
        marketStandIn = new Api(stack.url("market-stand-in"));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (api != null) {
            api.close();
        }
        if (marketStandIn != null) {
            marketStandIn.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void signUpWithTheCodeFromTheMailbox(String language) throws Exception {
        try (BrowserContext context = chromium.context(language)) {
            Page page = context.newPage();
            String email =
                    "web." + language + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            open(page, "/signup");
            shoot(page, "signup", language);
            page.fill("#name", language.equals("ko") ? "김민준" : "Minjun Kim");
            page.fill("#email", email);
            page.fill("#password", Shoppers.PASSWORD);
            page.click("#signup");
            arrive(page, Pattern.compile(".*/signup/verify\\?.*"));
            Chromium.assertAccessible(page);

            Matcher code = CODE.matcher(mailbox.await(email).get("text").asString());
            assertThat(code.find()).as("a code in the sign-up mail").isTrue();
            page.fill("#code", code.group(1));
            page.click("#verify");
            arrive(page, Pattern.compile(".*/login\\?verified.*"));
            assertThat(page.locator(".notice"))
                    .containsText(language.equals("ko") ? "이메일 주소가 확인되었습니다" : "Your email address is confirmed");
            Chromium.assertAccessible(page);

            page.fill("#password", Shoppers.PASSWORD);
            page.click("#login");
            arrive(page, stack.gateway() + "/");
            assertThat(page.locator("#logout")).hasText(language.equals("ko") ? "로그아웃" : "Log out");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void logInAndOut(String language) throws Exception {
        Shoppers.Shopper shopper = shoppers.signUp("login" + language, language);
        try (BrowserContext context = chromium.context(language)) {
            Page page = context.newPage();
            logIn(page, shopper.email(), Shoppers.PASSWORD);
            assertThat(page.locator("#logout")).hasText(language.equals("ko") ? "로그아웃" : "Log out");

            Cookie session = context.cookies().stream()
                    .filter(cookie -> cookie.name.equals("SESSION"))
                    .findFirst()
                    .orElseThrow();
            assertThat(session.httpOnly).as("HttpOnly session cookie").isTrue();
            assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);

            open(page, "/profile");
            assertThat(page.locator("main")).containsText(shopper.email());

            page.click("#logout");
            arrive(page, stack.gateway() + "/");
            assertThat(page.locator("nav")).containsText(language.equals("ko") ? "로그인" : "Log in");
            page.navigate(stack.gateway() + "/orders");
            assertThat(page).hasURL(Pattern.compile(".*/login\\?next=%2Forders$"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void buyInAnOpenDropWithADoubleClickSeeOneOrderAndPay(String language) throws Exception {
        String dropId = speedy.createDrop(
                adminToken, "Web sneakers", 89_000, 5, 2, Instant.now().plusSeconds(5));
        Shoppers.Shopper shopper = shoppers.signUp("buyer" + language, language);
        awaitOpen(dropId);
        try (BrowserContext context = chromium.context(language)) {
            Page page = context.newPage();
            logIn(page, shopper.email(), Shoppers.PASSWORD);

            open(page, "/drops/" + dropId);
            assertThat(page.locator("#status")).hasText(language.equals("ko") ? "판매 중" : "Open");
            assertThat(page.locator("main")).containsText("₩89,000");
            shoot(page, "drop", language);

            page.locator("#buy").dblclick();
            arrive(page, Pattern.compile(".*/orders/[0-9a-f-]+\\?bought$"));
            assertThat(page.locator("#order-status")).hasText(language.equals("ko") ? "결제 대기" : "Waiting for payment");
            Chromium.assertAccessible(page);
            // The order list is written from the order events (Kafka), a moment after the buy's answer.
            Api.Response orders = Poll.until(
                    () -> api.get("/api/orders", shopper.token()),
                    r -> r.status() == 200 && r.json().path("total").asInt() >= 1,
                    Duration.ofSeconds(30));
            assertThat(orders.json().path("total").asInt())
                    .as("a double click buys once: " + orders)
                    .isEqualTo(1);

            open(page, "/orders");
            assertThat(page.locator("main")).containsText("Web sneakers");
            shoot(page, "orders", language);
            page.goBack();

            page.click("#pay");
            page.locator("#approve").waitFor(); // the Kakaopay stand-in's page
            page.click("#approve");
            arrive(page, Pattern.compile(".*/orders/[0-9a-f-]+\\?payment=.*"));
            // The order turns PAID when the order service hears of the payment: a reload or two. The shared stack
            // delivers within seconds, so the order may already be past PAID: its history shows the payment.
            for (int attempt = 0; attempt < 30 && !PAID_OR_LATER.contains(status(page)); attempt++) {
                Thread.sleep(1000);
                page.reload();
            }
            assertThat(PAID_OR_LATER).as("the order's status after paying").contains(status(page));
            assertThat(page.locator("ol.history")).containsText(language.equals("ko") ? "결제 완료" : "Paid");
            assertThat(page.locator("#payment-result")).isVisible();
            shoot(page, "order", language);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void anOperatorCreatesADrop(String language) {
        try (BrowserContext context = chromium.context(language)) {
            Page page = context.newPage();
            logIn(page, "admin@example.com", RunningStack.ADMIN_PASSWORD);
            open(page, "/admin");
            shoot(page, "admin", language);
            String name = "Operator drop " + UUID.randomUUID().toString().substring(0, 8);
            page.fill("#name", name);
            page.fill("#description", "Made in the browser test");
            page.click("#create-product");
            arrive(page, Pattern.compile(".*/admin/products/[0-9a-f-]+$"));
            Chromium.assertAccessible(page);

            LocalDateTime opens = LocalDateTime.now().plusDays(2).truncatedTo(ChronoUnit.MINUTES);
            page.fill("#price", "45000");
            page.fill("#quantity", "20");
            page.fill("#perUserLimit", "1");
            page.fill("#opensAt", opens.toString());
            page.fill("#closesAt", opens.plusHours(1).toString());
            page.click("#create-drop");
            arrive(page, Pattern.compile(".*/admin/drops/[0-9a-f-]+\\?created$"));
            assertThat(page.locator("#created"))
                    .hasText(language.equals("ko") ? "드롭을 만들었습니다." : "The drop is created.");
            assertThat(page.locator("#drop-status")).hasText(language.equals("ko") ? "오픈 예정" : "Upcoming");
            Chromium.assertAccessible(page);

            String dropId = page.url().replaceAll(".*/admin/drops/([^?]+).*", "$1");
            Api.Response drop = api.get("/api/drops/" + dropId, null);
            assertThat(drop.status()).isEqualTo(200);
            assertThat(drop.json().path("product").path("name").asString()).isEqualTo(name);
            assertThat(drop.json().path("price").asLong()).isEqualTo(45_000);
        }
    }

    /** An operator finds, in the email delivery log, the sign-up mail of a user who has just signed up. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void anOperatorFindsANewUsersSignUpMail(String language) throws Exception {
        Shoppers.Shopper user = shoppers.signUp("delivery" + language, language);
        boolean ko = language.equals("ko");
        try (BrowserContext context = chromium.context(language)) {
            Page page = context.newPage();
            logIn(page, "admin@example.com", RunningStack.ADMIN_PASSWORD);
            open(page, "/admin");
            page.click("#deliveries-link");
            arrive(page, Pattern.compile(".*/operators/deliveries$"));
            Chromium.assertAccessible(page);

            page.fill("#recipient", user.email());
            page.selectOption("#template", "signup-verification");
            page.click("#filter");
            arrive(page, Pattern.compile(".*/operators/deliveries\\?recipient=.*template=signup-verification.*"));
            Locator rows = page.locator("#deliveries tbody tr");
            assertThat(rows).hasCount(1);
            // The mailbox has the mail once the SMTP server took it; the log says SENT a moment later.
            for (int attempt = 0;
                    attempt < 20 && !"SENT".equals(rows.locator(".badge").getAttribute("data-status"));
                    attempt++) {
                Thread.sleep(500);
                page.reload();
            }
            assertThat(rows.locator(".badge")).hasText(ko ? "발송 완료" : "Sent");
            assertThat(rows).containsText(user.email());
            assertThat(rows).containsText(ko ? "회원가입 인증 코드" : "Sign-up code");
            assertThat(page.locator("#deliveries caption")).containsText(ko ? "메일 1건" : "1 mail");
            Chromium.assertAccessible(page);
            shoot(page, "deliveries", language);
        }
    }

    /**
     * TARS: a search by Korean initial consonants suggests Samsung Electronics as you type; watching it shows it on the
     * watchlist, where a price change arrives without a reload; its page draws a chart for a day, a month and a year.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void searchByInitialConsonantsWatchAndSeeTheLivePriceAndChart(String language) throws Exception {
        Shoppers.Shopper reader = shoppers.signUp("watch" + language, language);
        // English pages show the English name: the market-data service's first symbol run names the whole master
        // (about a minute after a start in the local stack; its search index reloads every minute).
        String samsung = language.equals("ko") ? "삼성전자" : "Samsung Electronics";
        Api.Response named = Poll.until(
                () -> api.get("/api/market/symbols?q=005930", null),
                r -> r.status() == 200
                        && "Samsung Electronics"
                                .equals(r.json()
                                        .path("items")
                                        .path(0)
                                        .path("nameEn")
                                        .asString("")),
                Duration.ofMinutes(3));
        assertThat(named.json().path("items").path(0).path("nameEn").asString()).isEqualTo("Samsung Electronics");
        try (BrowserContext context = chromium.context(language)) {
            Page page = context.newPage();
            logIn(page, reader.email(), Shoppers.PASSWORD);
            open(page, "/stocks");
            page.locator("#q").pressSequentially("ㅅㅅㅈㅈ", new Locator.PressSequentiallyOptions().setDelay(50));
            assertThat(page.locator("#suggestions .listing").first()).containsText(samsung);
            assertThat(page).hasURL(Pattern.compile(".*/stocks$")); // suggested as typed, no page load
            Chromium.assertAccessible(page);
            shoot(page, "stocks", language);

            page.click("#watch-005930");
            arrive(page, Pattern.compile(".*/watchlist\\?added=005930$"));
            Locator row = page.locator("tr[data-symbol='005930']");
            assertThat(row).containsText(samsung);
            Chromium.assertAccessible(page);
            String before = row.locator("[data-field=price]").textContent();
            page.evaluate("() => { window.sameDocument = true; }");

            BigDecimal current = api.get("/api/market/quotes/005930", null)
                    .json()
                    .path("price")
                    .decimalValue();
            // On the KRX tick grid (100 won between 50,000 and 200,000 won), far enough from where it is.
            BigDecimal moved = current.multiply(new BigDecimal("1.07"))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                    .multiply(BigDecimal.valueOf(100));
            Api.Response control = marketStandIn.post("/control/price", Map.of("symbol", "005930", "price", moved));
            assertThat(control.status()).as(control.toString()).isBetween(200, 299);
            page.waitForFunction(
                    "before => document.querySelector(\"tr[data-symbol='005930'] [data-field=price]\").textContent"
                            + " !== before",
                    before,
                    new Page.WaitForFunctionOptions().setTimeout(60_000));
            assertThat(page.evaluate("() => window.sameDocument === true"))
                    .as("the price changed without a reload")
                    .isEqualTo(true);
            assertTrendColour(row.locator("[data-field=change]"), language);
            shoot(page, "watchlist", language);

            page.click("tr[data-symbol='005930'] a");
            arrive(page, Pattern.compile(".*/stocks/005930$"));
            // Each period drawn (or, for a day without trades yet, said to be empty); a year always has closes.
            for (String range : new String[] {"1d", "1m", "1y"}) {
                page.click("[data-range='" + range + "']");
                assertThat(page.locator("[data-range='" + range + "']")).hasAttribute("aria-pressed", "true");
                page.waitForFunction("() => document.querySelector('.chart canvas') !== null"
                        + " || document.querySelector('[data-chart-status]').textContent"
                        + " === document.querySelector('[data-chart]').dataset.empty");
            }
            page.locator(".chart canvas").waitFor();
            Chromium.assertAccessible(page);
            assertTrendColour(page.locator("[data-field=change]"), language);
            shoot(page, "stock", language);
        }
    }

    /** TARS: a report schedule added on its page, paused, its mail previewed, and a report asked for now, mailed. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void addAReportScheduleAndPreviewItsMail(String language) throws Exception {
        Shoppers.Shopper reader = shoppers.signUp("report" + language, language);
        Api.Response watched = api.put("/api/watchlist/005930", reader.token());
        assertThat(watched.status()).as(watched.toString()).isEqualTo(204);
        try (BrowserContext context = chromium.context(language)) {
            Page page = context.newPage();
            logIn(page, reader.email(), Shoppers.PASSWORD);
            open(page, "/reports");
            page.fill("#name", language.equals("ko") ? "아침 리포트" : "Morning report");
            page.fill("#times", "08:30, KRX_CLOSE+30");
            page.click("#save-schedule");
            arrive(page, Pattern.compile(".*/reports\\?created=[0-9a-f-]+$"));
            assertThat(page.locator("#created"))
                    .hasText(language.equals("ko") ? "일정을 저장했습니다." : "The schedule is saved.");
            assertThat(page.locator("main")).containsText("08:30, KRX_CLOSE+30");
            Chromium.assertAccessible(page);
            shoot(page, "reports", language);

            String id = page.url().replaceAll(".*created=", "");
            page.click("a[href='/reports/" + id + "']");
            arrive(page, Pattern.compile(".*/reports/" + id + "$"));
            Chromium.assertAccessible(page);
            page.fill("#times", "09:00");
            page.click("#save-schedule");
            arrive(page, Pattern.compile(".*/reports\\?saved$"));
            assertThat(page.locator("li[data-schedule='" + id + "']")).containsText("09:00");

            page.click("#pause-" + id);
            arrive(page, Pattern.compile(".*/reports\\?paused$"));
            assertThat(page.locator("#resume-" + id)).isVisible();

            Response preview = page.navigate(stack.gateway() + "/reports/" + id + "/preview");
            assertThat(preview.status()).isEqualTo(200);
            assertThat(preview.headerValue("content-security-policy")).contains("default-src 'none'");
            assertThat(page.locator("body")).containsText("005930");
            // The mail as the reader will see it is a page too: axe-checked like every other.
            Chromium.assertAccessible(page);
            page.goBack();

            page.click("#send-now");
            arrive(page, Pattern.compile(".*/reports\\?sent$"));
            assertThat(page.locator("#sent"))
                    .hasText(
                            language.equals("ko") ? "리포트를 메일로 보내고 있습니다." : "The report is on its way to your mailbox.");
        }
        // The report asked for now: a transactional mail, so no unsubscribe link (the schedule is paused anyway).
        JsonNode report = mailbox.await(
                reader.email(), mail -> mail.get("subject").asString().startsWith("[TARS]"), Duration.ofSeconds(60));
        assertThat(report.get("text").asString()).contains("005930");
        assertThat(report.get("headers").propertyStream().map(header -> header.getKey()))
                .as("headers of the report asked for now")
                .noneMatch(name -> name.equalsIgnoreCase("List-Unsubscribe"));
    }

    /**
     * TARS: a schedule due in a minute or two (today, in the reader's zone), added in the browser, mails the stock
     * report when the report job's tick (every 15 s) reaches it: scheduled reports are bulk mail, with a one-click
     * unsubscribe. Both languages at once, so the test waits for the due minute once.
     */
    @Test
    void aScheduledReportArrivesAtItsTime() throws Exception {
        Map<String, Shoppers.Shopper> readers = new java.util.LinkedHashMap<>();
        for (String language : new String[] {"en", "ko"}) {
            Shoppers.Shopper reader = shoppers.signUp("scheduled" + language, language);
            Api.Response watched = api.put("/api/watchlist/005930", reader.token());
            assertThat(watched.status()).as(watched.toString()).isEqualTo(204);
            readers.put(language, reader);
        }
        Instant due = null;
        for (Map.Entry<String, Shoppers.Shopper> entry : readers.entrySet()) {
            String language = entry.getKey();
            try (BrowserContext context = chromium.context(language)) {
                Page page = context.newPage();
                logIn(page, entry.getValue().email(), Shoppers.PASSWORD);
                open(page, "/reports");
                java.time.ZoneId zone = java.time.ZoneId.of(page.inputValue("#zone"));
                // The next whole minute, or the one after when this one is nearly over: saved before it is due.
                java.time.ZonedDateTime now = java.time.ZonedDateTime.now(zone);
                java.time.ZonedDateTime at =
                        now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(now.getSecond() < 40 ? 1 : 2);
                if (due == null || at.toInstant().isAfter(due)) {
                    due = at.toInstant();
                }
                page.fill("#name", language.equals("ko") ? "곧 오는 리포트" : "Report due now");
                page.fill("#times", at.toLocalTime().toString());
                page.check(
                        "input[name=weekdays][value=" + at.getDayOfWeek().name().substring(0, 3) + "]");
                page.click("#save-schedule");
                arrive(page, Pattern.compile(".*/reports\\?created=[0-9a-f-]+$"));
                assertThat(page.locator("main")).containsText(at.toLocalTime().toString());
            }
        }
        for (Map.Entry<String, Shoppers.Shopper> entry : readers.entrySet()) {
            boolean ko = entry.getKey().equals("ko");
            // Due at the minute; the job's next tick (15 s) takes it, then Kafka and SMTP.
            Duration wait = Duration.between(Instant.now(), due).plusSeconds(60);
            JsonNode report = mailbox.await(
                    entry.getValue().email(),
                    mail -> mail.get("subject").asString().startsWith("[TARS]"),
                    wait.isNegative() ? Duration.ofSeconds(60) : wait);
            assertThat(report.get("subject").asString())
                    .startsWith(ko ? "[TARS] 관심 종목 리포트" : "[TARS] Your watchlist report");
            assertThat(report.get("text").asString()).contains("005930");
            assertThat(report.get("headers").propertyStream().map(Map.Entry::getKey))
                    .as("a scheduled report is bulk mail: one-click unsubscribe")
                    .anyMatch(name -> name.equalsIgnoreCase("List-Unsubscribe"))
                    .anyMatch(name -> name.equalsIgnoreCase("List-Unsubscribe-Post"));
        }
    }

    /** TARS: a price alert set from the stock's page, shown in the list, then changed and deleted. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void addAPriceAlert(String language) throws Exception {
        Shoppers.Shopper reader = shoppers.signUp("alert" + language, language);
        try (BrowserContext context = chromium.context(language)) {
            Page page = context.newPage();
            logIn(page, reader.email(), Shoppers.PASSWORD);
            open(page, "/stocks/005930");
            page.click("text=" + (language.equals("ko") ? "가격 알림 추가" : "Add a price alert"));
            arrive(page, Pattern.compile(".*/alerts\\?symbol=005930$"));
            assertThat(page.locator("#symbol")).hasValue("005930");

            // A level below zero is refused next to its field, in the page's language.
            page.fill("#price", "-5");
            page.locator("#price").evaluate("input => input.removeAttribute('min')");
            page.click("#create-alert");
            assertThat(page.locator("#price ~ .error")).isVisible();

            page.fill("#price", "990000");
            page.click("#create-alert");
            arrive(page, Pattern.compile(".*/alerts\\?created=[0-9a-f-]+$"));
            assertThat(page.locator("#created")).hasText(language.equals("ko") ? "알림을 설정했습니다." : "The alert is set.");
            assertThat(page.locator("#alerts"))
                    .containsText(language.equals("ko") ? "990,000 이상" : "At or above 990,000");
            Chromium.assertAccessible(page);
            shoot(page, "alerts", language);

            page.click("#alerts a:text-is('" + (language.equals("ko") ? "수정" : "Edit") + "')");
            arrive(page, Pattern.compile(".*/alerts/[0-9a-f-]+$"));
            Chromium.assertAccessible(page);
            page.fill("#price", "995000");
            page.click("#save-alert");
            arrive(page, Pattern.compile(".*/alerts\\?saved$"));
            assertThat(page.locator("#alerts")).containsText("995,000");

            page.click("#alerts button:text-is('" + (language.equals("ko") ? "삭제" : "Delete") + "')");
            arrive(page, Pattern.compile(".*/alerts\\?deleted$"));
            assertThat(page.locator("#alerts")).hasCount(0);
        }
    }

    @Test
    void theHomeAndDropsPagesNeedNoAccount() {
        for (String language : new String[] {"en", "ko"}) {
            try (BrowserContext context = chromium.context(language)) {
                Page page = context.newPage();
                Response home = open(page, "/");
                assertThat(home.status()).isEqualTo(200);
                assertThat(page.locator("h1"))
                        .hasText(language.equals("ko") ? "주식 알림과 선착순 드롭" : "Stock alerts and first-come drops");
                // The markets' status: the local stack's stand-in plays a session around the clock, and says so.
                boolean ko = language.equals("ko");
                assertThat(page.locator("#markets [data-market=KRX]")).containsText(ko ? "한국 (KRX)" : "Korea (KRX)");
                assertThat(page.locator("#markets [data-market=KRX] .badge")).hasText(ko ? "개장" : "Open");
                assertThat(page.locator("#markets [data-market=US] .badge")).hasText(ko ? "개장" : "Open");
                assertThat(page.locator("#simulated")).containsText(ko ? "모의 세션" : "Simulated session");
                shoot(page, "home", language);
                open(page, "/drops");
                shoot(page, "drops", language);
                open(page, "/login");
                shoot(page, "login", language);
            }
        }
    }

    /**
     * The performance budget, each page loaded cold (a fresh profile, empty cache): under 100 KB transferred,
     * fonts aside (the encoded body and the headers of every response, as Chromium reports them), and no waterfall
     * deeper than 2 round trips before content: the document, then what it references. Checked by asking, of every
     * sub-resource the page loads for its content (styles, scripts, images, fonts), that its address is written in the
     * document's own HTML and that Chromium fetched it for the document (its Referer is the page, never a stylesheet
     * or script). Requests our script makes after the page loaded (the live stock's event stream) are content arriving
     * later, not round trips before it: they are counted in the bytes, not in the depth.
     */
    @Test
    void theHomeAndADropPageAreLightAndShallow() throws Exception {
        String dropId = speedy.createDrop(
                adminToken, "Light sneakers", 59_000, 5, 1, Instant.now().plus(Duration.ofDays(1)));
        for (String path : new String[] {"/", "/drops/" + dropId}) {
            try (BrowserContext context = chromium.context("ko")) {
                Page page = context.newPage();
                java.util.List<com.microsoft.playwright.Request> finished =
                        new java.util.concurrent.CopyOnWriteArrayList<>();
                page.onRequestFinished(finished::add);
                Response document = page.navigate(
                        stack.gateway() + path,
                        new Page.NavigateOptions().setWaitUntil(com.microsoft.playwright.options.WaitUntilState.LOAD));
                assertThat(document.status()).as(path).isEqualTo(200);
                page.waitForTimeout(1000); // what the page's script asks for once loaded
                String html = document.text();

                long bytes = 0;
                java.util.List<String> counted = new java.util.ArrayList<>();
                for (com.microsoft.playwright.Request request : finished) {
                    if (request.resourceType().equals("font")) {
                        continue;
                    }
                    com.microsoft.playwright.options.Sizes sizes = request.sizes();
                    bytes += Math.max(0, sizes.responseBodySize) + Math.max(0, sizes.responseHeadersSize);
                    counted.add(request.resourceType() + " " + request.url() + " " + sizes.responseBodySize);
                    if (request.resourceType().equals("document")
                            || java.util.Set.of("fetch", "xhr", "eventsource", "websocket")
                                    .contains(request.resourceType())) {
                        continue;
                    }
                    java.net.URI url = java.net.URI.create(request.url());
                    String local = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
                    assertThat(html)
                            .as(path + ": " + request.url() + " is referenced by the document itself")
                            .contains(local.replace("&", "&amp;"));
                    String referer = request.headerValue("referer");
                    assertThat(referer == null || referer.equals(document.url()))
                            .as(path + ": " + request.url() + " was requested for the document, not by " + referer)
                            .isTrue();
                }
                assertThat(bytes)
                        .as(path + " cold, fonts aside, under 100 KB transferred: " + counted)
                        .isLessThan(100 * 1024);
                System.out.printf("page weight %s: %d bytes in %d responses%n", path, bytes, counted.size());
            }
        }
    }

    @Test
    void securityHeadersCookiesAndCsrf() {
        try (BrowserContext context = chromium.context("en")) {
            Page page = context.newPage();
            Response login = open(page, "/login");
            String csp = login.headerValue("content-security-policy");
            assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline");

            // A form posted without its CSRF token (from the same browser, with the session cookie) is refused.
            APIResponse forged = context.request()
                    .post(
                            stack.gateway() + "/login",
                            RequestOptions.create()
                                    .setForm(FormData.create()
                                            .set("email", "admin@example.com")
                                            .set("password", RunningStack.ADMIN_PASSWORD))
                                    .setMaxRedirects(0));
            assertThat(forged.status()).isEqualTo(403);

            // Pages that need a user send a browser without a session to the log-in page.
            for (String path : new String[] {"/orders", "/wishlist", "/profile", "/admin"}) {
                page.navigate(stack.gateway() + path);
                assertThat(page).hasURL(Pattern.compile(".*/login\\?next=.*"));
            }
        }
    }

    /**
     * A change is coloured in the reader's convention: in Korean a rise is red and a fall blue, in English a rise green
     * and a fall red. The text and the class are read at once (a live update may change both).
     */
    private static void assertTrendColour(Locator change, String language) {
        @SuppressWarnings("unchecked")
        java.util.List<String> seen =
                (java.util.List<String>) change.evaluate("e => [e.textContent.trim(), e.className]");
        String text = seen.get(0);
        String classes = seen.get(1);
        boolean ko = language.equals("ko");
        if (text.startsWith("+")) {
            assertThat(classes).as("a rise " + text).contains("up").contains(ko ? "trend-red" : "trend-green");
        } else if (text.startsWith("-") || text.startsWith("−")) {
            assertThat(classes).as("a fall " + text).contains("down").contains(ko ? "trend-blue" : "trend-red");
        } else {
            throw new AssertionError("the price moved 7 %, yet its change shows no sign: " + text);
        }
    }

    private static Response open(Page page, String path) {
        Response response = page.navigate(stack.gateway() + path);
        assertThat(response.status()).as(path).isLessThan(400);
        Chromium.assertAccessible(page);
        return response;
    }

    private static void logIn(Page page, String email, String password) {
        open(page, "/login");
        page.fill("#email", email);
        page.fill("#password", password);
        page.click("#login");
        arrive(page, stack.gateway() + "/");
    }

    /** Waits for the page to reach {@code url}; when it does not, says where it is and what it shows. */
    private static void arrive(Page page, Object url) {
        try {
            if (url instanceof Pattern pattern) {
                page.waitForURL(pattern);
            } else {
                page.waitForURL((String) url);
            }
        } catch (com.microsoft.playwright.TimeoutError stuck) {
            String shown = page.locator("body").innerText();
            throw new AssertionError(
                    "expected " + url + " but the page is " + page.url() + " showing: "
                            + shown.substring(0, Math.min(shown.length(), 600)),
                    stuck);
        }
    }

    private static String status(Page page) {
        return page.locator("#order-status").getAttribute("data-status");
    }

    private static void awaitOpen(String dropId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!"OPEN"
                .equals(api.get("/api/drops/" + dropId, null)
                        .json()
                        .path("status")
                        .asString())) {
            assertThat(Instant.now()).as("drop " + dropId + " opens").isBefore(deadline);
            Thread.sleep(250);
        }
    }

    /** The page at desktop and at phone width, in the journey's language, into docs/screenshots (linked from the README). */
    private static void shoot(Page page, String name, String language) {
        Path folder = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        page.setViewportSize(Chromium.DESKTOP_WIDTH, 900);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(folder.resolve(name + "-" + language + "-desktop.png"))
                .setFullPage(true));
        page.setViewportSize(Chromium.PHONE_WIDTH, 844);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(folder.resolve(name + "-" + language + "-phone.png"))
                .setFullPage(true));
        page.setViewportSize(Chromium.DESKTOP_WIDTH, 900);
    }
}
