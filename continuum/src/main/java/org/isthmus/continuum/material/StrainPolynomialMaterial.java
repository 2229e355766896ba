package org.isthmus.continuum.material;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.isthmus.continuum.InvalidInputException;

/**
 * A fast stand-in for an expensive objective material (in practice a {@link CauchyBornMaterial},
 * whose every evaluation is a potential evaluation of a periodic cell): its energy as a
 * polynomial in the Green–Lagrange strain E = ½(FᵀF − I) near the reference, the exact material
 * beyond. An objective W(F) is a function Ŵ(E) of E alone (Tadmor &amp; Miller, Modeling
 * Materials, 2011, §2.5.3), so six numbers carry what F's nine do, and the polynomial is exactly
 * objective. With e = (E₁₁, E₂₂, E₃₃, 2E₂₃, 2E₁₃, 2E₁₂) (Voigt, engineering shears):
 *
 * <pre>
 * Ŵ(e) = S⁰·e + ½ eᵀ 𝔻⁰ e + Σ_{3 ≤ |m| ≤ degree} c_m e^m
 * </pre>
 *
 * where S⁰ and 𝔻⁰ are the exact second Piola–Kirchhoff stress and elasticity at F = I (from one
 * call of the exact tangent, 𝔻⁰_IJKL = A_IJKL − δ_IK S⁰_JL), so the reference state and the
 * linearised elastic constants are reproduced exactly, and the higher coefficients c_m (56
 * cubic, 126 quartic monomials) are a least-squares fit to the exact energy and stress S = F⁻¹P
 * at random strains with |E| ≤ radius (Frobenius norm). Stress and tangent are the exact
 * derivatives of Ŵ: S = ∂Ŵ/∂E, P = F S, A_iJkL = δ_ik S_JL + F_iM 𝔻_MJNL F_kN with
 * 𝔻 = ∂²Ŵ/∂E∂E (Holzapfel, Nonlinear Solid Mechanics, 2000, eq. 6.155), so Newton's quadratic
 * convergence is kept.
 *
 * <p>Where |E| &gt; radius (a crack tip, a dislocation core: where the lattice's nonlinearity
 * matters) the exact material answers, so the approximation is confined to small strains. The
 * energy jumps across |E| = radius by at most the fit's energy error; pick a radius above the
 * strains of most of the body. The error is measured, not assumed: {@link #stressError()} and
 * {@link #tangentError()} are the largest differences from the exact material at validation
 * strains (drawn independently of the fit samples, half of them on the sphere |E| = radius,
 * where the error of a degree-d fit, O(|E|^d), is largest), relative to the largest elastic
 * constant.
 *
 * <p>Cost: building calls the exact stress at {@code 2·(unknowns)/7 + 30} strains for the fit
 * and at 40 more for the validation, and the exact tangent at 1 + 8 (validation) strains; each later evaluation inside the radius is a polynomial
 * of 182 terms (a few microseconds), independent of the potential.
 */
public final class StrainPolynomialMaterial implements Material {
    private static final int[][] VOIGT_PAIRS = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
    /** Voigt index of the pair (i, j) at 3i + j. */
    private static final int[] V9 = {0, 5, 4, 5, 1, 3, 4, 3, 2};
    private static final int VALIDATION_STRESS = 40;
    private static final int VALIDATION_TANGENT = 8;

    private final Material exact;
    private final double radius;
    private final int degree;
    private final double[] s0;
    private final double[] d0;
    private final int[][] exponents;
    /** Per monomial: its variables with non-zero exponent, and those exponents. */
    private final int[][] vars;
    private final int[][] pows;
    private final double[] coefficients;
    private final double modulus;
    private final double stressError;
    private final double tangentError;
    private final double energyError;
    /** Per-thread scratch arrays: evaluations allocate nothing. */
    private final ThreadLocal<Work> work = ThreadLocal.withInitial(Work::new);

    private static final class Work {
        final double[] e = new double[6];
        final double[] s = new double[6];
        final double[] d = new double[36];
        final double[] pw = new double[30];
        final double[] full = new double[4];
        final double[] lower = new double[4];
        final double[] t = new double[81];
    }

