package org.isthmus.atomistic.nnp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.io.N2p2Data;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.testing.SharedData;

/** Small structures for the NN-PES tests, cut from n2p2's Cu2S example structure. */
final class NnpTestStructures {
    private NnpTestStructures() {
    }

    static Path example(String name) {
        return SharedData.require("n2p2/examples/" + name);
    }

    /** The 144-atom monoclinic Cu2S cell of the examples (Å). */
    static Configuration cu2s() {
        return N2p2Data.read(example("Cu2S_PBE").resolve("input.data"), LengthEnergyUnits.ANGSTROM_EV).get(0);
    }

    /**
     * Cubic antifluorite Cu2S (the high-temperature phase; S on fcc sites, Cu in all tetrahedral
     * holes), lattice constant {@code a} Å (5.6 experimentally), {@code n}×{@code n}×{@code n}
     * conventional cells of 12 atoms: a small periodic sample of the Cu2S potentials' chemistry.
     */
    static Configuration antifluorite(double a, int n) {
        double[][] s = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
        List<Element> sp = new ArrayList<>();
        List<double[]> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (double[] f : s) {
                        sp.add(Element.of("S"));
                        p.add(new double[] {(i + f[0]) * a, (j + f[1]) * a, (k + f[2]) * a});
                        for (double o : new double[] {0.25, 0.75}) {
                            sp.add(Element.of("Cu"));
                            p.add(new double[] {(i + f[0] + o) * a, (j + f[1] + o) * a, (k + f[2] + o) * a});
                        }
                    }
                }
            }
        }
        double[] flat = new double[3 * p.size()];
        for (int i = 0; i < p.size(); i++) {
            System.arraycopy(p.get(i), 0, flat, 3 * i, 3);
        }
        return Configuration.of(sp.toArray(new Element[0]), flat, Cell.orthorhombic(n * a, n * a, n * a));
    }

    /** Every coordinate displaced uniformly in ±amplitude (Å), reproducibly. */
    static Configuration rattle(Configuration c, double amplitude, long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[] p = c.positions();
        for (int k = 0; k < p.length; k++) {
            p[k] += amplitude * (2 * r.nextDouble() - 1);
        }
        return c.withPositions(p);
    }

    /** The atoms of the Cu2S crystal (all periodic images) within {@code radius} Å of atom {@code center}. */
    static Configuration cluster(int center, double radius) {
        Configuration c = cu2s();
        double[] o = {c.x(center, 0), c.x(center, 1), c.x(center, 2)};
        List<Element> s = new ArrayList<>();
        List<double[]> p = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            for (int a = -1; a <= 1; a++) {
                for (int b = -1; b <= 1; b++) {
                    for (int g = -1; g <= 1; g++) {
                        double[] t = c.cell().translation(a, b, g);
                        double[] x = {c.x(i, 0) + t[0], c.x(i, 1) + t[1], c.x(i, 2) + t[2]};
                        double dx = x[0] - o[0];
                        double dy = x[1] - o[1];
                        double dz = x[2] - o[2];
                        if (dx * dx + dy * dy + dz * dz < radius * radius) {
                            s.add(c.species(i));
                            p.add(x);
                        }
                    }
                }
            }
        }
        double[] flat = new double[3 * p.size()];
        for (int i = 0; i < p.size(); i++) {
            System.arraycopy(p.get(i), 0, flat, 3 * i, 3);
        }
        return Configuration.of(s.toArray(new Element[0]), flat, Cell.none());
    }
}
