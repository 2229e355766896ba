package org.isthmus.cases.potential;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;

/**
 * Material figures of a silicon potential, computed by one procedure for any potential so that
 * an NN-PES and its oracle are compared like for like: the diamond lattice constant (golden
 * section on E(a)), the cubic elastic constants C11, C12, C44 (central second differences of the
 * energy in the strain, δ = 1 %, every strained cell relaxed internally with L-BFGS, which matters
 * for C44 only), and unrelaxed surface energies of (111) (shuffle plane), (110) and (100).
 * Units: Å, GPa, J/m². Finite differences here are measurement, not production code.
 */
final class SiliconFigures {

    /** eV/Å³ → GPa. */
    static final double EV_PER_A3_TO_GPA = org.isthmus.atomistic.Units.EV_PER_A3_IN_GPA;
    /** eV/Å² → J/m². */
    static final double EV_PER_A2_TO_J_PER_M2 = org.isthmus.atomistic.Units.EV_PER_A2_IN_J_PER_M2;

    private static final Element SI = Element.of("Si");
    private static final double STRAIN = 0.01;

    private SiliconFigures() {
    }

    /** Energy per atom (eV) of perfect diamond with lattice constant a (Å), 2×2×2 cubic cells. */
    static double cohesive(Potential p, double a) {
        Configuration c = Lattices.diamond(SI, a, 2, 2, 2);
        return p.compute(c).energy() / c.size();
    }

    /** The lattice constant (Å) minimising the energy, by golden section in [5.3, 5.6] to 1e-6 Å. */
    static double latticeConstant(Potential p) {
        double lo = 5.3;
        double hi = 5.6;
        double g = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - g * (hi - lo);
        double x2 = lo + g * (hi - lo);
        double f1 = cohesive(p, x1);
        double f2 = cohesive(p, x2);
        while (hi - lo > 1e-6) {
            if (f1 < f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - g * (hi - lo);
                f1 = cohesive(p, x1);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + g * (hi - lo);
                f2 = cohesive(p, x2);
            }
        }
        return 0.5 * (lo + hi);
    }

