package org.isthmus.atomistic.multistate;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.isthmus.atomistic.InvalidInputException;

/**
 * The adiabatic states of a diabatic matrix at one geometry R: energies E_k (eV, ascending),
 * eigenvectors c_k (components on the diabatic states), forces and non-adiabatic couplings.
 *
 * <ul>
 * <li>Energies: V_d c_k = E_k c_k. Two states in closed form (the two-state eigenvalues of
 *     Köppel, Domcke &amp; Cederbaum, Adv. Chem. Phys. 57, 59 (1984)): E_± = (V11 + V22)/2 ± √(((V11 − V22)/2)² + V12²);
 *     more states by Commons Math's {@link EigenDecomposition}.</li>
 * <li>Forces (Hellmann–Feynman, eV/Å): F_k = −c_kᵀ (∂V_d/∂R) c_k, exact wherever E_k is
 *     non-degenerate. At an exact degeneracy the adiabatic surfaces form a cone and have no
 *     gradient; the value given there is that of the (arbitrary) eigenvectors returned.</li>
 * <li>Derivative couplings (1/Å): d_kl = ⟨c_k|∇c_l⟩ = c_kᵀ (∂V_d/∂R) c_l / (E_l − E_k)
 *     (off-diagonal Hellmann–Feynman theorem; e.g. Yarkony, Rev. Mod. Phys. 68, 985 (1996)); d_kl = −d_lk. Singular at a degeneracy: {@link #coupling} throws
 *     {@link DegenerateStatesException} instead of returning an infinity or NaN.</li>
 * </ul>
 *
 * <p>Phase convention (eigenvectors are defined up to sign): for two states the mixing angle
 * θ = ½ atan2(2V12, V11 − V22) gives c_upper = (cos θ, sin θ), c_lower = (−sin θ, cos θ), which is
 * smooth wherever θ does not cross its branch cut (V12 = 0 with V11 &lt; V22); for more states the
 * component of largest magnitude is positive. A coupling's sign follows the phases of c_k and c_l.
 * Immutable.
 */
public final class AdiabaticStates {

    /** Default smallest gap |E_l − E_k| (eV) at which a coupling is still computed. */
    public static final double DEFAULT_MINIMUM_GAP = 1e-6;

    private final int n;
    private final int dim;
    private final double[][] v;     // V_d
    private final double[][][] dv;  // ∂V_d/∂R_p, [p][i][j]
    private final double[] e;       // ascending
    private final double[][] c;     // c[k] = eigenvector of E_k

    private AdiabaticStates(double[][] v, double[][][] dv, double[] e, double[][] c) {
        this.n = v.length;
        this.dim = dv.length;
        this.v = v;
        this.dv = dv;
        this.e = e;
        this.c = c;
    }

    /** The adiabatic states of {@code model} at {@code r} (Å). */
    public static AdiabaticStates of(DiabaticModel model, double[] r) {
        if (r == null || r.length != model.dimension()) {
            throw new InvalidInputException("the diabatic model takes " + model.dimension() + " coordinates, got "
                    + (r == null ? "none" : r.length));
        }
        for (int p = 0; p < r.length; p++) {
            if (!Double.isFinite(r[p])) {
                throw new InvalidInputException("coordinate " + p + " is " + r[p] + "; coordinates must be finite");
            }
        }
        int n = model.states();
        double[][] v = new double[n][n];
        double[][][] dv = new double[r.length][n][n];
        model.evaluate(r, v, dv);
        return of(v, dv);
    }

    /**
     * The adiabatic states of a given diabatic matrix {@code v} (n×n, eV) and its gradient
     * {@code dv[p]} (n×n each, eV/Å); both must be symmetric and finite. The arrays are copied.
     */
    public static AdiabaticStates of(double[][] v, double[][][] dv) {
        int n = v.length;
        if (n < 2) {
            throw new InvalidInputException("a diabatic matrix needs at least 2 states, got " + n);
        }
        double[][] vc = checkedSymmetric(v, n, "V_d");
        double[][][] dvc = new double[dv.length][][];
        for (int p = 0; p < dv.length; p++) {
            dvc[p] = checkedSymmetric(dv[p], n, "∂V_d/∂R_" + p);
        }
        double[] e = new double[n];
        double[][] c = new double[n][n];
        decompose(vc, e, c);
        return new AdiabaticStates(vc, dvc, e, c);
    }

    /**
     * Eigenvalues (ascending) into {@code e} and eigenvectors into {@code c[k]}, with this class's
     * phase convention; {@code v} symmetric and finite (not checked). No allocation for two states.
     */
    static void decompose(double[][] v, double[] e, double[][] c) {
        if (v.length == 2) {
            twoByTwo(v, e, c);
        } else {
            general(v, e, c);
        }
    }

