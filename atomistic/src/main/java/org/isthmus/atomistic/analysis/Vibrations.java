package org.isthmus.atomistic.analysis;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.Units;
import org.isthmus.atomistic.potential.Hessian;
import org.isthmus.atomistic.structure.Configuration;

/**
 * Normal modes of a configuration from its exact Hessian: the mass-weighted dynamical matrix
 * D = M^-½ H M^-½ with the rigid translations (and, for a molecule or cluster, the rigid
 * rotations) projected out, diagonalised by Commons Math (Wilson, Decius &amp; Cross, Molecular
 * Vibrations, 1955, ch. 2). For a periodic cell these are the phonons at the Γ point of the
 * supercell. Frequencies ν = ω/2π with ω² the eigenvalues; an unstable mode (negative ω², as at a
 * saddle point) is reported with a negative frequency ("imaginary"). Units: THz, cm⁻¹, and
 * angular frequencies in rad/fs; masses amu, Hessian eV/Å². Immutable.
 */
public final class Vibrations {

    /** Speed of light in cm/fs (exact). */
    private static final double LIGHT_CM_PER_FS = 2.99792458e-5;
    /** A recommended MD time step is this fraction of the shortest period (see {@link #recommendedTimeStep()}). */
    public static final double STEP_FRACTION = 1.0 / 20;
    /** Steps beyond this fraction of the shortest period are unsafe (see {@link #maximumTimeStep()}). */
    public static final double MAX_STEP_FRACTION = 1.0 / 10;

    private final double[] omega;     // signed angular frequencies, rad/fs, ascending
    private final double[][] modes;   // mass-weighted unit eigenvectors, one per frequency
    private final int projected;

    private Vibrations(double[] omega, double[][] modes, int projected) {
        this.omega = omega;
        this.modes = modes;
        this.projected = projected;
    }

