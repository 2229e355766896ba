package org.isthmus.atomistic.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * A golden reference computed by LAMMPS, read from a test resource written by a
 * {@code regenerate_golden.py} script: an orthorhombic periodic configuration, LAMMPS's total
 * energy (eV), pressure tensor (bar, virial only), per-atom energies (eV) and forces (eV/Å). The
 * file's '#' header carries the provenance (LAMMPS version, input script, date) and its
 * {@code tolerance} line the tolerances the comparing test applies.
 */
public final class LammpsGolden {

    /** LAMMPS metal units: pressure in bar = nktv2p · (virial in eV) / (volume in Å³). */
    public static final double NKTV2P = 1.6021765e6;

    private final String name;
    private final String tolerance;
    private final List<String> lammpsCommands;
    private final Configuration configuration;
    private final double energy;
    private final double[] pressure;
    private final double[] siteEnergies;
    private final double[] forces;

    private LammpsGolden(String name, String tolerance, List<String> commands, Configuration c, double energy,
            double[] pressure, double[] site, double[] forces) {
        this.name = name;
        this.tolerance = tolerance;
        this.lammpsCommands = List.copyOf(commands);
        this.configuration = c;
        this.energy = energy;
        this.pressure = pressure;
        this.siteEnergies = site;
        this.forces = forces;
    }

    /** Reads the resource {@code name} beside class {@code anchor}. */
    public static LammpsGolden load(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("golden file " + name + " not found beside " + anchor.getName());
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read golden file " + name, e);
        }
    }

    private static LammpsGolden parse(String name, String text) {
        String tolerance = "";
        List<String> commands = new ArrayList<>();
        Element[] elements = null;
        double[] box = null;
        int n = -1;
        double energy = Double.NaN;
        double[] pressure = null;
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] w = l.split("\\s+");
            switch (w[0]) {
                case "tolerance" -> tolerance = l.substring("tolerance".length()).trim();
                case "lammps" -> commands.add(l.substring("lammps".length()).trim());
                case "elements" -> {
                    elements = new Element[w.length - 1];
                    for (int k = 1; k < w.length; k++) {
                        elements[k - 1] = Element.of(w[k]);
                    }
                }
                case "cell" -> box = new double[] {Double.parseDouble(w[1]), Double.parseDouble(w[2]),
                    Double.parseDouble(w[3])};
                case "atoms" -> n = Integer.parseInt(w[1]);
                case "energy" -> energy = Double.parseDouble(w[1]);
                case "pressure" -> {
                    pressure = new double[6];
                    for (int k = 0; k < 6; k++) {
                        pressure[k] = Double.parseDouble(w[k + 1]);
                    }
                }
                default -> rows.add(w);
            }
        }
        if (elements == null || box == null || n != rows.size() || pressure == null || Double.isNaN(energy)) {
            throw new IllegalStateException("golden file " + name + " is incomplete");
        }
        Element[] species = new Element[n];
        double[] x = new double[3 * n];
        double[] site = new double[n];
        double[] f = new double[3 * n];
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            if (Integer.parseInt(r[0]) != i + 1) {
                throw new IllegalStateException("golden file " + name + ": atoms out of order at " + r[0]);
            }
            species[i] = Element.of(r[1]);
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] = Double.parseDouble(r[2 + k]);
                f[3 * i + k] = Double.parseDouble(r[6 + k]);
            }
            site[i] = Double.parseDouble(r[5]);
        }
        Configuration c = Configuration.of(species, x, Cell.orthorhombic(box[0], box[1], box[2]));
        return new LammpsGolden(name, tolerance, commands, c, energy, pressure, site, f);
    }

    public String name() {
        return name;
    }

    /** The tolerance line as written in the file. */
    public String tolerance() {
        return tolerance;
    }

    /** The pair commands LAMMPS ran with. */
    public List<String> lammpsCommands() {
        return lammpsCommands;
    }

    public Configuration configuration() {
        return configuration;
    }

    /** Total potential energy (eV). */
    public double energy() {
        return energy;
    }

    /** Pressure tensor pxx pyy pzz pxy pxz pyz (bar), positive in compression. */
    public double[] pressure() {
        return pressure.clone();
    }

    /** LAMMPS's per-atom energies (compute pe/atom, eV). */
    public double[] siteEnergies() {
        return siteEnergies.clone();
    }

    /** Forces, 3N (eV/Å). */
    public double[] forces() {
        return forces.clone();
    }

    /**
     * The same six components from a virial W (eV, 3×3 row-major, W = −∂E/∂ε) in LAMMPS's
     * convention: p_ab = nktv2p · W_ab / V.
     */
    public static double[] pressureFromVirial(double[] w, double volume) {
        int[][] voigt = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
        double[] p = new double[6];
        for (int k = 0; k < 6; k++) {
            p[k] = NKTV2P * w[3 * voigt[k][0] + voigt[k][1]] / volume;
        }
        return p;
    }
}
