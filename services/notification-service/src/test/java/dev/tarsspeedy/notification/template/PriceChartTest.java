package dev.tarsspeedy.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The chart images: small PNGs of the right size, the line in its colour, Korean words drawn with the shipped font. */
class PriceChartTest {

    private static final Color RED = Color.decode("#c81e1e");

    private static List<BigDecimal> prices(int count) {
        List<BigDecimal> prices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            prices.add(BigDecimal.valueOf(70_000 + 1_000 * Math.sin(i / 5.0) + 20 * i));
        }
        return prices;
    }

    @Test
    void drawsWithoutADisplay() {
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    }

    @Test
    void theShippedFontHasHangul() {
        Font font = ChartFont.of(9f);

        assertThat(font.getFontName(java.util.Locale.ENGLISH)).contains("Noto Sans");
        assertThat(font.canDisplayUpTo("당일 1개월 데이터 없음 Today 1 month No data")).isEqualTo(-1);
    }

    @Test
    void aDaysChartIsASmallPngWithTheLineInItsColour() throws IOException {
        byte[] png = PriceChart.png(prices(390), BigDecimal.valueOf(70_500), RED, "당일", "데이터 없음");

        assertThat(png.length).as("a few KB").isBetween(500, 8 * 1024);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(160);
        assertThat(image.getHeight()).isEqualTo(48);
        assertThat(near(image, RED)).as("pixels of the line").isGreaterThan(150);
    }

    @Test
    void koreanWordsAreDrawnNotBoxes() throws IOException {
        BufferedImage korean =
                ImageIO.read(new ByteArrayInputStream(PriceChart.png(List.of(), null, RED, "당일", "데이터 없음")));
        BufferedImage english =
                ImageIO.read(new ByteArrayInputStream(PriceChart.png(List.of(), null, RED, "Today", "No data")));

        // Nothing to draw: the words alone, in grey on white. Hangul drawn as glyphs has many shades of grey
        // (anti-aliased strokes); the "missing glyph" boxes a font without Hangul draws have few.
        assertThat(count(korean, Color.WHITE)).isLessThan(160 * 48);
        assertThat(shades(korean)).as("shades in the Korean words").isGreaterThan(15);
        assertThat(shades(english)).as("shades in the English words").isGreaterThan(15);
        assertThat(pixels(korean)).isNotEqualTo(pixels(english));
    }

    @Test
    void aFlatLineStillDraws() throws IOException {
        List<BigDecimal> flat = List.of(BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(PriceChart.png(flat, null, RED, "1개월", "데이터 없음")));

        assertThat(near(image, RED)).as("pixels of the line").isGreaterThan(150);
    }

    /** Pixels nearer the colour than white: the line, anti-aliased. */
    private static int near(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color pixel = new Color(image.getRGB(x, y));
                if (distance(pixel, colour) < distance(pixel, Color.WHITE) && pixel.getRed() > pixel.getGreen() + 30) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed())
                + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }

    private static int count(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == (colour.getRGB() & 0xffffff)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int shades(BufferedImage image) {
        Set<Integer> shades = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                shades.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return shades.size();
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
