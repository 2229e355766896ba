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
 * displacement) and {@code energy.png} (strain energy per load step); a coupled run:
 * {@link #ledger} ({@code ledger.png}).
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

    /**
     * The columns of a coupled run's energy ledger ({@link org.isthmus.coupling.model.EnergyLedger}), each
     * with its legend and its sign in the total E = atomistic + continuum + cohesive − external work −
     * ghost-force correction work.
     */
    static final List<LedgerTerm> LEDGER_TERMS = List.of(new LedgerTerm("atomistic_energy_eV", "atomistic", 1),
            new LedgerTerm("continuum_energy_eV", "continuum", 1), new LedgerTerm("cohesive_energy_eV", "cohesive", 1),
            new LedgerTerm("external_work_eV", "− external work", -1),
            new LedgerTerm("ghost_correction_work_eV", "− ghost correction", -1));

    /** One term of the ledger: its step-table column, legend, and sign in the total. */
    record LedgerTerm(String column, String legend, int sign) {
    }

    /**
     * The energy ledger of a coupled run ({@code ledger.png}): each term's change from the first load
     * (eV) against {@code xColumn}, with the total ({@code energy_eV}), which the terms add up to. A
     * term that is zero at every load (no cohesive elements, no applied forces, no correction) is
     * left out. With a {@code branch} column (the K sweep: 0 start, 1 up, −1 down) there is one
     * panel per branch, each starting at the start load; otherwise one panel of every row. Changes
     * rather than values, because the atomistic term is thousands of eV and the others are not.
     */
    static void ledger(Path png, Map<String, double[]> c, String xLabel, String xColumn, String title) {
        List<Plots.Panel> panels = ledgerPanels(c, xLabel, xColumn);
        if (panels.size() == 1) {
            Plots.Panel p = panels.get(0);
            Plots.lineChart(png, title + " (" + p.title() + ")", p.xLabel(), p.yLabel(), p.series());
        } else {
            Plots.panels(png, title, panels, 2, 640, 420);
        }
    }

    /** The panels of {@link #ledger}: per branch, the ledger's series (changes from the panel's first row, eV). */
    static List<Plots.Panel> ledgerPanels(Map<String, double[]> c, String xLabel, String xColumn) {
        double[] x = c.get(xColumn);
        double[] total = c.get("energy_eV");
        if (x == null || total == null) {
            throw new IllegalArgumentException("a ledger plot needs the columns " + xColumn + " and energy_eV; the table has "
                    + c.keySet());
        }
        List<LedgerTerm> terms = new ArrayList<>();
        for (LedgerTerm t : LEDGER_TERMS) {
            double[] v = c.get(t.column());
            boolean nonzero = false;
            for (int i = 0; v != null && i < v.length; i++) {
                nonzero |= v[i] != 0;
            }
            if (nonzero || v != null && t.sign() > 0 && !t.column().equals("cohesive_energy_eV")) {
                terms.add(t);
            }
        }
        double[] branch = c.get("branch");
        List<int[]> groups = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (branch == null) {
            groups.add(java.util.stream.IntStream.range(0, x.length).toArray());
            names.add("change from the first row");
        } else {
            for (int b : new int[] {1, -1}) {
                int[] rows = java.util.stream.IntStream.range(0, x.length).filter(i -> branch[i] == 0 || branch[i] == b)
                        .toArray();
                if (rows.length >= 2) {
                    groups.add(rows);
                    names.add((b > 0 ? "up" : "down") + " from the start load");
                }
            }
            if (groups.isEmpty()) {
                groups.add(java.util.stream.IntStream.range(0, x.length).toArray());
                names.add("start load");
            }
        }
        List<Plots.Panel> panels = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            int[] rows = groups.get(g);
            double[] xs = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                xs[i] = x[rows[i]];
            }
            List<Plots.Series> series = new ArrayList<>();
            for (LedgerTerm t : terms) {
                series.add(new Plots.Series(t.legend(), xs, change(c.get(t.column()), rows, t.sign()), Plots.Style.LINE_AND_MARKERS));
            }
            series.add(new Plots.Series("total", xs, change(total, rows, 1), Plots.Style.DASHED));
            panels.add(new Plots.Panel(names.get(g), xLabel, "ΔE (eV)", series));
        }
        return panels;
    }

    /** sign·(v[rows[i]] − v[rows[0]]). */
    private static double[] change(double[] v, int[] rows, int sign) {
        double[] d = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            d[i] = sign * (v[rows[i]] - v[rows[0]]);
        }
        return d;
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