    /**
     * The normal modes of {@code c} (its masses and positions) from the Hessian {@code h} at that
     * configuration. Translations are always projected out; rotations too when the cell is
     * periodic along no axis (a free molecule or cluster).
     */
    public static Vibrations of(Configuration c, Hessian h) {
        int n = c.size();
        if (h.atoms() != n) {
            throw new InvalidInputException("vibrations", 0, "Hessian for " + h.atoms() + " atoms, configuration has " + n);
        }
        int dim = 3 * n;
        double[] sqrtM = new double[dim];
        for (int i = 0; i < n; i++) {
            double m = c.mass(i);
            if (!(m > 0)) {
                throw new InvalidInputException("vibrations", 0, "atom " + (i + 1) + " has mass " + m + "; expected > 0 amu");
            }
            for (int a = 0; a < 3; a++) {
                sqrtM[3 * i + a] = Math.sqrt(m);
            }
        }
        boolean free = !c.cell().isPeriodic(0) && !c.cell().isPeriodic(1) && !c.cell().isPeriodic(2);
        List<double[]> rigid = rigidModes(c, sqrtM, free);
        double[][] d = new double[dim][dim];
        for (int k = 0; k < dim; k++) {
            for (int l = 0; l < dim; l++) {
                d[k][l] = 0.5 * (h.get(k, l) + h.get(l, k)) / (sqrtM[k] * sqrtM[l]);
            }
        }
        // P D P with P = I − Σ_r v_r v_rᵀ over the orthonormal rigid-body modes
        project(d, rigid);
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(d, false));
        double[] lambda = eig.getRealEigenvalues();
        RealMatrix v = eig.getV();
        // drop the modes that lie in the rigid-body space (largest overlap), keep the others ascending
        double[] overlap = new double[dim];
        for (int j = 0; j < dim; j++) {
            double[] e = v.getColumn(j);
            for (double[] r : rigid) {
                double dot = 0;
                for (int k = 0; k < dim; k++) {
                    dot += r[k] * e[k];
                }
                overlap[j] += dot * dot;
            }
        }
        Integer[] order = new Integer[dim];
        for (int j = 0; j < dim; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(overlap[y], overlap[x]));
        boolean[] drop = new boolean[dim];
        for (int j = 0; j < rigid.size(); j++) {
            drop[order[j]] = true;
        }
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < dim; j++) {
            if (!drop[j]) {
                keep.add(j);
            }
        }
        keep.sort((x, y) -> Double.compare(lambda[x], lambda[y]));
        double[] omega = new double[keep.size()];
        double[][] modes = new double[keep.size()][];
        for (int j = 0; j < keep.size(); j++) {
            double l = lambda[keep.get(j)] / Units.AMU_A2_PER_FS2_IN_EV; // eV/(Å² amu) → 1/fs²
            omega[j] = Math.signum(l) * Math.sqrt(Math.abs(l));
            modes[j] = v.getColumn(keep.get(j));
        }
        return new Vibrations(omega, modes, rigid.size());
    }

    private static List<double[]> rigidModes(Configuration c, double[] sqrtM, boolean rotations) {
        int n = c.size();
        int dim = 3 * n;
        List<double[]> raw = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            double[] t = new double[dim];
            for (int i = 0; i < n; i++) {
                t[3 * i + a] = sqrtM[3 * i];
            }
            raw.add(t);
        }
        if (rotations) {
            double[] com = new double[3];
            double mass = 0;
            for (int i = 0; i < n; i++) {
                mass += c.mass(i);
                for (int a = 0; a < 3; a++) {
                    com[a] += c.mass(i) * c.x(i, a);
                }
            }
            for (int a = 0; a < 3; a++) {
                com[a] /= mass;
            }
            for (int axis = 0; axis < 3; axis++) {
                double[] r = new double[dim];
                for (int i = 0; i < n; i++) {
                    double[] x = {c.x(i, 0) - com[0], c.x(i, 1) - com[1], c.x(i, 2) - com[2]};
                    // e_axis × x, mass-weighted
                    int p = (axis + 1) % 3;
                    int q = (axis + 2) % 3;
                    r[3 * i + q] = x[p] * sqrtM[3 * i];
                    r[3 * i + p] = -x[q] * sqrtM[3 * i];
                }
                raw.add(r);
            }
        }
        // Gram–Schmidt; a linear molecule has one rotation fewer (its vector vanishes)
        List<double[]> out = new ArrayList<>();
        for (double[] r : raw) {
            for (double[] o : out) {
                double dot = 0;
                for (int k = 0; k < dim; k++) {
                    dot += r[k] * o[k];
                }
                for (int k = 0; k < dim; k++) {
                    r[k] -= dot * o[k];
                }
            }
            double norm = 0;
            for (double x : r) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm > 1e-8 * Math.sqrt(dim)) {
                for (int k = 0; k < dim; k++) {
                    r[k] /= norm;
                }
                out.add(r);
            }
        }
        return out;
    }

    private static void project(double[][] d, List<double[]> rigid) {
        int dim = d.length;
        for (double[] v : rigid) {
            // D ← (I − vvᵀ) D (I − vvᵀ)
            double[] dv = new double[dim];
            for (int k = 0; k < dim; k++) {
                double s = 0;
                for (int l = 0; l < dim; l++) {
                    s += d[k][l] * v[l];
                }
                dv[k] = s;
            }
            double vdv = 0;
            for (int k = 0; k < dim; k++) {
                vdv += v[k] * dv[k];
            }
            for (int k = 0; k < dim; k++) {
                for (int l = 0; l < dim; l++) {
                    d[k][l] += -dv[k] * v[l] - v[k] * dv[l] + vdv * v[k] * v[l];
                }
            }
        }
    }

    /** Number of vibrational modes (3N minus the projected rigid-body modes). */
    public int count() {
        return omega.length;
    }

    /** Number of rigid-body modes projected out (3, or 5–6 for a free molecule). */
    public int projectedModes() {
        return projected;
    }

    /** Signed angular frequencies ω (rad/fs), ascending; negative for unstable modes. */
    public double[] angularFrequencies() {
        return omega.clone();
    }

    /** Signed frequencies in THz, ascending. */
    public double[] terahertz() {
        double[] f = new double[omega.length];
        for (int j = 0; j < f.length; j++) {
            f[j] = omega[j] / (2 * Math.PI) * 1000;
        }
        return f;
    }

    /** Signed wavenumbers in cm⁻¹, ascending. */
    public double[] wavenumbers() {
        double[] f = new double[omega.length];
        for (int j = 0; j < f.length; j++) {
            f[j] = omega[j] / (2 * Math.PI) / LIGHT_CM_PER_FS;
        }
        return f;
    }

    /** Mode j as a mass-weighted unit vector of length 3N (a copy). */
    public double[] mode(int j) {
        return modes[j].clone();
    }

    /** Number of unstable modes (ω² &lt; 0 beyond round-off: |ω| above 1e-6 of the largest). */
    public int unstableModes() {
        double max = maxAngularFrequency();
        int count = 0;
        for (double w : omega) {
            if (w < -1e-6 * max) {
                count++;
            }
        }
        return count;
    }

    /** The largest |ω| (rad/fs). */
    public double maxAngularFrequency() {
        double m = 0;
        for (double w : omega) {
            m = Math.max(m, Math.abs(w));
        }
        return m;
    }

    /** The recommended MD time step, {@link #STEP_FRACTION} of the shortest period 2π/ω_max (fs). */
    public double recommendedTimeStep() {
        return STEP_FRACTION * 2 * Math.PI / maxAngularFrequency();
    }

    /**
     * The largest safe MD time step, {@link #MAX_STEP_FRACTION} of the shortest period (fs):
     * velocity Verlet is stable up to 2/ω_max (a period/π) but its energy error grows fast well
     * before (Allen &amp; Tildesley, Computer Simulation of Liquids, 2nd ed., §3.2).
     */
    public double maximumTimeStep() {
        return MAX_STEP_FRACTION * 2 * Math.PI / maxAngularFrequency();
    }
}