    private StrainPolynomialMaterial(Material exact, double radius, int degree, double[] s0, double[] d0,
            int[][] exponents, double[] coefficients, double modulus, double[] errors) {
        this.exact = exact;
        this.radius = radius;
        this.degree = degree;
        this.s0 = s0;
        this.d0 = d0;
        this.exponents = exponents;
        this.vars = new int[exponents.length][];
        this.pows = new int[exponents.length][];
        for (int u = 0; u < exponents.length; u++) {
            int nv = 0;
            for (int x = 0; x < 6; x++) {
                nv += exponents[u][x] > 0 ? 1 : 0;
            }
            vars[u] = new int[nv];
            pows[u] = new int[nv];
            for (int x = 0, k = 0; x < 6; x++) {
                if (exponents[u][x] > 0) {
                    vars[u][k] = x;
                    pows[u][k++] = exponents[u][x];
                }
            }
        }
        this.coefficients = coefficients;
        this.modulus = modulus;
        this.energyError = errors == null ? 0 : errors[0];
        this.stressError = errors == null ? 0 : errors[1];
        this.tangentError = errors == null ? 0 : errors[2];
    }

    /** A degree-4 fit within |E| ≤ radius (fixed sampling seed, so the fit is reproducible). */
    public static StrainPolynomialMaterial fit(Material exact, double radius) {
        return fit(exact, radius, 4, 12345L);
    }

    /**
     * A fit of the given degree (2: the exact linearisation only, no samples; 3 or 4) within
     * |E| ≤ radius, sampling with the given seed.
     *
     * @throws InvalidInputException if the material is not objective, radius is not in (0, 0.5]
     *         or the degree is not 2, 3 or 4
     */
    public static StrainPolynomialMaterial fit(Material exact, double radius, int degree, long seed) {
        if (!exact.isObjective()) {
            throw new InvalidInputException("a strain polynomial needs an objective material (W a function of E);"
                    + " this one is not: " + exact);
        }
        if (!(radius > 0 && radius <= 0.5)) {
            throw new InvalidInputException("strain polynomial radius " + radius + "; expected 0 < radius <= 0.5");
        }
        if (degree < 2 || degree > 4) {
            throw new InvalidInputException("strain polynomial degree " + degree + "; expected 2, 3 or 4");
        }
        // exact reference stress and elasticity at F = I
        double[] p = new double[9];
        double[] a = new double[81];
        exact.tangent(Tensors.identity(), p, a);
        double[] s0 = new double[6];
        double[] d0 = new double[36];
        for (int x = 0; x < 6; x++) {
            int i = VOIGT_PAIRS[x][0];
            int j = VOIGT_PAIRS[x][1];
            s0[x] = 0.5 * (p[3 * i + j] + p[3 * j + i]);
        }
        for (int x = 0; x < 6; x++) {
            for (int y = 0; y < 6; y++) {
                int i = VOIGT_PAIRS[x][0];
                int j = VOIGT_PAIRS[x][1];
                int k = VOIGT_PAIRS[y][0];
                int l = VOIGT_PAIRS[y][1];
                // 𝔻_IJKL = A_IJKL − δ_IK S_LJ (the geometric part of A at F = I removed)
                d0[6 * x + y] = a[9 * (3 * i + j) + 3 * k + l] - (i == k ? 0.5 * (p[3 * l + j] + p[3 * j + l]) : 0);
            }
        }
        double modulus = 0;
        for (double v : d0) {
            modulus = Math.max(modulus, Math.abs(v));
        }
        if (!(modulus > 0)) {
            throw new InvalidInputException("the material has no stiffness at F = I; nothing to fit");
        }
        int[][] exps = monomials(degree);
        StrainPolynomialMaterial linear = new StrainPolynomialMaterial(exact, radius, degree, s0, d0, exps,
                new double[exps.length], modulus, null);
        double[] c = exps.length == 0 ? new double[0] : linear.fitCoefficients(new Random(seed));
        StrainPolynomialMaterial fitted = new StrainPolynomialMaterial(exact, radius, degree, s0, d0, exps, c, modulus,
                null);
        double[] errors = fitted.validate(new Random(seed + 1));
        return new StrainPolynomialMaterial(exact, radius, degree, s0, d0, exps, c, modulus, errors);
    }

    /** Exponent vectors (6 entries each) of the monomials of degree 3..degree, in a fixed order. */
    private static int[][] monomials(int degree) {
        List<int[]> out = new ArrayList<>();
        for (int d = 3; d <= degree; d++) {
            addMonomials(out, new int[6], 0, d);
        }
        return out.toArray(new int[0][]);
    }

    private static void addMonomials(List<int[]> out, int[] e, int var, int left) {
        if (var == 5) {
            e[5] = left;
            out.add(e.clone());
            return;
        }
        for (int k = left; k >= 0; k--) {
            e[var] = k;
            addMonomials(out, e, var + 1, left - k);
        }
    }