    /** {C11, C12, C44} in GPa at lattice constant a (Å). */
    static double[] elastic(Potential p, double a) {
        Configuration c = Lattices.diamond(SI, a, 2, 2, 2);
        double v = c.cell().volume();
        double e0 = relaxed(p, c);
        double d = STRAIN;
        // uniaxial ε_xx = δ: E = E0 + V C11 δ²/2
        double uni = second(p, c, e0, new double[][] {{1 + d, 0, 0}, {0, 1, 0}, {0, 0, 1}},
                new double[][] {{1 - d, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        // biaxial ε_xx = ε_yy = δ: E = E0 + V (C11 + C12) δ²
        double bi = second(p, c, e0, new double[][] {{1 + d, 0, 0}, {0, 1 + d, 0}, {0, 0, 1}},
                new double[][] {{1 - d, 0, 0}, {0, 1 - d, 0}, {0, 0, 1}});
        // shear γ_xy = δ (ε_xy = δ/2): E = E0 + V C44 δ²/2, with internal relaxation
        double sh = second(p, c, e0, new double[][] {{1, d / 2, 0}, {d / 2, 1, 0}, {0, 0, 1}},
                new double[][] {{1, -d / 2, 0}, {-d / 2, 1, 0}, {0, 0, 1}});
        double c11 = uni / v;
        double c12 = bi / (2 * v) - c11;
        double c44 = sh / v;
        return new double[] {c11 * EV_PER_A3_TO_GPA, c12 * EV_PER_A3_TO_GPA, c44 * EV_PER_A3_TO_GPA};
    }

    private static double second(Potential p, Configuration c, double e0, double[][] plus, double[][] minus) {
        return (relaxed(p, c.deformed(plus)) - 2 * e0 + relaxed(p, c.deformed(minus))) / (STRAIN * STRAIN);
    }

    /** Energy (eV) after relaxing the atoms at fixed cell to 1e-6 eV/Å. */
    static double relaxed(Potential p, Configuration c) {
        AtomisticModel m = AtomisticModel.of(p, c);
        return Lbfgs.defaults().withTolerance(1e-6).withMaxIterations(2000).minimize(m, m.initialPoint(),
                (i, e, f) -> { }).energy();
    }

    /**
     * Unrelaxed surface energy (J/m²): (E_slab − E_bulk) / 2A for a periodic cell with axes along
     * the rows of {@code axes} (Miller directions, normal last), cut open by 15 Å of vacuum.
     */
    static double surfaceEnergy(Potential p, double a, int[][] axes, int[] repeat, double cutShift) {
        Configuration bulk = oriented(a, axes, repeat, cutShift);
        double[][] m = bulk.cell().matrix();
        double lz = m[2][2];
        Configuration slab = bulk.withCell(Cell.of(new double[][] {m[0], m[1], {0, 0, lz + 15.0}}, true, true, true));
        double area = m[0][0] * m[1][1];
        double es = p.compute(slab).energy();
        double eb = p.compute(bulk).energy();
        return (es - eb) / (2 * area) * EV_PER_A2_TO_J_PER_M2;
    }

    /**
     * Diamond silicon in an orthogonal cell whose x, y, z axes run along the three (orthogonal)
     * Miller directions of {@code axes}; the periods are those of the directions in the diamond
     * lattice, given by {@link #period}. Atoms are shifted by {@code cutShift} (fraction of one z
     * period) before wrapping, which chooses the plane the periodic boundary cuts.
     */
    static Configuration oriented(double a, int[][] axes, int[] repeat, double cutShift) {
        double[][] rot = new double[3][3];
        double[] len = new double[3];
        for (int r = 0; r < 3; r++) {
            double n = Math.sqrt(axes[r][0] * axes[r][0] + axes[r][1] * axes[r][1] + axes[r][2] * axes[r][2]);
            for (int k = 0; k < 3; k++) {
                rot[r][k] = axes[r][k] / n;
            }
            len[r] = period(axes[r]) * a * repeat[r];
        }
        double[][] basis = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}, {.25, .25, .25}, {.25, .75, .75},
            {.75, .25, .75}, {.75, .75, .25}};
        double zPeriod = period(axes[2]) * a;
        List<double[]> atoms = new ArrayList<>();
        int range = 2 + 2 * Math.max(repeat[0], Math.max(repeat[1], repeat[2])) * 3;
        for (int i = -range; i <= range; i++) {
            for (int j = -range; j <= range; j++) {
                for (int k = -range; k <= range; k++) {
                    for (double[] b : basis) {
                        double[] x = {(i + b[0]) * a, (j + b[1]) * a, (k + b[2]) * a};
                        double[] y = new double[3];
                        for (int r = 0; r < 3; r++) {
                            y[r] = rot[r][0] * x[0] + rot[r][1] * x[1] + rot[r][2] * x[2];
                        }
                        y[2] -= cutShift * zPeriod;
                        boolean inside = true;
                        for (int r = 0; r < 3; r++) {
                            double f = y[r] / len[r];
                            inside &= f >= -1e-9 && f < 1 - 1e-9;
                        }
                        if (inside) {
                            atoms.add(y);
                        }
                    }
                }
            }
        }
        double[] pos = new double[3 * atoms.size()];
        Element[] sp = new Element[atoms.size()];
        for (int i = 0; i < atoms.size(); i++) {
            System.arraycopy(atoms.get(i), 0, pos, 3 * i, 3);
            sp[i] = SI;
        }
        return Configuration.of(sp, pos, Cell.orthorhombic(len[0], len[1], len[2]));
    }

    /** Period (in units of a) of the fcc lattice along the reduced Miller direction d: |d|/2 if h+k+l is even, else |d|. */
    static double period(int[] d) {
        double n = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        // fcc lattice vectors are (a/2)(n1, n2, n3) with n1 + n2 + n3 even
        return (d[0] + d[1] + d[2]) % 2 == 0 ? n / 2 : n;
    }
}
