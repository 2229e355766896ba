package org.isthmus.cases.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.isthmus.cases.output.Plots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The energy-ledger plot of a coupled run from a step table written here: one panel per branch,
 * each starting at the start load, the terms' changes with their signs adding up to the total's,
 * zero terms left out, and a PNG that decodes.
 */
class LedgerPlotTest {

    /** A K sweep: start 1.0, up 1.1, 1.2, down 0.9; E = a + c + coh − ext − ghost at every row. */
    private static Path table(Path dir) throws Exception {
        double[][] rows = {
            // branch, K/K_G, atomistic, continuum, cohesive, external, ghost
            {0, 1.0, -2000.0, 5.0, 0.10, 0, 0.001},
            {1, 1.1, -1999.5, 6.1, 0.13, 0, 0.001},
            {1, 1.2, -1998.8, 7.3, 0.17, 0, 0.001},
            {-1, 0.9, -2000.4, 4.0, 0.08, 0, 0.001}};
        StringBuilder s = new StringBuilder("step,branch,K_over_KG,energy_eV,atomistic_energy_eV,continuum_energy_eV,"
                + "cohesive_energy_eV,external_work_eV,ghost_correction_work_eV\n");
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            double e = r[2] + r[3] + r[4] - r[5] - r[6];
            s.append(String.format(java.util.Locale.ROOT, "%d,%d,%s,%s,%s,%s,%s,%s,%s%n", i + 1, (int) r[0], r[1], e, r[2],
                    r[3], r[4], r[5], r[6]));
        }
        Path csv = dir.resolve("steps.csv");
        Files.writeString(csv, s);
        return csv;
    }

    @Test
    void panelsPerBranchAddUpToTheTotal(@TempDir Path dir) throws Exception {
        Map<String, double[]> c = RunPlots.columns(table(dir));
        List<Plots.Panel> panels = RunPlots.ledgerPanels(c, "K / K_G", "K_over_KG");
        assertEquals(2, panels.size());
        Plots.Panel up = panels.get(0);
        assertEquals("up from the start load", up.title());
        // atomistic, continuum, cohesive, − ghost work, total; the external work is zero everywhere
        assertEquals(List.of("atomistic", "continuum", "cohesive", "− ghost correction", "total"),
                up.series().stream().map(Plots.Series::name).toList());
        Plots.Series total = up.series().get(4);
        assertEquals(3, total.x().length, "start, 1.1, 1.2");
        assertEquals(1.2, total.x()[2]);
        double[] e = c.get("energy_eV");
        assertEquals(e[2] - e[0], total.y()[2], 1e-12, "the total's change from the start load, from the table");
        assertEquals(0, total.y()[0]);
        for (int i = 0; i < 3; i++) {
            double sum = 0;
            for (int k = 0; k < 4; k++) {
                sum += up.series().get(k).y()[i];
            }
            assertEquals(total.y()[i], sum, 1e-9, "the terms add up to the total at row " + i);
        }
        assertEquals(1.1, up.series().get(1).y()[1], 1e-12, "continuum 6.1 − 5.0");
        Plots.Panel down = panels.get(1);
        assertEquals(0.9, down.series().get(0).x()[1]);
        assertEquals(-0.4, down.series().get(0).y()[1], 1e-12, "atomistic −2000.4 − (−2000)");

        Path png = dir.resolve("ledger.png");
        RunPlots.ledger(png, c, "K / K_G", "K_over_KG", "ledger");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(2 * 640, image.getWidth(), "two panels side by side");
        assertEquals(36 + 420, image.getHeight());
    }

    @Test
    void aTableWithoutBranchesIsOnePanelAndOneWithoutTheTotalIsRefused() {
        Map<String, double[]> c = new LinkedHashMap<>();
        c.put("load_factor", new double[] {0.5, 1});
        c.put("energy_eV", new double[] {1, 3});
        c.put("atomistic_energy_eV", new double[] {0.5, 1});
        c.put("continuum_energy_eV", new double[] {0.5, 2});
        c.put("cohesive_energy_eV", new double[] {0, 0});
        List<Plots.Panel> p = RunPlots.ledgerPanels(c, "load factor", "load_factor");
        assertEquals(1, p.size());
        assertEquals(List.of("atomistic", "continuum", "total"), p.get(0).series().stream().map(Plots.Series::name).toList());
        assertEquals(2, p.get(0).series().get(2).y()[1], 1e-12);
        c.remove("energy_eV");
        assertThrows(IllegalArgumentException.class, () -> RunPlots.ledgerPanels(c, "load factor", "load_factor"));
    }
}