    private static double[][] checkedSymmetric(double[][] m, int n, String name) {
        if (m == null || m.length != n) {
            throw new InvalidInputException(name + " must be " + n + "×" + n);
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            if (m[i] == null || m[i].length != n) {
                throw new InvalidInputException(name + " must be " + n + "×" + n + "; row " + i + " is not");
            }
            out[i] = m[i].clone();
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new InvalidInputException(name + "[" + i + "][" + j + "] is " + m[i][j] + "; expected finite");
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double a = m[i][j];
                double b = m[j][i];
                if (Math.abs(a - b) > 1e-12 * (1.0 + Math.abs(a) + Math.abs(b))) {
                    throw new InvalidInputException(name + " must be symmetric: [" + i + "][" + j + "] = " + a
                            + " but [" + j + "][" + i + "] = " + b);
                }
            }
        }
        return out;
    }

    /** Closed form (KDC 1984) with the mixing angle θ = ½ atan2(2V12, V11 − V22). */
    private static void twoByTwo(double[][] v, double[] e, double[][] c) {
        double mean = 0.5 * (v[0][0] + v[1][1]);
        double half = 0.5 * (v[0][0] - v[1][1]);
        double root = Math.hypot(half, v[0][1]); // eV, half the gap
        e[0] = mean - root;
        e[1] = mean + root;
        double theta = 0.5 * Math.atan2(2.0 * v[0][1], v[0][0] - v[1][1]);
        double cs = Math.cos(theta);
        double sn = Math.sin(theta);
        c[1][0] = cs;
        c[1][1] = sn;
        c[0][0] = -sn;
        c[0][1] = cs;
    }

    private static void general(double[][] v, double[] e, double[][] c) {
        int n = v.length;
        RealMatrix m = new Array2DRowRealMatrix(v, true);
        EigenDecomposition ed = new EigenDecomposition(m);
        double[] vals = ed.getRealEigenvalues();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(vals[a], vals[b]));
        for (int k = 0; k < n; k++) {
            e[k] = vals[order[k]];
            double[] vec = ed.getEigenvector(order[k]).toArray();
            int big = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(vec[i]) > Math.abs(vec[big])) {
                    big = i;
                }
            }
            double sign = vec[big] < 0 ? -1.0 : 1.0;
            double norm = 0;
            for (double x : vec) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                c[k][i] = sign * vec[i] / norm;
            }
        }
    }

    /** Number of states n. */
    public int states() {
        return n;
    }

    /** Length of R. */
    public int dimension() {
        return dim;
    }

    /** E_k (eV), k = 0 the lowest. */
    public double energy(int k) {
        return e[check(k)];
    }

    /** All adiabatic energies, ascending (eV), a copy. */
    public double[] energies() {
        return e.clone();
    }

    /** |E_l − E_k| (eV). */
    public double gap(int k, int l) {
        return Math.abs(e[check(l)] - e[check(k)]);
    }

    /** The eigenvector c_k (components on the diabatic states, unit length), a copy. */
    public double[] vector(int k) {
        return c[check(k)].clone();
    }

    /** V_d at this geometry (eV), a copy. */
    public double[][] diabatic() {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = v[i].clone();
        }
        return out;
    }

    /** F_k = −c_kᵀ (∂V_d/∂R) c_k (eV/Å), Hellmann–Feynman; a new array of length {@link #dimension()}. */
    public double[] force(int k) {
        check(k);
        double[] f = new double[dim];
        for (int p = 0; p < dim; p++) {
            f[p] = -sandwich(c[k], dv[p], c[k]);
        }
        return f;
    }

    /** d_kl (1/Å) with the {@linkplain #DEFAULT_MINIMUM_GAP default minimum gap}. */
    public double[] coupling(int k, int l) {
        return coupling(k, l, DEFAULT_MINIMUM_GAP);
    }

    /**
     * The derivative coupling d_kl = c_kᵀ (∂V_d/∂R) c_l / (E_l − E_k) (1/Å), k ≠ l.
     *
     * @throws DegenerateStatesException when |E_l − E_k| &lt; {@code minimumGap} (eV)
     */
    public double[] coupling(int k, int l, double minimumGap) {
        check(k);
        check(l);
        if (k == l) {
            throw new InvalidInputException("a derivative coupling needs two different states, got k = l = " + k
                    + " (d_kk = 0 for real eigenvectors)");
        }
        if (!(minimumGap > 0)) {
            throw new InvalidInputException("the minimum gap must be positive (eV), got " + minimumGap);
        }
        double de = e[l] - e[k];
        if (Math.abs(de) < minimumGap) {
            throw new DegenerateStatesException(k, l, Math.abs(de), minimumGap);
        }
        double[] d = new double[dim];
        for (int p = 0; p < dim; p++) {
            d[p] = sandwich(c[k], dv[p], c[l]) / de;
        }
        return d;
    }

    private static double sandwich(double[] a, double[][] m, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double row = 0;
            for (int j = 0; j < b.length; j++) {
                row += m[i][j] * b[j];
            }
            s += a[i] * row;
        }
        return s;
    }

    private int check(int k) {
        if (k < 0 || k >= n) {
            throw new InvalidInputException("state " + k + " does not exist; this model has states 0 … " + (n - 1));
        }
        return k;
    }
}