    /** Least-squares coefficients of the monomials from exact energies and stresses at random strains. */
    private double[] fitCoefficients(Random rnd) {
        int unknowns = exponents.length;
        int samples = 2 * unknowns / 7 + 30;
        RealMatrix m = new Array2DRowRealMatrix(7 * samples, unknowns);
        double[] rhs = new double[7 * samples];
        double[] e = new double[6];
        double[] f = new double[9];
        double[] p = new double[9];
        double[] s = new double[6];
        double[] mv = new double[unknowns];
        double[] mg = new double[unknowns * 6];
        for (int k = 0; k < samples; k++) {
            randomStrain(rnd, k % 2 == 0 ? radius : radius * Math.cbrt(rnd.nextDouble()), e);
            stretchFor(e, f);
            double w = exact.stress(f, p);
            secondPiola(f, p, s);
            // residuals after the exact linear and quadratic parts
            double wq = 0;
            for (int x = 0; x < 6; x++) {
                double dx = 0;
                for (int y = 0; y < 6; y++) {
                    dx += d0[6 * x + y] * e[y];
                }
                wq += s0[x] * e[x] + 0.5 * dx * e[x];
                s[x] -= s0[x] + dx;
            }
            monomialValuesAndGradients(e, mv, mg);
            // energy rows in stress units (÷ radius) so that both kinds of rows weigh alike
            for (int u = 0; u < unknowns; u++) {
                m.setEntry(7 * k, u, mv[u] / radius);
                for (int x = 0; x < 6; x++) {
                    m.setEntry(7 * k + 1 + x, u, mg[6 * u + x]);
                }
            }
            rhs[7 * k] = (w - wq) / radius;
            for (int x = 0; x < 6; x++) {
                rhs[7 * k + 1 + x] = s[x];
            }
        }
        return new QRDecomposition(m).getSolver().solve(new ArrayRealVector(rhs, false)).toArray();
    }

    /** {energy, stress, tangent} errors at validation strains, relative to the modulus (energy: modulus·radius²). */
    private double[] validate(Random rnd) {
        double[] e = new double[6];
        double[] f = new double[9];
        double[] pe = new double[9];
        double[] pf = new double[9];
        double[] ae = new double[81];
        double[] af = new double[81];
        double ew = 0;
        double es = 0;
        double ea = 0;
        for (int k = 0; k < VALIDATION_STRESS + VALIDATION_TANGENT; k++) {
            randomStrain(rnd, k % 2 == 0 ? radius : radius * Math.cbrt(rnd.nextDouble()), e);
            stretchFor(e, f);
            // a random rotation in front: the fit must hold for any F with this E
            double[] q = randomRotation(rnd);
            double[] qf = Tensors.multiply(q, f);
            boolean tangent = k >= VALIDATION_STRESS;
            double we = tangent ? exact.tangent(qf, pe, ae) : exact.stress(qf, pe);
            double wf = tangent ? polynomialTangent(qf, pf, af) : polynomialStress(qf, pf);
            ew = Math.max(ew, Math.abs(we - wf));
            for (int t = 0; t < 9; t++) {
                es = Math.max(es, Math.abs(pe[t] - pf[t]));
            }
            for (int t = 0; tangent && t < 81; t++) {
                ea = Math.max(ea, Math.abs(ae[t] - af[t]));
            }
        }
        return new double[] {ew / (modulus * radius * radius), es / modulus, ea / modulus};
    }

    private static void randomStrain(Random rnd, double norm, double[] e) {
        double[] t = new double[9];
        double s = 0;
        for (int x = 0; x < 6; x++) {
            double g = rnd.nextGaussian();
            int i = VOIGT_PAIRS[x][0];
            int j = VOIGT_PAIRS[x][1];
            t[3 * i + j] = g;
            t[3 * j + i] = g;
            s += (i == j ? 1 : 2) * g * g;
        }
        double scale = norm / Math.sqrt(s);
        for (int x = 0; x < 6; x++) {
            int i = VOIGT_PAIRS[x][0];
            int j = VOIGT_PAIRS[x][1];
            e[x] = (i == j ? 1 : 2) * t[3 * i + j] * scale;
        }
    }

