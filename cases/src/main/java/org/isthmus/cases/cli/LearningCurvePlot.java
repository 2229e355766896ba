package org.isthmus.cases.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.isthmus.atomistic.train.EpochRecord;

/**
 * Learning curves as a PNG (JDK imaging only, headless): two panels, energy RMSE (meV/atom) and
 * force RMSE (meV/Å) against epoch on a logarithmic axis, training solid and validation dashed,
 * one colour per committee member.
 */
final class LearningCurvePlot {

    private static final int W = 900;
    private static final int H = 420;
    private static final Color[] COLOURS = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
        new Color(148, 103, 189), new Color(255, 127, 14)};

    private LearningCurvePlot() {
    }

    static void write(Path png, List<List<EpochRecord>> members) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        panel(g, members, true, 60, 30, W / 2 - 90, H - 90, "energy RMSE (meV/atom)");
        panel(g, members, false, W / 2 + 50, 30, W / 2 - 90, H - 90, "force RMSE (meV/Å)");
        g.setColor(Color.DARK_GRAY);
        g.drawString("solid: training   dashed: validation   x: epoch", W / 2 - 140, H - 12);
        g.dispose();
        try {
            ImageIO.write(img, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }

    private static void panel(Graphics2D g, List<List<EpochRecord>> members, boolean energy, int x0, int y0, int w,
            int h, String title) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        int epochs = 1;
        for (List<EpochRecord> m : members) {
            for (EpochRecord r : m) {
                for (double v : new double[] {value(r, energy, true), value(r, energy, false)}) {
                    if (v > 0 && Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                epochs = Math.max(epochs, r.epoch());
            }
        }
        g.setColor(Color.BLACK);
        g.drawRect(x0, y0, w, h);
        g.drawString(title, x0 + w / 2 - 60, y0 - 8);
        if (!(hi > 0)) {
            return;
        }
        double llo = Math.floor(Math.log10(lo));
        double lhi = Math.max(llo + 1, Math.ceil(Math.log10(hi)));
        for (double d = llo; d <= lhi; d++) {
            int y = y0 + h - (int) Math.round((d - llo) / (lhi - llo) * h);
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(x0, y, x0 + w, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "1e%d", (int) d), x0 - 40, y + 4);
        }
        g.drawString("1", x0, y0 + h + 15);
        g.drawString(Integer.toString(epochs), x0 + w - 20, y0 + h + 15);
        for (int m = 0; m < members.size(); m++) {
            g.setColor(COLOURS[m % COLOURS.length]);
            for (boolean train : new boolean[] {true, false}) {
                g.setStroke(train ? new BasicStroke(1.6f) : new BasicStroke(1.6f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                int px = -1;
                int py = -1;
                for (EpochRecord r : members.get(m)) {
                    double v = value(r, energy, train);
                    if (!(v > 0) || !Double.isFinite(v)) {
                        continue;
                    }
                    int x = x0 + (int) Math.round((r.epoch() - 1) / (double) Math.max(1, epochs - 1) * w);
                    int y = y0 + h - (int) Math.round((Math.log10(v) - llo) / (lhi - llo) * h);
                    if (px >= 0) {
                        g.drawLine(px, py, x, y);
                    }
                    px = x;
                    py = y;
                }
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static double value(EpochRecord r, boolean energy, boolean train) {
        var v = train ? r.train() : r.validation();
        return 1e3 * (energy ? v.energyRmsePerAtom() : v.forceRmse());
    }
}
