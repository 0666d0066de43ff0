package dev.tarsspeedy.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.contracts.notification.EmailRequested.Category;
import dev.tarsspeedy.notification.delivery.InlineImage;
import dev.tarsspeedy.notification.delivery.RenderedEmail;
import dev.tarsspeedy.notification.support.Models;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The report mail from a realistic model, in Korean and in English: rows, charts, stale marker, links, headers. */
class StockReportTemplateTest {

    private static final ThymeleafEmailRenderer RENDERER = new ThymeleafEmailRenderer();
    private static final String UNSUBSCRIBE = "https://tars.example/api/reports/schedules/s1/unsubscribe?token=a&b=1";
    private static final Pattern IMG_SRC = Pattern.compile("<img[^>]* src=\"([^\"]+)\"");

    private static RenderedEmail report(String locale, Map<String, Object> model) {
        return RENDERER.render(new EmailRequested(
                "report:s1:2026-12-06T23:30:00Z",
                "stock-report",
                locale,
                "kim@example.com",
                model,
                Category.BULK,
                UNSUBSCRIBE));
    }

    @Test
    void koreanReportShowsEveryRowWithItsChartAndTheStaleMarker() throws IOException {
        RenderedEmail email = report("ko", Models.stockReport());

        assertThat(email.subject()).isEqualTo("[TARS] 관심 종목 리포트 (12월 7일 08:30)");
        assertThat(email.html())
                .contains("<html lang=\"ko\">")
                .contains("<title>관심 종목 현황</title>")
                .contains(">김민준님, 안녕하세요.</p>")
                .contains("2026년 12월 7일 (월) 08:30 기준 관심 종목 시세입니다 (Asia/Seoul).")
                .contains(">미국 시장은 오늘 휴장입니다 (Thanksgiving)</span>")
                // Samsung: price, change in Korean colours (rising is red), day range, volume, 52 weeks, source, time
                .contains(">삼성전자</strong>")
                .contains(">005930 · KRX</span>")
                .contains(">71,500원</strong>")
                .contains("color:#c81e1e;\">▲1,000 (+1.42%)</span>")
                .contains(">일중 70,500 – 72,000</span>")
                .contains(">거래량 1,235만</span>")
                .contains(">52주 49,900 – 88,800</span>")
                .contains(">KIS · 12월 4일 15:30 · 실시간</span>")
                // Apple: in dollars, falling is blue, its closing time in Seoul's time
                .contains(">$189.50</strong>")
                .contains("color:#1d4ed8;\">▼0.96 (-0.50%)</span>")
                .contains(">일중 188.90 – 191.05</span>")
                .contains(">거래량 4,821만</span>")
                .contains(">Finnhub · 12월 7일 06:00 · 종가</span>")
                // SK hynix: stale, unknown numbers as "-"
                .contains(">131,000원</strong>")
                .contains("color:#6b7280;\">- (-)</span>")
                .contains(">일중 -</span>")
                .contains(">거래량 -</span>")
                .contains(">KRX · 12월 3일 15:30 · 오래된 시세</span>")
                .contains(">⚠ 오래된 시세</span>")
                .contains("⚠ ‘오래된 시세’로 표시된 종목은")
                .contains("alt=\"삼성전자 당일 시세 차트\"")
                .contains("alt=\"Apple 최근 1개월 시세 차트\"")
                .contains("href=\"https://tars.example/reports?tab=schedules&amp;x=1\"")
                .contains(">리포트 설정 관리</a>")
                .contains("TARS에서 예약하신 리포트입니다. 시각은 Asia/Seoul 기준입니다.")
                .contains("href=\"https://tars.example/api/reports/schedules/s1/unsubscribe?token=a&amp;b=1\"")
                .contains(">이 메일 수신 거부</a>")
                .doesNotContain("??")
                .doesNotContain(" th:");
        assertThat(email.html().indexOf("삼성전자")).isLessThan(email.html().indexOf(">Apple<"));
        assertThat(email.html().indexOf(">Apple<")).isLessThan(email.html().indexOf("SK하이닉스"));
        assertThat(email.html().split("⚠ 오래된 시세", -1))
                .as("one stale marker: SK hynix")
                .hasSize(2);

        assertChartsAttached(email, 3);

        assertThat(email.text())
                .startsWith("김민준님, 안녕하세요.\n\n2026년 12월 7일 (월) 08:30 기준 관심 종목 시세입니다 (Asia/Seoul).\n")
                .contains("시장 안내: 미국 시장은 오늘 휴장입니다 (Thanksgiving)\n")
                .contains("\n삼성전자 (005930, KRX)\n"
                        + "  71,500원  ▲1,000 (+1.42%)\n"
                        + "  일중 70,500 – 72,000 · 거래량 1,235만 · 52주 49,900 – 88,800\n"
                        + "  KIS · 12월 4일 15:30 · 실시간\n")
                .contains("\nApple (AAPL, US)\n  $189.50  ▼0.96 (-0.50%)\n")
                .contains("\nSK하이닉스 (000660, KRX)  ⚠ 오래된 시세\n"
                        + "  131,000원  - (-)\n"
                        + "  일중 - · 거래량 - · 52주 98,700 – 149,500\n"
                        + "  KRX · 12월 3일 15:30 · 오래된 시세\n")
                .contains("리포트 설정 관리: https://tars.example/reports?tab=schedules&x=1\n")
                .contains("이 메일 수신 거부: " + UNSUBSCRIBE)
                .doesNotContain("cid:")
                .doesNotContain("??");
    }

