package org.isthmus.coupling.fracture;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.material.Tensors;

/**
 * A hyperelastic material expanded to third order in the Green–Lagrange strain E = ½(FᵀF − I):
 *
 * <pre>
 * W(E) = ½ C_ijkl E_ij E_kl + (1/6) D_ijklmn E_ij E_kl E_mn        (eV/Å³)
 * </pre>
 *
 * the second- and third-order elastic constants of the Brugger expansion (Brugger, Phys. Rev.
 * 133, A1611 (1964), eq. 1; Thurston &amp; Brugger, Phys. Rev. 133, A1604 (1964)), in any frame.
 * S = ∂W/∂E, P = F S, and the tangent ∂P/∂F = δ_ik S_JL + F_iM F_kN (C + D·E)_MJNL are exact for
 * this W. {@link #expand} takes C and D from another material (here the Cauchy–Born material of
 * an atomistic potential) by central differences of its second Piola–Kirchhoff stress about the
 * reference, once at set-up: it is the Taylor expansion of that material's energy, which keeps
 * the leading nonlinearity of the crystal (the softening of silicon in tension) at the cost of a
 * few hundred operations per quadrature point instead of a relaxed-ion cell calculation. Valid
 * while the strain stays small enough for the fourth-order terms to be negligible (a few %).
 *
 * <p><b>Bounded beyond its range.</b> A cubic W is unbounded below: along a ray E = s N (|N| = 1)
 * it is ½ a s² + (1/6) b s³, which for b &lt; 0 peaks at s* = −2a/b and then falls without end, so
 * a minimiser can carry an element there and on (the run-away of the coupled crack at K₊). The
 * cubic term is therefore faded out beyond a strain norm ρ (the <i>cubic range</i>):
 *
 * <pre>
 * W(E) = ½ C E E + (1/6) φ(|E|²/ρ²) D E E E,   φ = 1 for q ≤ 1, 0 for q ≥ 4,
 * φ = 1 − 10t³ + 15t⁴ − 6t⁵ between (t = (q − 1)/3; the C² "smootherstep")
 * </pre>
 *
 * so W is the expansion exactly for |E| ≤ ρ, the quadratic form (bounded below where C is
 * positive definite) beyond 2ρ, and C² everywhere; stress and tangent stay exact derivatives. The
 * default ρ is half the smallest s* over strain directions ({@link #runawayStrain()}, sampled),
 * i.e. about the strain of the ideal strength (the stress peak −a/b along the worst ray), where the
 * expansion has stopped describing the crystal anyway; below it nothing changes.
 * Immutable and thread-safe.
 */
public final class ThirdOrderElastic implements Material {

