package dev.tarsspeedy.e2e.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SameSiteAttribute;
import dev.tarsspeedy.e2e.fixture.Api;
import dev.tarsspeedy.e2e.fixture.Mailbox;
import dev.tarsspeedy.e2e.fixture.RunningStack;
import dev.tarsspeedy.e2e.fixture.Shoppers;
import dev.tarsspeedy.e2e.fixture.Speedy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web interface in a real Chromium, against the packaged local stack, through the gateway as a person uses it:
 * each journey once in English and once in Korean where it asserts text. Every page a journey reaches is checked with
 * axe-core; the main pages are photographed at desktop and phone width into docs/screenshots.
 */
class WebJourneysIT {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private static RunningStack stack;
    private static Chromium chromium;
    private static Api api;
    private static Mailbox mailbox;
    private static Shoppers shoppers;
    private static Speedy speedy;
    private static String adminToken;

    @BeforeAll
    static void start() throws Exception {
        stack = RunningStack.shared();
        chromium = Chromium.launch();
        api = new Api(stack.gateway());
        mailbox = new Mailbox(stack.mailbox());
        shoppers = new Shoppers(api, mailbox);
        speedy = new Speedy(api);
        adminToken = shoppers.logIn("admin@example.com", RunningStack.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (api != null) {
            api.close();
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
            page.waitForURL(Pattern.compile(".*/signup/verify\\?.*"));
            Chromium.assertAccessible(page);

            Matcher code = CODE.matcher(mailbox.await(email).get("text").asString());
            assertThat(code.find()).as("a code in the sign-up mail").isTrue();
            page.fill("#code", code.group(1));
            page.click("#verify");
            page.waitForURL(Pattern.compile(".*/login\\?verified.*"));
            assertThat(page.locator(".notice"))
                    .containsText(language.equals("ko") ? "이메일 주소가 확인되었습니다" : "Your email address is confirmed");
            Chromium.assertAccessible(page);

            page.fill("#password", Shoppers.PASSWORD);
            page.click("#login");
            page.waitForURL(stack.gateway() + "/");
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
            page.waitForURL(stack.gateway() + "/");
            assertThat(page.locator("nav")).containsText(language.equals("ko") ? "로그인" : "Log in");
            page.navigate(stack.gateway() + "/orders");
            assertThat(page).hasURL(Pattern.compile(".*/login\\?next=%2Forders$"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void buyInAnOpenDropWithADoubleClickSeeOneOrderAndPay(String language) throws Exception {
        String dropId = speedy.createDrop(
                adminToken, "Web sneakers", 89_000, 5, 2, Instant.now().plusSeconds(1));
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
            page.waitForURL(Pattern.compile(".*/orders/[0-9a-f-]+\\?bought$"));
            assertThat(page.locator("#order-status")).hasText(language.equals("ko") ? "결제 대기" : "Waiting for payment");
            Chromium.assertAccessible(page);
            Api.Response orders = api.get("/api/orders", shopper.token());
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
            page.waitForURL(Pattern.compile(".*/orders/[0-9a-f-]+\\?payment=.*"));
            // The order turns PAID when the order service hears of the payment: a reload or two.
            for (int attempt = 0; attempt < 30 && !"PAID".equals(status(page)); attempt++) {
                Thread.sleep(1000);
                page.reload();
            }
            assertThat(page.locator("#order-status")).hasText(language.equals("ko") ? "결제 완료" : "Paid");
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
            page.waitForURL(Pattern.compile(".*/admin/products/[0-9a-f-]+$"));
            Chromium.assertAccessible(page);

            LocalDateTime opens = LocalDateTime.now().plusDays(2).truncatedTo(ChronoUnit.MINUTES);
            page.fill("#price", "45000");
            page.fill("#quantity", "20");
            page.fill("#perUserLimit", "1");
            page.fill("#opensAt", opens.toString());
            page.fill("#closesAt", opens.plusHours(1).toString());
            page.click("#create-drop");
            page.waitForURL(Pattern.compile(".*/admin/drops/[0-9a-f-]+\\?created$"));
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

    @Test
    void theHomeAndDropsPagesNeedNoAccount() {
        for (String language : new String[] {"en", "ko"}) {
            try (BrowserContext context = chromium.context(language)) {
                Page page = context.newPage();
                Response home = open(page, "/");
                assertThat(home.status()).isEqualTo(200);
                assertThat(page.locator("h1"))
                        .hasText(language.equals("ko") ? "주식 알림과 선착순 드롭" : "Stock alerts and first-come drops");
                shoot(page, "home", language);
                open(page, "/drops");
                shoot(page, "drops", language);
                open(page, "/login");
                shoot(page, "login", language);
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
        page.waitForURL(stack.gateway() + "/");
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

    /** The page at desktop and at phone width, into docs/screenshots (linked from the README): English, and Korean home. */
    private static void shoot(Page page, String name, String language) {
        if (!language.equals("en") && !name.equals("home")) {
            return;
        }
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
