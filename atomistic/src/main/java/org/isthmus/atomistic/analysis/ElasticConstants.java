package org.isthmus.atomistic.analysis;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.Units;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;

/**
 * The 6×6 elastic constants C_IJ = ∂σ_I/∂ε_J of a periodic crystal at its given (ideally
 * stress-free) state, in eV/Å³, Voigt order 11, 22, 33, 23, 13, 12 with engineering shear strains
 * (Nye, Physical Properties of Crystals, 1957, ch. VIII). Measured as central differences of the
 * potential's exact Cauchy stress σ = −W/V under the strains ±h (default h = 1e-4, truncation
 * error ~h² relative): clamped-ion (atoms follow the strain homogeneously) or relaxed-ion (atoms
 * relaxed at every strained cell, which is what a crystal with a basis such as diamond shows).
 *
 * <p>For a stressed reference σ₀ the quantity measured is the derivative of the Cauchy stress,
 * which differs from the Cauchy–Born tangent ∂²W/∂F² by terms in σ₀; compare the two only at a
 * stress-free reference ({@link LatticeRelaxation}). Immutable.
 */
public final class ElasticConstants {

    /** Default strain step h (dimensionless). */
    public static final double DEFAULT_STRAIN = 1e-4;

    private final double[][] c;

    private ElasticConstants(double[][] c) {
        this.c = c;
    }

    /** Relaxed-ion constants with the default step and relaxation. */
    public static ElasticConstants relaxedIon(Potential potential, Configuration crystal) {
        return measure(potential, crystal, InnerRelaxation.defaults(), DEFAULT_STRAIN);
    }

    /** Clamped-ion constants (no internal relaxation) with the default step. */
    public static ElasticConstants clampedIon(Potential potential, Configuration crystal) {
        return measure(potential, crystal, null, DEFAULT_STRAIN);
    }

    /**
     * Constants measured with strain step {@code h}, relaxing the atoms of every strained cell
     * with {@code relaxation} (null: clamped ions).
     *
     * @throws InvalidInputException if the crystal is not periodic along all three axes
     */
    public static ElasticConstants measure(Potential potential, Configuration crystal, InnerRelaxation relaxation, double h) {
        if (!crystal.cell().isFullyPeriodic()) {
            throw new InvalidInputException("elastic constants", 0,
                    "the crystal must be periodic along all three axes to have elastic constants; its cell is "
                            + crystal.cell());
        }
        if (!(h > 0 && h < 0.05)) {
            throw new IllegalArgumentException("strain step must be in (0, 0.05), got " + h);
        }
        double[][] c = new double[6][6];
        for (int j = 0; j < 6; j++) {
            double[] plus = stress(potential, crystal, relaxation, strain(j, h));
            double[] minus = stress(potential, crystal, relaxation, strain(j, -h));
            for (int i = 0; i < 6; i++) {
                c[i][j] = (plus[i] - minus[i]) / (2 * h);
            }
        }
        return new ElasticConstants(c);
    }

    /** F = I + ε for the Voigt engineering strain component j of size h (ε symmetric). */
    static double[][] strain(int j, double h) {
        double[][] f = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        switch (j) {
            case 0, 1, 2 -> f[j][j] += h;
            case 3 -> { f[1][2] += h / 2; f[2][1] += h / 2; }
            case 4 -> { f[0][2] += h / 2; f[2][0] += h / 2; }
            default -> { f[0][1] += h / 2; f[1][0] += h / 2; }
        }
        return f;
    }

    /** Voigt Cauchy stress (eV/Å³) of the crystal deformed by F, its atoms relaxed if asked. */
    private static double[] stress(Potential potential, Configuration crystal, InnerRelaxation relaxation, double[][] f) {
        Configuration c = crystal.deformed(f);
        if (relaxation != null) {
            c = relaxation.relax(potential, c);
        }
        double[] s = potential.compute(c, Request.defaults().withThreads(1)).stress(c.cell());
        return new double[] {s[0], s[4], s[8], 0.5 * (s[5] + s[7]), 0.5 * (s[2] + s[6]), 0.5 * (s[1] + s[3])};
    }

    /** The constants in eV/Å³ (a copy). */
    public double[][] voigt() {
        double[][] out = new double[6][];
        for (int i = 0; i < 6; i++) {
            out[i] = c[i].clone();
        }
        return out;
    }

    /** C_IJ in eV/Å³ (0-based Voigt indices). */
    public double get(int i, int j) {
        return c[i][j];
    }

    /** C_IJ in GPa. */
    public double gpa(int i, int j) {
        return c[i][j] * Units.EV_PER_A3_IN_GPA;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("C (GPa):\n");
        for (double[] row : c) {
            for (double v : row) {
                sb.append(String.format(java.util.Locale.ROOT, "%10.3f", v * Units.EV_PER_A3_IN_GPA));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
