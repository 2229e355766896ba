package org.isthmus.cases.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line charts written as PNG, headless (XChart, {@code org.knowm.xchart}), for result files that
 * engineers read: one x axis, one y axis, several named series, each drawn as a line, as
 * markers, or both. Files are written under a temporary name and renamed into place, like
 * {@link AtomicFile}.
 *
 * <pre>{@code
 * Plots.lineChart(dir.resolve("law.png"), "Cu (111)", "opening (Å)", "φ (J/m²)",
 *         List.of(Plots.Series.markers("computed", x, y), Plots.Series.line("UBER fit", x, fit)));
 * }</pre>
 */
public final class Plots {

    /** Default image size in pixels. */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;

    private static final Color[] COLOURS = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
        new Color(148, 103, 189), new Color(255, 127, 14), new Color(140, 86, 75)};

    private Plots() {
    }

    /** How a series is drawn. */
    public enum Style {
        LINE, MARKERS, LINE_AND_MARKERS, DASHED
    }

    /**
     * One curve.
     *
     * @param name legend entry
     * @param x abscissae
     * @param y ordinates (same length as x)
     * @param style how it is drawn
     */
    public record Series(String name, double[] x, double[] y, Style style) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values and " + y.length + " y values");
            }
        }

        public static Series line(String name, double[] x, double[] y) {
            return new Series(name, x, y, Style.LINE);
        }

        public static Series markers(String name, double[] x, double[] y) {
            return new Series(name, x, y, Style.MARKERS);
        }

        public static Series dashed(String name, double[] x, double[] y) {
            return new Series(name, x, y, Style.DASHED);
        }
    }

    /** Writes a line chart of the series to {@code png} ({@link #WIDTH} × {@link #HEIGHT} pixels). */
    public static void lineChart(Path png, String title, String xLabel, String yLabel, List<Series> series) {
        lineChart(png, title, xLabel, yLabel, series, WIDTH, HEIGHT);
    }

    /**
     * One chart of a multi-panel figure ({@link #panels}).
     *
     * @param title  the panel's title
     * @param xLabel x axis
     * @param yLabel y axis
     * @param series its curves
     */
    public record Panel(String title, String xLabel, String yLabel, List<Series> series) {
    }

    /**
     * Writes several charts as one PNG, {@code columns} to a row, each panel 480 × 340 pixels, under
     * a common title.
     */
    public static void panels(Path png, String title, List<Panel> panels, int columns) {
        panels(png, title, panels, columns, 480, 340);
    }

    /**
     * Writes several charts as one PNG, {@code columns} to a row, each panel {@code w} × {@code h}
     * pixels, under a common title.
     */
    public static void panels(Path png, String title, List<Panel> panels, int columns, int w, int h) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
        System.setProperty("java.awt.headless", "true");
        int head = 36;
        int cols = Math.max(1, Math.min(columns, panels.size()));
        int rows = (panels.size() + cols - 1) / cols;
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(cols * w, head + rows * h,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                    java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 16));
            g.drawString(title, 12, 24);
            for (int k = 0; k < panels.size(); k++) {
                Panel p = panels.get(k);
                XYChart chart = chart(p.title(), p.xLabel(), p.yLabel(), p.series(), w, h);
                g.drawImage(BitmapEncoder.getBufferedImage(chart), (k % cols) * w, head + (k / cols) * h, null);
            }
        } finally {
            g.dispose();
        }
        write(png, os -> javax.imageio.ImageIO.write(image, "png", os));
    }

    /** Writes a line chart of the series to {@code png} with the given size in pixels. */
    public static void lineChart(Path png, String title, String xLabel, String yLabel, List<Series> series, int width,
            int height) {
        XYChart chart = chart(title, xLabel, yLabel, series, width, height);
        write(png, os -> BitmapEncoder.saveBitmap(chart, os, BitmapEncoder.BitmapFormat.PNG));
    }

    private static XYChart chart(String title, String xLabel, String yLabel, List<Series> series, int width,
            int height) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        int k = 0;
        for (Series s : series) {
            XYSeries xy = chart.addSeries(s.name(), s.x(), s.y());
            Color colour = COLOURS[k++ % COLOURS.length];
            xy.setLineColor(colour);
            xy.setMarkerColor(colour);
            switch (s.style()) {
                case LINE -> xy.setMarker(SeriesMarkers.NONE);
                case MARKERS -> {
                    xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    xy.setMarker(SeriesMarkers.CIRCLE);
                }
                case LINE_AND_MARKERS -> xy.setMarker(SeriesMarkers.CIRCLE);
                case DASHED -> {
                    xy.setMarker(SeriesMarkers.NONE);
                    xy.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                            new float[] {6f, 4f}, 0f));
                }
                default -> throw new IllegalStateException("unknown style " + s.style());
            }
        }
        return chart;
    }

    /** Writes the PNG bytes under a temporary name, then renames it into place. */
    private interface Encoder {
        void encode(OutputStream os) throws IOException;
    }

    private static void write(Path png, Encoder encoder) {
        Path target = png.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial.png");
            try {
                try (OutputStream os = Files.newOutputStream(temp)) {
                    encoder.encode(os);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
        }
    }
}
