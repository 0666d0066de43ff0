package dev.tarsspeedy.notification.template;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The font of the text in chart images: Noto Sans KR, shipped in the service's jar ({@code fonts/}, SIL Open Font
 * License), because the charts say Korean words and a server's own fonts may have no Hangul at all. Loaded once per
 * JVM, on first use (it takes a moment).
 */
final class ChartFont {

    static final String RESOURCE = "fonts/NotoSansKR-Regular.otf";

    private ChartFont() {}

    /** The font at the given size in points (one point is one pixel in a chart image). */
    static Font of(float size) {
        return Holder.FONT.deriveFont(size);
    }

    private static final class Holder {
        static final Font FONT = load();

        private static Font load() {
            try (InputStream in = ChartFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path");
                }
                // TRUETYPE_FONT covers OpenType fonts with CFF outlines too.
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            } catch (FontFormatException e) {
                throw new IllegalStateException(RESOURCE + " is not a usable font", e);
            }
        }
    }
}
