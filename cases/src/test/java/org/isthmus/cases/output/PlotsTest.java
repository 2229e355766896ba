package org.isthmus.cases.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Plots}: a PNG of the requested size, no temporary file left behind, mismatched series rejected. */
class PlotsTest {

    @TempDir
    Path dir;

    @Test
    void writesAPngOfTheRequestedSize() throws Exception {
        double[] x = {0, 1, 2, 3};
        double[] y = {0, 1, 4, 9};
        Path png = dir.resolve("sub").resolve("chart.png");
        Plots.lineChart(png, "squares", "x", "y", List.of(Plots.Series.markers("data", x, y), Plots.Series.line("fit", x, y),
                Plots.Series.dashed("other", x, x)), 640, 400);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
        try (var files = Files.list(png.getParent())) {
            assertEquals(1, files.count(), "only the chart, no partial file");
        }
        assertThrows(IllegalArgumentException.class, () -> Plots.Series.line("bad", x, new double[] {1}));
        assertTrue(Files.size(png) > 1000);
    }
}