    private static double[] randomRotation(Random rnd) {
        double[] q = new double[4];
        double n = 0;
        for (int k = 0; k < 4; k++) {
            q[k] = rnd.nextGaussian();
            n += q[k] * q[k];
        }
        n = Math.sqrt(n);
        double w = q[0] / n;
        double x = q[1] / n;
        double y = q[2] / n;
        double z = q[3] / n;
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
            2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
            2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)};
    }

    /** The symmetric stretch U = √(I + 2E) with Green–Lagrange strain E (Voigt e). */
    private static void stretchFor(double[] e, double[] u) {
        double[][] c = new double[3][3];
        for (int x = 0; x < 6; x++) {
            int i = VOIGT_PAIRS[x][0];
            int j = VOIGT_PAIRS[x][1];
            double eij = i == j ? e[x] : 0.5 * e[x];
            c[i][j] = (i == j ? 1 : 0) + 2 * eij;
            c[j][i] = c[i][j];
        }
        RealMatrix sqrt = new EigenDecomposition(new Array2DRowRealMatrix(c, false)).getSquareRoot();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                u[3 * i + j] = 0.5 * (sqrt.getEntry(i, j) + sqrt.getEntry(j, i));
            }
        }
    }

    /** S = F⁻¹ P (symmetrised), Voigt order. */
    private static void secondPiola(double[] f, double[] p, double[] s) {
        double[] inv = new double[9];
        Tensors.inverse(f, inv);
        double[] full = Tensors.multiply(inv, p);
        for (int x = 0; x < 6; x++) {
            int i = VOIGT_PAIRS[x][0];
            int j = VOIGT_PAIRS[x][1];
            s[x] = 0.5 * (full[3 * i + j] + full[3 * j + i]);
        }
    }

    /** Values (mv) and gradients (mg, 6 per monomial) of the monomials at e. */
    private void monomialValuesAndGradients(double[] e, double[] mv, double[] mg) {
        double[][] pw = powers(e);
        for (int u = 0; u < exponents.length; u++) {
            int[] ex = exponents[u];
            double v = 1;
            for (int x = 0; x < 6; x++) {
                v *= pw[x][ex[x]];
            }
            mv[u] = v;
            for (int x = 0; x < 6; x++) {
                double g = 0;
                if (ex[x] > 0) {
                    g = ex[x] * pw[x][ex[x] - 1];
                    for (int y = 0; y < 6; y++) {
                        if (y != x) {
                            g *= pw[y][ex[y]];
                        }
                    }
                }
                mg[6 * u + x] = g;
            }
        }
    }

    private double[][] powers(double[] e) {
        double[][] pw = new double[6][degree + 1];
        for (int x = 0; x < 6; x++) {
            pw[x][0] = 1;
            for (int k = 1; k <= degree; k++) {
                pw[x][k] = pw[x][k - 1] * e[x];
            }
        }
        return pw;
    }

    /**
     * Ŵ(e), with ∂Ŵ/∂e into s (6) and, if d is not null, ∂²Ŵ/∂e∂e into d (36). Each monomial
     * is visited through its (at most four) variables with non-zero exponent.
     */
    private double polynomial(Work wk, double[] e, double[] s, double[] d) {
        double w = 0;
        for (int x = 0; x < 6; x++) {
            double dx = 0;
            for (int y = 0; y < 6; y++) {
                dx += d0[6 * x + y] * e[y];
            }
            w += s0[x] * e[x] + 0.5 * dx * e[x];
            s[x] = s0[x] + dx;
        }
        if (d != null) {
            System.arraycopy(d0, 0, d, 0, 36);
        }
        int stride = degree + 1;
        double[] pw = wk.pw;
        for (int x = 0; x < 6; x++) {
            pw[x * stride] = 1;
            for (int k = 1; k <= degree; k++) {
                pw[x * stride + k] = pw[x * stride + k - 1] * e[x];
            }
        }
        double[] full = wk.full;
        double[] lower = wk.lower;
        for (int u = 0; u < vars.length; u++) {
            double c = coefficients[u];
            int[] vs = vars[u];
            int[] ps = pows[u];
            int nv = vs.length;
            // full[k] = e_k^{p_k}, lower[k] = p_k e_k^{p_k − 1}
            for (int k = 0; k < nv; k++) {
                full[k] = pw[vs[k] * stride + ps[k]];
                lower[k] = ps[k] * pw[vs[k] * stride + ps[k] - 1];
            }
            double v = c;
            for (int k = 0; k < nv; k++) {
                v *= full[k];
            }
            w += v;
            for (int k = 0; k < nv; k++) {
                double g = c * lower[k];
                for (int l = 0; l < nv; l++) {
                    if (l != k) {
                        g *= full[l];
                    }
                }
                s[vs[k]] += g;
                if (d == null) {
                    continue;
                }
                for (int l = k; l < nv; l++) {
                    double h;
                    if (l == k) {
                        if (ps[k] < 2) {
                            continue;
                        }
                        h = c * ps[k] * (ps[k] - 1) * pw[vs[k] * stride + ps[k] - 2];
                    } else {
                        h = c * lower[k] * lower[l];
                    }
                    for (int t = 0; t < nv; t++) {
                        if (t != k && t != l) {
                            h *= full[t];
                        }
                    }
                    d[6 * vs[k] + vs[l]] += h;
                    if (l != k) {
                        d[6 * vs[l] + vs[k]] += h;
                    }
                }
            }
        }
        return w;
    }

    /** Voigt e (engineering shears) of F; returns the Frobenius norm of E. */
    private static double strain(double[] f, double[] e) {
        double n = 0;
        for (int x = 0; x < 6; x++) {
            int i = VOIGT_PAIRS[x][0];
            int j = VOIGT_PAIRS[x][1];
            // E_ij = ½(Σ_k F_ki F_kj − δ_ij)
            double c = f[i] * f[j] + f[3 + i] * f[3 + j] + f[6 + i] * f[6 + j];
            double eij = 0.5 * (c - (i == j ? 1 : 0));
            e[x] = i == j ? eij : 2 * eij;
            n += (i == j ? 1 : 2) * eij * eij;
        }
        return Math.sqrt(n);
    }

    private double polynomialStress(double[] f, double[] p) {
        Work wk = work.get();
        double[] e = wk.e;
        double[] s = wk.s;
        strain(f, e);
        double w = polynomial(wk, e, s, null);
        piola(f, s, p);
        return w;
    }

    private double polynomialTangent(double[] f, double[] p, double[] a) {
        Work wk = work.get();
        double[] e = wk.e;
        double[] s = wk.s;
        double[] d = wk.d;
        strain(f, e);
        double w = polynomial(wk, e, s, d);
        piola(f, s, p);
        // A_iJkL = δ_ik S_JL + Σ_MN F_iM 𝔻_MJNL F_kN, as T_iJ,NL = Σ_M F_iM 𝔻_MJNL first
        double[] t = wk.t;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int nl = 0; nl < 9; nl++) {
                    int vnl = V9[nl];
                    double v = 0;
                    for (int m = 0; m < 3; m++) {
                        v += f[3 * i + m] * d[6 * V9[3 * m + j] + vnl];
                    }
                    t[9 * (3 * i + j) + nl] = v;
                }
            }
        }
        for (int ij = 0; ij < 9; ij++) {
            int i = ij / 3;
            int j = ij % 3;
            for (int k = 0; k < 3; k++) {
                for (int l = 0; l < 3; l++) {
                    double v = i == k ? s[V9[3 * j + l]] : 0;
                    for (int n = 0; n < 3; n++) {
                        v += t[9 * ij + 3 * n + l] * f[3 * k + n];
                    }
                    a[9 * ij + 3 * k + l] = v;
                }
            }
        }
        return w;
    }

    /** P = F S with S from its Voigt components. */
    private static void piola(double[] f, double[] s, double[] p) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double v = 0;
                for (int m = 0; m < 3; m++) {
                    v += f[3 * i + m] * s[V9[3 * m + j]];
                }
                p[3 * i + j] = v;
            }
        }
    }

    /** Whether F's strain lies within the fit (|E| ≤ radius): the polynomial answers there. */
    public boolean covers(double[] f) {
        double det = Tensors.det(f);
        return det > 0 && strain(f, work.get().e) <= radius;
    }

    @Override
    public double energy(double[] f) {
        if (!covers(f)) {
            return exact.energy(f);
        }
        Work wk = work.get();
        strain(f, wk.e);
        return polynomial(wk, wk.e, wk.s, null);
    }

    @Override
    public double stress(double[] f, double[] p) {
        return covers(f) ? polynomialStress(f, p) : exact.stress(f, p);
    }

    @Override
    public double tangent(double[] f, double[] p, double[] a) {
        return covers(f) ? polynomialTangent(f, p, a) : exact.tangent(f, p, a);
    }

    /** The material used where |E| &gt; radius. */
    public Material exact() {
        return exact;
    }

    /** The strain radius (Frobenius norm of E) within which the polynomial answers. */
    public double radius() {
        return radius;
    }

    /** The polynomial degree (2: exact linearisation only; 3 or 4: fitted higher terms). */
    public int degree() {
        return degree;
    }

    /** Largest |P − P_exact| at the validation strains, relative to the largest elastic constant. */
    public double stressError() {
        return stressError;
    }

    /** Largest |A − A_exact| at the validation strains, relative to the largest elastic constant. */
    public double tangentError() {
        return tangentError;
    }

    /** Largest |W − W_exact| at the validation strains, relative to (largest elastic constant) · radius². */
    public double energyError() {
        return energyError;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "strain polynomial (degree %d, |E| <= %.3g; validation errors relative to the largest elastic"
                        + " constant: stress %.2e, tangent %.2e) of %s",
                degree, radius, stressError, tangentError, exact);
    }
}
