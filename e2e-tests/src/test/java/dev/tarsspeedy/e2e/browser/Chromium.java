package dev.tarsspeedy.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Chromium driven by Playwright: never a downloaded browser. A machine without {@code /usr/bin/chromium}
 * fails the tests (the build installs it with scripts/install-test-packages before they run); nothing is skipped.
 */
public final class Chromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of(System.getProperty("chromium.executable", "/usr/bin/chromium"));

    /** Desktop and phone widths, for the screenshots and the layout checks. */
    public static final int DESKTOP_WIDTH = 1280;

    public static final int PHONE_WIDTH = 390;

    private static final String AXE = axeScript();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        assertThat(Files.isExecutable(EXECUTABLE))
                .as(EXECUTABLE + " (Debian's chromium package; scripts/install-test-packages chromium installs it)")
                .isTrue();
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
        return new Chromium(playwright, browser);
    }

    /** A fresh browser profile (no cookies) that asks for {@code language} first, at desktop width. */
    public BrowserContext context(String language) {
        return context(language, DESKTOP_WIDTH, 900);
    }

    public BrowserContext context(String language, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale(language)
                .setExtraHTTPHeaders(
                        Map.of("Accept-Language", language.equals("ko") ? "ko-KR,ko;q=0.9" : "en-US,en;q=0.9"))
                .setViewportSize(width, height)
                .setTimezoneId("Asia/Seoul"));
        context.setDefaultTimeout(20_000);
        // axe-core in every page before its own scripts, as the browser's own code: the pages' Content-Security-Policy
        // (scripts from our origin only) rightly refuses an injected script tag.
        context.addInitScript(AXE);
        return context;
    }

    /** axe-core on the page as it is now: no serious or critical violation (WCAG 2.1 A and AA rules). */
    public static void assertAccessible(Page page) {
        String json =
                (String) page.evaluate("async () => JSON.stringify((await axe.run(document, {runOnly: {type: 'tag',"
                        + " values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations)");
        List<String> severe = new java.util.ArrayList<>();
        for (JsonNode rule : JSON.readTree(json)) {
            String impact = rule.path("impact").asString();
            if ("serious".equals(impact) || "critical".equals(impact)) {
                List<String> targets = new java.util.ArrayList<>();
                rule.path("nodes")
                        .forEach(node -> targets.add(node.path("target").toString()));
                severe.add(rule.path("id").asString() + " (" + impact + "): "
                        + rule.path("help").asString() + " at "
                        + targets.stream().limit(3).toList());
            }
        }
        assertThat(severe)
                .as("serious or critical accessibility violations on " + page.url())
                .isEmpty();
    }

    private static String axeScript() {
        try (InputStream in = Chromium.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertThat(in).as("axe.min.js on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