    private static final int[][] PAIRS = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};

    private final double[] c;   // 81, C_ijkl
    private final double[] d;   // 729, D_ijklmn
    private final double[] cv = new double[36];    // C_ab (Voigt)
    private final double[] dv = new double[216];   // D_abc (Voigt)
    private final double runaway;                  // smallest s* = −2a/b over sampled directions
    private final double range;                    // ρ: the cubic term fades between ρ and 2ρ

    /**
     * From the full tensors C (81, eV/Å³) and D (729, eV/Å³), symmetrised over index pairs, with
     * the default cubic range (half of {@link #runawayStrain()}).
     */
    public ThirdOrderElastic(double[] c, double[] d) {
        this(c, d, Double.NaN, Double.NaN);
    }

    /** The same constants with cubic range ρ (strain norm; +∞: the plain, unbounded expansion). */
    public ThirdOrderElastic withCubicRange(double rho) {
        if (!(rho > 0)) {
            throw new IllegalArgumentException("cubic range must be > 0 (+∞ for the plain expansion), got " + rho);
        }
        return new ThirdOrderElastic(c, d, rho, runaway);
    }

    /** rho, runaway: NaN to take the defaults (runaway sampled from C and D, ρ half of it). */
    private ThirdOrderElastic(double[] c, double[] d, double rho, double runaway) {
        if (c.length != 81 || d.length != 729) {
            throw new IllegalArgumentException("expected 81 second- and 729 third-order constants");
        }
        this.c = new double[81];
        this.d = new double[729];
        for (int p = 0; p < 9; p++) {
            for (int q = 0; q < 9; q++) {
                this.c[9 * p + q] = 0.5 * (c[9 * p + q] + c[9 * q + p]);
                for (int r = 0; r < 9; r++) {
                    // average over the six orders of the three index pairs (W is a symmetric cubic form)
                    this.d[81 * p + 9 * q + r] = (d[81 * p + 9 * q + r] + d[81 * p + 9 * r + q] + d[81 * q + 9 * p + r]
                            + d[81 * q + 9 * r + p] + d[81 * r + 9 * p + q] + d[81 * r + 9 * q + p]) / 6;
                }
            }
        }
        for (int a = 0; a < 6; a++) {
            int pa = 3 * PAIRS[a][0] + PAIRS[a][1];
            for (int b = 0; b < 6; b++) {
                int pb = 3 * PAIRS[b][0] + PAIRS[b][1];
                cv[6 * a + b] = this.c[9 * pa + pb];
                for (int g = 0; g < 6; g++) {
                    dv[36 * a + 6 * b + g] = this.d[81 * pa + 9 * pb + 3 * PAIRS[g][0] + PAIRS[g][1]];
                }
            }
        }
        this.runaway = Double.isNaN(runaway) ? smallestPeak(this.c, this.d) : runaway;
        this.range = Double.isNaN(rho) ? 0.5 * this.runaway : rho;
    }

    /**
     * The smallest strain norm s* = −2a/b at which the plain expansion peaks along a ray E = s N
     * (a = N:C:N, b = D⋮NNN &lt; 0), over 20 000 directions N drawn from a fixed seed and the six
     * unit Voigt directions: beyond it the plain cubic energy decreases without bound. +∞ when b ≥ 0
     * in every sampled direction.
     */
    private static double smallestPeak(double[] c, double[] d) {
        java.util.Random random = new java.util.Random(20261122L);
        double best = Double.POSITIVE_INFINITY;
        double[] n = new double[9];
        for (int t = -6; t < 20000; t++) {
            double[] v = new double[6];
            if (t < 0) {
                v[t + 6] = 1;
            } else {
                for (int k = 0; k < 6; k++) {
                    v[k] = random.nextGaussian();
                }
            }
            java.util.Arrays.fill(n, 0);
            for (int k = 0; k < 6; k++) {
                add(n, PAIRS[k], k < 3 ? v[k] : 2 * v[k]);   // add() halves off-diagonal entries
            }
            double norm = Math.sqrt(dot(n, n));
            for (int k = 0; k < 9; k++) {
                n[k] /= norm;
            }
            double a = 0;
            double b = 0;
            for (int p = 0; p < 9; p++) {
                for (int q = 0; q < 9; q++) {
                    double de = 0;
                    for (int r = 0; r < 9; r++) {
                        de += d[81 * p + 9 * q + r] * n[r];
                    }
                    a += c[9 * p + q] * n[p] * n[q];
                    b += de * n[p] * n[q];
                }
            }
            if (b < 0) {
                best = Math.min(best, -2 * a / b);
            }
        }
        return best;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            s += x[k] * y[k];
        }
        return s;
    }

    /**
     * The fade φ(q) of the cubic term and its first two derivatives in q = |E|²/ρ²: 1 up to q = 1,
     * the smootherstep 1 − 10t³ + 15t⁴ − 6t⁵ in t = (q − 1)/3 up to q = 4, then 0.
     */
    private static void fade(double q, double[] out) {
        if (q <= 1) {
            out[0] = 1;
            out[1] = 0;
            out[2] = 0;
        } else if (q >= 4) {
            out[0] = 0;
            out[1] = 0;
            out[2] = 0;
        } else {
            double t = (q - 1) / 3;
            out[0] = 1 - t * t * t * (10 - 15 * t + 6 * t * t);
            out[1] = -30 * t * t * (1 - t) * (1 - t) / 3;
            out[2] = -60 * t * (1 - t) * (1 - 2 * t) / 9;
        }
    }

    /** Half of it is the default cubic range. */
    public double runawayStrain() {
        return runaway;
    }

    /** ρ: the strain norm |E| = (E:E)^{1/2} up to which W is the plain expansion; its cubic term is gone beyond 2ρ. */
    public double cubicRange() {
        return range;
    }

    /**
     * The expansion of {@code m} about F = I: C_ijkl = ∂S_ij/∂E_kl and D_ijklmn = ∂²S_ij/∂E_kl∂E_mn
     * by central differences of step {@code h} in E (F = (I + 2E)^{1/2}, the stretch with that E;
     * an objective W depends on E alone), so the truncation error is O(h²) relative.
     */
    public static ThirdOrderElastic expand(Material m, double h) {
        double[] c = new double[81];
        double[] d = new double[729];
        double[] e = new double[9];
        for (int a = 0; a < 6; a++) {
            double[] sp = secondPk(m, strain(e, a, h, -1, 0));
            double[] sm = secondPk(m, strain(e, a, -h, -1, 0));
            for (int ij = 0; ij < 9; ij++) {
                // C_ij(kl) = [S(+h B_kl) − S(−h B_kl)] / 2h
                fill(c, ij, PAIRS[a], null, (sp[ij] - sm[ij]) / (2 * h));
            }
            for (int b = 0; b < 6; b++) {
                double[] spp = secondPk(m, strain(e, a, h, b, h));
                double[] spm = secondPk(m, strain(e, a, h, b, -h));
                double[] smp = secondPk(m, strain(e, a, -h, b, h));
                double[] smm = secondPk(m, strain(e, a, -h, b, -h));
                for (int ij = 0; ij < 9; ij++) {
                    // D_ij(kl)(mn) = mixed central second difference of S
                    fill(d, ij, PAIRS[a], PAIRS[b], (spp[ij] - spm[ij] - smp[ij] + smm[ij]) / (4 * h * h));
                }
            }
        }
        return new ThirdOrderElastic(c, d);
    }

    /** E = s₁ B_a + s₂ B_b with B the symmetric unit basis tensor of Voigt pair a (b < 0: none). */
    private static double[] strain(double[] e, int a, double s1, int b, double s2) {
        java.util.Arrays.fill(e, 0);
        add(e, PAIRS[a], s1);
        if (b >= 0) {
            add(e, PAIRS[b], s2);
        }
        return e.clone();
    }

    private static void add(double[] e, int[] p, double s) {
        if (p[0] == p[1]) {
            e[4 * p[0]] += s;
        } else {
            e[3 * p[0] + p[1]] += 0.5 * s;
            e[3 * p[1] + p[0]] += 0.5 * s;
        }
    }

    /** Writes v into every minor-symmetric image of (ij)(kl)[(mn)]. */
    private static void fill(double[] t, int ij, int[] kl, int[] mn, double v) {
        int[] k = {3 * kl[0] + kl[1], 3 * kl[1] + kl[0]};
        if (mn == null) {
            t[9 * ij + k[0]] = v;
            t[9 * ij + k[1]] = v;
            return;
        }
        int[] q = {3 * mn[0] + mn[1], 3 * mn[1] + mn[0]};
        for (int x : k) {
            for (int y : q) {
                t[81 * ij + 9 * x + y] = v;
            }
        }
    }

    /** S = F⁻¹ P at the stretch F = (I + 2E)^{1/2}. */
    private static double[] secondPk(Material m, double[] e) {
        RealMatrix cg = MatrixUtils.createRealMatrix(3, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                cg.setEntry(i, j, (i == j ? 1 : 0) + 2 * e[3 * i + j]);
            }
        }
        RealMatrix u = new EigenDecomposition(cg).getSquareRoot();
        double[] f = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                f[3 * i + j] = 0.5 * (u.getEntry(i, j) + u.getEntry(j, i));
            }
        }
        double[] p = new double[9];
        m.stress(f, p);
        double[] inv = new double[9];
        Tensors.inverse(f, inv);
        return Tensors.multiply(inv, p);
    }

    /**
     * Energy and (if p is not null) stress in Voigt form with engineering shear strains
     * γ = (E11, E22, E33, 2E23, 2E13, 2E12): W = ½ C_ab γ_a γ_b + (1/6) D_abc γ_a γ_b γ_c and
     * S_a = ∂W/∂γ_a, the same W as the tensor form (minor symmetries), at a sixth of its cost.
     */
    private double voigt(double[] f, double[] p) {
        double[] g = new double[6];
        for (int k = 0; k < 6; k++) {
            int i = PAIRS[k][0];
            int j = PAIRS[k][1];
            double s = 0;
            for (int q = 0; q < 3; q++) {
                s += f[3 * q + i] * f[3 * q + j];
            }
            g[k] = i == j ? 0.5 * (s - 1) : s;   // E_ii = ½(C_ii − 1); γ_ij = 2E_ij = C_ij
        }
        double w2 = 0;
        double w3 = 0;
        double[] sv = new double[6];
        double[] s3 = new double[6];
        for (int x = 0; x < 6; x++) {
            double sc = 0;
            double sd = 0;
            for (int y = 0; y < 6; y++) {
                double de = 0;
                for (int z = 0; z < 6; z++) {
                    de += dv[36 * x + 6 * y + z] * g[z];
                }
                sc += cv[6 * x + y] * g[y];
                sd += de * g[y];
            }
            sv[x] = sc;                                // S_a = C_ab γ_b + ½ D_abc γ_b γ_c
            s3[x] = 0.5 * sd;
            w2 += 0.5 * g[x] * sc;
            w3 += g[x] * sd / 6;
        }
        // the fade beyond ρ: |E|² = Σ normal γ² + ½ Σ shear γ²
        double q = (g[0] * g[0] + g[1] * g[1] + g[2] * g[2] + 0.5 * (g[3] * g[3] + g[4] * g[4] + g[5] * g[5]))
                / (range * range);
        double[] phi = new double[3];
        fade(q, phi);
        for (int x = 0; x < 6; x++) {
            double dq = (x < 3 ? 2 : 1) * g[x] / (range * range);
            sv[x] += phi[0] * s3[x] + w3 * phi[1] * dq;
        }
        double w = w2 + phi[0] * w3;
        if (p != null) {
            double[] s = {sv[0], sv[5], sv[4], sv[5], sv[1], sv[3], sv[4], sv[3], sv[2]};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    p[3 * i + j] = f[3 * i] * s[j] + f[3 * i + 1] * s[3 + j] + f[3 * i + 2] * s[6 + j];   // P = F S
                }
            }
        }
        return w;
    }

    /** The second-order constants C (81, eV/Å³; a copy). */
    public double[] secondOrder() {
        return c.clone();
    }

    /** The third-order constants D (729, eV/Å³; a copy). */
    public double[] thirdOrder() {
        return d.clone();
    }

    @Override
    public double energy(double[] f) {
        return evaluate(f, null, null);
    }

    @Override
    public double stress(double[] f, double[] p) {
        return evaluate(f, p, null);
    }

    @Override
    public double tangent(double[] f, double[] p, double[] a) {
        return evaluate(f, p, a);
    }

    private double evaluate(double[] f, double[] p, double[] a) {
        if (a == null) {
            return voigt(f, p);
        }
        double[] e = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += f[3 * k + i] * f[3 * k + j];
                }
                e[3 * i + j] = 0.5 * (s - (i == j ? 1 : 0));   // E = ½(FᵀF − I)
            }
        }
        double[] h = new double[81];   // ∂S/∂E: C + φ D·E + the fade's terms
        double[] de = new double[81];  // D·E
        double[] s = new double[9];
        double[] s3 = new double[9];   // ½ D:E:E
        double w2 = 0;
        double w3 = 0;
        for (int p1 = 0; p1 < 9; p1++) {
            double sc = 0;
            double sd = 0;
            for (int q = 0; q < 9; q++) {
                double v = 0;
                for (int r = 0; r < 9; r++) {
                    v += d[81 * p1 + 9 * q + r] * e[r];
                }
                de[9 * p1 + q] = v;
                sc += c[9 * p1 + q] * e[q];
                sd += v * e[q];
            }
            s[p1] = sc;                                     // S = C:E + φ ½ D:E:E + W₃ φ' ∂q/∂E
            s3[p1] = 0.5 * sd;
            w2 += 0.5 * e[p1] * sc;                         // W = ½ E:C:E + φ (1/6) D⋮EEE
            w3 += e[p1] * sd / 6;
        }
        double r2 = range * range;
        double[] phi = new double[3];
        fade(dot(e, e) / r2, phi);
        for (int p1 = 0; p1 < 9; p1++) {
            s[p1] += phi[0] * s3[p1] + w3 * phi[1] * 2 * e[p1] / r2;
        }
        double w = w2 + phi[0] * w3;
        for (int p1 = 0; p1 < 9; p1++) {
            int i1 = p1 / 3;
            int j1 = p1 % 3;
            for (int q = 0; q < 9; q++) {
                int k1 = q / 3;
                int l1 = q % 3;
                // ∂²q/∂E∂E = (2/ρ²) I_sym, I_sym = ½(δ_ik δ_jl + δ_il δ_jk) on symmetric tensors
                double isym = 0.5 * ((i1 == k1 && j1 == l1 ? 1 : 0) + (i1 == l1 && j1 == k1 ? 1 : 0));
                h[9 * p1 + q] = c[9 * p1 + q] + phi[0] * de[9 * p1 + q]
                        + phi[1] * (2 / r2) * (s3[p1] * e[q] + e[p1] * s3[q])
                        + w3 * (phi[2] * (4 / (r2 * r2)) * e[p1] * e[q] + phi[1] * (2 / r2) * isym);
            }
        }
        if (p != null) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double v = 0;
                    for (int k = 0; k < 3; k++) {
                        v += f[3 * i + k] * s[3 * k + j];    // P = F S
                    }
                    p[3 * i + j] = v;
                }
            }
        }
        if (a != null) {
            // A_iJkL = δ_ik S_JL + F_iM F_kN H_MJNL
            java.util.Arrays.fill(a, 0);
            for (int i = 0; i < 3; i++) {
                for (int jj = 0; jj < 3; jj++) {
                    for (int k = 0; k < 3; k++) {
                        for (int l = 0; l < 3; l++) {
                            double v = i == k ? s[3 * jj + l] : 0;
                            for (int mm = 0; mm < 3; mm++) {
                                for (int n = 0; n < 3; n++) {
                                    v += f[3 * i + mm] * f[3 * k + n] * h[9 * (3 * mm + jj) + 3 * n + l];
                                }
                            }
                            a[27 * i + 9 * jj + 3 * k + l] = v;
                        }
                    }
                }
            }
        }
        return w;
    }
}
