package dev.tarsspeedy.notification.template;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A stock's small price chart for the report mail, drawn with JFreeChart into a PNG of {@link #WIDTH} x {@link #HEIGHT}
 * pixels (a few KB): the prices as a line, the previous close as a dashed line when known, and a label such as
 * "당일" or "1 month" in the corner, in the shipped {@link ChartFont}. Fewer than two prices draw the "no data" words
 * instead. No axes, legend or grid: at this size they would be noise.
 *
 * <p>Needs no display: AWT runs headless (Spring Boot sets {@code java.awt.headless}, the build sets it for tests).
 */
final class PriceChart {

    static final int WIDTH = 160;
    static final int HEIGHT = 48;
    static final String CONTENT_TYPE = "image/png";

    private static final Color BACKGROUND = Color.WHITE;
    private static final Color REFERENCE = new Color(0x9c, 0xa3, 0xaf);
    private static final Color LABEL = new Color(0x6b, 0x72, 0x80);
    /** Share of the value range left free below the line, so it never touches the edge. */
    private static final double MARGIN = 0.12;
    /** Share left free above it: more, for the label in the top left corner. */
    private static final double TOP_MARGIN = 0.35;

    private PriceChart() {}

    /**
     * @param prices oldest first
     * @param reference the previous close, drawn as a dashed line; {@code null} for none
     * @param colour the line's colour (rising, falling, unchanged or stale, as the reader's market shows them)
     * @param label the range's words in the reader's language
     * @param noData what to say when there is nothing to draw
     * @return the PNG's bytes
     */
    static byte[] png(List<BigDecimal> prices, BigDecimal reference, Color colour, String label, String noData) {
        XYSeries series = new XYSeries("price", false, true);
        for (int i = 0; i < prices.size(); i++) {
            series.add(i, prices.get(i).doubleValue());
        }
        boolean drawable = prices.size() >= 2;
        XYSeriesCollection dataset = new XYSeriesCollection();
        if (drawable) {
            dataset.addSeries(series);
        }

        NumberAxis time = hiddenAxis();
        NumberAxis value = hiddenAxis();
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, colour);
        line.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        XYPlot plot = new XYPlot(dataset, time, value, line);
        plot.setBackgroundPaint(BACKGROUND);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(3, 2, 3, 2));
        plot.setNoDataMessage(noData);
        plot.setNoDataMessageFont(ChartFont.of(11f));
        plot.setNoDataMessagePaint(LABEL);

        if (drawable) {
            time.setRange(0, Math.max(1, prices.size() - 1));
            double low = series.getMinY();
            double high = series.getMaxY();
            if (reference != null) {
                double close = reference.doubleValue();
                low = Math.min(low, close);
                high = Math.max(high, close);
                plot.addRangeMarker(new ValueMarker(
                        close,
                        REFERENCE,
                        new BasicStroke(
                                1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 2f}, 0f)));
            }
            double span = high > low ? high - low : Math.max(Math.abs(high) * 0.02, 1e-6);
            value.setRange(low - span * MARGIN, high + span * TOP_MARGIN);

            TextTitle title = new TextTitle(label, ChartFont.of(9f));
            title.setPaint(LABEL);
            title.setBackgroundPaint(null);
            title.setPadding(RectangleInsets.ZERO_INSETS);
            title.setTextAlignment(HorizontalAlignment.LEFT);
            title.setPosition(RectangleEdge.TOP);
            plot.addAnnotation(new XYTitleAnnotation(0.0, 1.0, title, RectangleAnchor.TOP_LEFT));
        }

        JFreeChart chart = new JFreeChart(null, ChartFont.of(9f), plot, false);
        chart.setBackgroundPaint(BACKGROUND);
        chart.setBorderVisible(false);
        chart.setPadding(RectangleInsets.ZERO_INSETS);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream(4096);
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
    }

    private static NumberAxis hiddenAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setVisible(false);
        axis.setAutoRangeIncludesZero(false);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        return axis;
    }
}
