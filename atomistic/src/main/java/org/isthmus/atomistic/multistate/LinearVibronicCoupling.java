package org.isthmus.atomistic.multistate;

import org.isthmus.atomistic.InvalidInputException;

/**
 * The linear vibronic coupling (LVC) model of Köppel, Domcke &amp; Cederbaum (Adv. Chem. Phys. 57,
 * 59 (1984), section II.B): n diabatic states over m coordinates q (Å) sharing one harmonic
 * reference potential,
 *
 * <pre>  V_ii(q) = E_i + Σ_p κ_p^(i) q_p + ½ Σ_p k_p q_p²      (eV)
 *  V_ij(q) = Σ_p λ_p^(ij) q_p,  i ≠ j                   (eV)</pre>
 *
 * with vertical energies E_i (eV), intrastate gradients κ (eV/Å), force constants k (eV/Å²) and
 * interstate couplings λ (eV/Å). Its adiabatic surfaces meet in conical intersections, which makes
 * it the reference ("oracle") for fitting and testing diabatic models. KDC write q dimensionless
 * and k as ω; here q carries Å so that forces are in eV/Å. Immutable; thread-safe.
 */
public final class LinearVibronicCoupling implements DiabaticModel {

    private final int n;
    private final int m;
    private final double[] e0;
    private final double[][] kappa;   // [state][coordinate]
    private final double[] k;         // [coordinate]
    private final double[][][] lambda; // [i][j][coordinate], symmetric, zero diagonal

    /**
     * @param energies        E_i (eV), one per state (n ≥ 2)
     * @param kappa           κ^(i)_p (eV/Å), n rows of m
     * @param forceConstants  k_p (eV/Å²), m values
     * @param lambda          λ^(ij)_p (eV/Å), n×n×m, symmetric in i, j, zero for i = j
     */
    public LinearVibronicCoupling(double[] energies, double[][] kappa, double[] forceConstants, double[][][] lambda) {
        n = energies.length;
        m = forceConstants.length;
        if (n < 2 || m < 1) {
            throw new InvalidInputException("a vibronic coupling model needs ≥ 2 states and ≥ 1 coordinate, got " + n
                    + " states and " + m + " coordinates");
        }
        if (kappa.length != n || lambda.length != n) {
            throw new InvalidInputException("κ and λ need one row per state (" + n + "), got " + kappa.length + " and "
                    + lambda.length);
        }
        e0 = finite(energies.clone(), "E");
        k = finite(forceConstants.clone(), "k");
        this.kappa = new double[n][];
        this.lambda = new double[n][n][];
        for (int i = 0; i < n; i++) {
            if (kappa[i].length != m || lambda[i].length != n) {
                throw new InvalidInputException("κ^(" + i + ") needs " + m + " values and λ^(" + i + "·) " + n
                        + " rows");
            }
            this.kappa[i] = finite(kappa[i].clone(), "κ");
            for (int j = 0; j < n; j++) {
                if (lambda[i][j].length != m) {
                    throw new InvalidInputException("λ^(" + i + j + ") needs " + m + " values, got "
                            + lambda[i][j].length);
                }
                this.lambda[i][j] = finite(lambda[i][j].clone(), "λ");
            }
        }
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < m; p++) {
                if (this.lambda[i][i][p] != 0.0) {
                    throw new InvalidInputException("λ^(" + i + i + ") must be zero (intrastate terms belong in κ)");
                }
                for (int j = i + 1; j < n; j++) {
                    if (this.lambda[i][j][p] != this.lambda[j][i][p]) {
                        throw new InvalidInputException("λ must be symmetric: λ^(" + i + j + ")_" + p + " = "
                                + this.lambda[i][j][p] + " but λ^(" + j + i + ")_" + p + " = " + this.lambda[j][i][p]);
                    }
                }
            }
        }
    }

    /**
     * Two displaced oscillators in two coordinates (x, y) coupled linearly along y:
     * V11 = ½k[(x − a)² + y²], V22 = ½k[(x + a)² + y²] + Δ, V12 = λy (an LVC model with
     * E_1 = ½ka², E_2 = ½ka² + Δ, κ_x = ∓ka). Its only conical intersection lies at
     * x = −Δ/(2ka), y = 0 ({@link #twoModeIntersection}).
     *
     * @param k      force constant (eV/Å²), positive
     * @param a      displacement of each minimum from the origin along x (Å), non-zero
     * @param delta  energy offset of state 2 (eV)
     * @param lambda interstate coupling (eV/Å), non-zero
     */
    public static LinearVibronicCoupling twoMode(double k, double a, double delta, double lambda) {
        if (!(k > 0) || a == 0 || lambda == 0 || !Double.isFinite(a + delta + lambda)) {
            throw new InvalidInputException("two-mode model needs k > 0, a ≠ 0, λ ≠ 0 and finite Δ; got k = " + k
                    + ", a = " + a + ", Δ = " + delta + ", λ = " + lambda);
        }
        double e = 0.5 * k * a * a;
        return new LinearVibronicCoupling(new double[] {e, e + delta},
                new double[][] {{-k * a, 0}, {k * a, 0}}, new double[] {k, k},
                new double[][][] {{{0, 0}, {0, lambda}}, {{0, lambda}, {0, 0}}});
    }

    /** The conical intersection (x, y) of {@link #twoMode}(k, a, Δ, ·): V11 = V22 and V12 = 0 there (Å). */
    public static double[] twoModeIntersection(double k, double a, double delta) {
        return new double[] {-delta / (2.0 * k * a), 0.0}; // −2kax − Δ = 0, y = 0
    }

    @Override
    public int states() {
        return n;
    }

    @Override
    public int dimension() {
        return m;
    }

    @Override
    public void evaluate(double[] q, double[][] v, double[][][] dv) {
        if (q.length != m) {
            throw new InvalidInputException("the vibronic model takes " + m + " coordinates, got " + q.length);
        }
        double harmonic = 0;
        for (int p = 0; p < m; p++) {
            harmonic += 0.5 * k[p] * q[p] * q[p]; // ½ Σ k_p q_p², eV
        }
        for (int i = 0; i < n; i++) {
            double d = e0[i] + harmonic;
            for (int p = 0; p < m; p++) {
                d += kappa[i][p] * q[p];
            }
            v[i][i] = d;
            for (int j = i + 1; j < n; j++) {
                double o = 0;
                for (int p = 0; p < m; p++) {
                    o += lambda[i][j][p] * q[p];
                }
                v[i][j] = o;
                v[j][i] = o;
            }
        }
        if (dv != null) {
            for (int p = 0; p < m; p++) {
                for (int i = 0; i < n; i++) {
                    dv[p][i][i] = kappa[i][p] + k[p] * q[p]; // eV/Å
                    for (int j = i + 1; j < n; j++) {
                        dv[p][i][j] = lambda[i][j][p];
                        dv[p][j][i] = lambda[i][j][p];
                    }
                }
            }
        }
    }

    private static double[] finite(double[] a, String name) {
        for (double x : a) {
            if (!Double.isFinite(x)) {
                throw new InvalidInputException(name + " must be finite, got " + x);
            }
        }
        return a;
    }
}
