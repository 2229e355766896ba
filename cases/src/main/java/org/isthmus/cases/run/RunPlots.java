package org.isthmus.cases.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.isthmus.cases.output.Plots;

/**
 * The PNG plots of a run, drawn from its complete step table ({@code steps.csv}) after the run,
 * so that a resumed run draws the same plots as an uninterrupted one. md: {@code energy.png}
 * (potential and total energy) and {@code temperature.png}, each with its running mean;
 * relax: {@code energy.png} and {@code force.png} against the iteration; fe:
 * {@code load_displacement.png} (the reaction on each set with a prescribed displacement against
 * that displacement, nN against Å; without one, the load factor against the largest
 * displacement) and {@code energy.png} (strain energy per load step).
 */
final class RunPlots {

    static final String ENERGY = "energy.png";
    static final String TEMPERATURE = "temperature.png";
    static final String FORCE = "force.png";
    static final String LOAD_DISPLACEMENT = "load_displacement.png";
    /** eV/Å → nN. */
    static final double NN_PER_EV_PER_A = 1.602176634e-19 / 1e-10 / 1e-9;

    private RunPlots() {
    }

    /** md: energies and temperature against time, with running means. */
    static void md(Path dir, Path table) {
        Map<String, double[]> c = columns(table);
        double[] t = scale(c.get("time_fs"), 1e-3);
        double[] pot = c.get("potential_energy_eV");
        double[] tot = c.get("total_energy_eV");
        double[] temp = c.get("temperature_K");
        Plots.lineChart(dir.resolve(ENERGY), "Energies", "time (ps)", "energy (eV)", List.of(
                Plots.Series.line("potential", t, pot), Plots.Series.dashed("potential, running mean", t, runningMean(pot)),
                Plots.Series.line("total", t, tot), Plots.Series.dashed("total, running mean", t, runningMean(tot))));
        Plots.lineChart(dir.resolve(TEMPERATURE), "Temperature", "time (ps)", "T (K)", List.of(
                Plots.Series.line("temperature", t, temp), Plots.Series.dashed("running mean", t, runningMean(temp))));
    }

    /** relax: energy and largest force against the iteration. */
    static void relax(Path dir, Path table) {
        Map<String, double[]> c = columns(table);
        double[] it = c.get("iteration");
        double[] f = c.get("max_force_eV_per_A").clone();
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.log10(Math.max(f[i], Double.MIN_NORMAL));
        }
        Plots.lineChart(dir.resolve(ENERGY), "Energy", "iteration", "energy (eV)",
                List.of(Plots.Series.line("energy", it, c.get("energy_eV"))));
        Plots.lineChart(dir.resolve(FORCE), "Largest force on an atom", "iteration", "log₁₀ max|F| (eV/Å)",
                List.of(Plots.Series.line("max |F|", it, f)));
    }

    /** fe: load–displacement per prescribed displacement, strain energy per load step. */
    static void fe(Path dir, Path table) {
        Map<String, double[]> c = columns(table);
        List<Plots.Series> curves = new ArrayList<>();
        for (String name : c.keySet()) {
            if (name.startsWith("displacement_") && name.endsWith("_A")) {
                String key = name.substring("displacement_".length(), name.length() - 2);
                double[] r = c.get("reaction_" + key + "_eV_per_A");
                if (r != null) {
                    curves.add(new Plots.Series(key, withOrigin(c.get(name)),
                            withOrigin(scale(r, NN_PER_EV_PER_A)), Plots.Style.LINE_AND_MARKERS));
                }
            }
        }
        double[] lambda = withOrigin(c.get("load_factor"));
        if (curves.isEmpty()) {
            Plots.lineChart(dir.resolve(LOAD_DISPLACEMENT), "Load factor against the largest displacement",
                    "max |u| (Å)", "load factor", List.of(new Plots.Series("load", withOrigin(c.get("max_displacement_A")),
                            lambda, Plots.Style.LINE_AND_MARKERS)));
        } else {
            Plots.lineChart(dir.resolve(LOAD_DISPLACEMENT), "Reaction against prescribed displacement",
                    "prescribed displacement (Å)", "reaction (nN)", curves);
        }
        Plots.lineChart(dir.resolve(ENERGY), "Strain energy per load step", "load factor", "strain energy (eV)",
                List.of(new Plots.Series("strain energy", lambda, withOrigin(c.get("strain_energy_eV")),
                        Plots.Style.LINE_AND_MARKERS)));
    }

    /** m_i = (x_0 + … + x_i)/(i + 1). */
    static double[] runningMean(double[] x) {
        double[] m = new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i];
            m[i] = s / (i + 1);
        }
        return m;
    }

    /** The columns of a CSV table with a header row, by name, in order. */
    static Map<String, double[]> columns(Path csv) {
        List<String> rows;
        try {
            rows = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + csv + ": " + e.getMessage(), e);
        }
        String[] names = rows.get(0).split(",");
        Map<String, double[]> c = new LinkedHashMap<>();
        for (int k = 0; k < names.length; k++) {
            double[] v = new double[rows.size() - 1];
            for (int i = 1; i < rows.size(); i++) {
                v[i - 1] = Double.parseDouble(rows.get(i).split(",")[k]);
            }
            c.put(names[k], v);
        }
        return c;
    }

    private static double[] scale(double[] x, double a) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = a * x[i];
        }
        return y;
    }

    /** The unloaded state (0) in front of the load steps. */
    private static double[] withOrigin(double[] x) {
        double[] y = new double[x.length + 1];
        System.arraycopy(x, 0, y, 1, x.length);
        return y;
    }
}