    @Test
    void englishReportUsesEnglishWordsAndColours() throws IOException {
        Map<String, Object> model = Models.with(Models.with(Models.stockReport(), "name", "Jane"), "marketNote", "");
        RenderedEmail email = report("en", model);

        assertThat(email.subject()).isEqualTo("[TARS] Your watchlist report, Dec 7, 08:30");
        assertThat(email.html())
                .contains("<html lang=\"en\">")
                .contains(">Hello Jane,</p>")
                .contains("Prices of the stocks you watch as of Mon, Dec 7, 2026, 08:30 (Asia/Seoul).")
                .doesNotContain("Market note")
                .contains(">₩71,500</strong>")
                .contains("color:#15803d;\">▲1,000 (+1.42%)</span>") // rising is green in English
                .contains("color:#b91c1c;\">▼0.96 (-0.50%)</span>")
                .contains(">Vol. 12.35M</span>")
                .contains(">Vol. 48.21M</span>")
                .contains(">KIS · Dec 4, 15:30 · Live</span>")
                .contains(">Finnhub · Dec 7, 06:00 · Closing price</span>")
                .contains(">⚠ STALE</span>")
                .contains("alt=\"삼성전자: today’s prices\"")
                .contains(">Manage your reports</a>")
                .contains(">Unsubscribe from these emails</a>")
                .doesNotContain("??");
        assertChartsAttached(email, 3);
        assertThat(email.text())
                .startsWith("Hello Jane,\n")
                .doesNotContain("Market note")
                .contains("SK하이닉스 (000660, KRX)  ⚠ STALE\n")
                .contains("⚠ Prices marked STALE are not current");
    }

    @Test
    void aReportWithoutAName() {
        RenderedEmail email = report("ko", Models.with(Models.stockReport(), "name", ""));

        assertThat(email.text()).startsWith("안녕하세요.\n");
        assertThat(email.html()).contains(">안녕하세요.</p>").doesNotContain("님, 안녕하세요");
    }

    @Test
    void thePreviewHasTheSameHtmlWithItsChartsAsDataUris() throws IOException {
        String html = RENDERER.preview("stock-report", "ko", Models.stockReport(), null);

        // Without an unsubscribe URL it is the report asked for now: no unsubscribe link.
        assertThat(html).contains(">삼성전자</strong>").doesNotContain("이 메일 수신 거부").doesNotContain("cid:");
        List<String> sources = sources(html);
        assertThat(sources).hasSize(3);
        for (String source : sources) {
            assertThat(source).startsWith("data:image/png;base64,");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                    Base64.getDecoder().decode(source.substring("data:image/png;base64,".length()))));
            assertThat(image.getWidth()).isEqualTo(PriceChart.WIDTH);
            assertThat(image.getHeight()).isEqualTo(PriceChart.HEIGHT);
        }
        assertThat(RENDERER.preview("stock-report", "en", Models.stockReport(), "https://tars.example/u"))
                .contains("href=\"https://tars.example/u\"");
        assertThat(RENDERER.preview("stock-report", "en", Models.stockReport(), "javascript:alert(1)"))
                .contains("href=\"#\"")
                .doesNotContain("javascript:");
    }

    /** Every {@code cid:} of the HTML names one attached PNG of the chart's size, and every image is named once. */
    static void assertChartsAttached(RenderedEmail email, int count) throws IOException {
        List<String> sources = sources(email.html());
        assertThat(sources).hasSize(count).allMatch(source -> source.startsWith("cid:"));
        assertThat(email.images()).hasSize(count);
        assertThat(sources)
                .containsExactlyElementsOf(email.images().stream()
                        .map(image -> "cid:" + image.contentId())
                        .toList());
        for (InlineImage image : email.images()) {
            assertThat(image.contentType()).isEqualTo("image/png");
            assertThat(image.content().length).as("a small PNG").isBetween(200, 8 * 1024);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.content()));
            assertThat(decoded).as(image.contentId()).isNotNull();
            assertThat(decoded.getWidth()).isEqualTo(160);
            assertThat(decoded.getHeight()).isEqualTo(48);
        }
    }

    private static List<String> sources(String html) {
        List<String> sources = new ArrayList<>();
        Matcher matcher = IMG_SRC.matcher(html);
        while (matcher.find()) {
            sources.add(matcher.group(1));
        }
        return sources;
    }
}
