package org.isthmus.atomistic.nnp;

import java.util.List;

import org.isthmus.atomistic.potential.SiteEnvironment;
import org.isthmus.atomistic.structure.Element;

/**
 * Exact second derivatives of one NN-PES site energy in its bond vectors, for the Hessian: with
 * G the symmetry functions, E = c + s_E·NN(G_s), G_s = o + a_p (G_p − m_p),
 * ∂²E/∂d∂d = Σ_pq E_pq ∇G_p ∇G_qᵀ + Σ_p E_p ∇²G_p, E_p = s_E a_p ∂NN/∂G_s,p and
 * E_pq = s_E a_p a_q ∂²NN/∂G_s,p∂G_s,q ({@link FeedForwardNetwork#hessian}). Each Gaussian
 * symmetry-function term (types 2, 3, 9, 12, 13; Behler, J. Chem. Phys. 134, 074106 (2011)) is a
 * product A(cos θ) R(r_ij) R(r_ik) [R(r_jk)] of functions of one variable each, so its Hessian is
 * Σ_ab T_ab ∇s_a ∇s_bᵀ + Σ_a T_a ∇²s_a over s = (cos θ, r_ij, r_ik, r_jk). The compact types
 * (20–25; Bircher et al., Comput. Phys. Commun. 264, 107958 (2021), eqs. 7–10) have the same
 * product form with compact radial factors C(r) and the angular factor C_ang(θ(cos θ)), so they go
 * through the same product rule: exact for every n2p2 short-range type. Lengths Å, energies eV.
 *
 * <p>Written for clarity, not speed (a Hessian is O(N·m²) anyway); the force loop is
 * {@link NnpKernel}. Not thread-safe.
 */
final class NnpSiteHessian {

    private final ElementPlan plan;
    private final List<SymmetryFunction> fs;
    private final List<Element> elements;
    private final CutoffFunction cutoff;
    private final double len;
    /** Per symmetry function: its index among the plan's compact radial functions, or −1. */
    private final int[] compactRadial;
    /** Per symmetry function: its compiled compact angular term, or null. */
    private final CompactAngularTerm[] compactAngular;

    NnpSiteHessian(ElementModel model, ElementPlan plan, List<Element> elements, CutoffFunction cutoff, double len) {
        this.plan = plan;
        this.fs = model.functions();
        this.elements = elements;
        this.cutoff = cutoff;
        this.len = len;
        this.compactRadial = new int[fs.size()];
        java.util.Arrays.fill(compactRadial, -1);
        for (int m = 0; m < plan.compOut.length; m++) {
            compactRadial[plan.compOut[m]] = m;
        }
        this.compactAngular = new CompactAngularTerm[fs.size()];
        for (CompactAngularTerm t : plan.compactAngular) {
            compactAngular[t.out] = t;
        }
    }

    void siteHessian(SiteEnvironment env, double[] h) {
        int m = env.count;
        int w = 3 * m;
        int nsf = fs.size();
        double[] g = new double[nsf];
        double[][] grad = new double[nsf][w];
        for (int p = 0; p < nsf; p++) {
            g[p] = terms(env, p, grad[p], null, 0.0);
        }
        double[] xs = new double[nsf];
        for (int p = 0; p < nsf; p++) {
            xs[p] = plan.scaleOffset[p] + plan.scaleFactor[p] * (g[p] - plan.scaleShift[p]);
        }
        double[] dn = new double[nsf];
        double[] hn = new double[nsf * nsf];
        plan.network.hessian(xs, dn, hn);
        double s = plan.energyScale;
        // Σ_p E_p ∇²G_p
        for (int p = 0; p < nsf; p++) {
            double ep = s * plan.scaleFactor[p] * dn[p];
            if (ep != 0.0) {
                terms(env, p, null, h, ep);
            }
        }
        // Σ_pq E_pq ∇G_p ∇G_qᵀ = Σ_p ∇G_p M_pᵀ with M_p = Σ_q E_pq ∇G_q
        double[] mp = new double[w];
        for (int p = 0; p < nsf; p++) {
            java.util.Arrays.fill(mp, 0.0);
            for (int q = 0; q < nsf; q++) {
                double epq = s * plan.scaleFactor[p] * plan.scaleFactor[q] * hn[p * nsf + q];
                if (epq != 0.0) {
                    double[] gq = grad[q];
                    for (int c = 0; c < w; c++) {
                        mp[c] += epq * gq[c];
                    }
                }
            }
            double[] gp = grad[p];
            for (int r = 0; r < w; r++) {
                if (gp[r] != 0.0) {
                    int o = r * w;
                    for (int c = 0; c < w; c++) {
                        h[o + c] += gp[r] * mp[c];
                    }
                }
            }
        }
    }

    /**
     * G_p of the environment; its gradient added into {@code grad} (if not null) and
     * {@code scale}·∇²G_p into {@code h} (if not null).
     */
    private double terms(SiteEnvironment env, int p, double[] grad, double[] h, double scale) {
        SymmetryFunction f = fs.get(p);
        double rc = f.cutoffRadius() * len;
        int m = env.count;
        int w = 3 * m;
        double sum = 0;
        if (compactRadial[p] >= 0) {
            return compactRadialTerms(env, compactRadial[p], grad, h, scale);
        }
        if (compactAngular[p] != null) {
            return compactAngularTerms(env, compactAngular[p], grad, h, scale);
        }
        if (f instanceof ExpRadial || f instanceof ExpRadialWeighted) {
            double eta;
            double rs;
            int only;
            if (f instanceof ExpRadial r) {
                eta = r.eta() / (len * len);
                rs = r.rs() * len;
                only = elements.indexOf(r.neighbor());
            } else {
                ExpRadialWeighted r = (ExpRadialWeighted) f;
                eta = r.eta() / (len * len);
                rs = r.rs() * len;
                only = -1;
            }
            double[] rad = new double[3];
            for (int j = 0; j < m; j++) {
                double r = env.r[j];
                if (r >= rc || (only >= 0 && env.type[j] != only)) {
                    continue;
                }
                double wt = only >= 0 ? 1.0 : plan.z[env.type[j]];
                radial(r, eta, rs, rc, rad);
                sum += wt * rad[0];
                radialBond(env, j, r, wt, rad, w, grad, h, scale);
            }
            return sum;
        }
        boolean narrow;
        boolean weighted;
        double eta;
        double rs;
        double lambda;
        double zeta;
        int e1 = -1;
        int e2 = -1;
        if (f instanceof ExpAngularNarrow a) {
            narrow = true;
            weighted = false;
            eta = a.eta();
            rs = a.rs() > 0 ? a.rs() : 0.0; // n2p2 applies r_s only when r_s > 0 (SPEC §15)
            lambda = a.lambda();
            zeta = a.zeta();
            e1 = elements.indexOf(a.neighbor1());
            e2 = elements.indexOf(a.neighbor2());
        } else if (f instanceof ExpAngularWide a) {
            narrow = false;
            weighted = false;
            eta = a.eta();
            rs = a.rs() > 0 ? a.rs() : 0.0;
            lambda = a.lambda();
            zeta = a.zeta();
            e1 = elements.indexOf(a.neighbor1());
            e2 = elements.indexOf(a.neighbor2());
        } else if (f instanceof ExpAngularNarrowWeighted a) {
            narrow = true;
            weighted = true;
            eta = a.eta();
            rs = a.rs();
            lambda = a.lambda();
            zeta = a.zeta();
        } else {
            throw new IllegalStateException("no exact second derivatives for symmetry function type " + f.type());
        }
        eta /= len * len;
        rs *= len;
        double pre = Math.pow(2.0, 1.0 - zeta);
        double[] fa = new double[3];
        double[] f1 = new double[3];
        double[] f2 = new double[3];
        double[] f3 = {1, 0, 0};
        for (int j = 0; j < m - 1; j++) {
            double rj = env.r[j];
            if (rj >= rc) {
                continue;
            }
            for (int k = j + 1; k < m; k++) {
                double rk = env.r[k];
                if (rk >= rc) {
                    continue;
                }
                int tj = env.type[j];
                int tk = env.type[k];
                if (!weighted && !((tj == e1 && tk == e2) || (tj == e2 && tk == e1))) {
                    continue;
                }
                double[] dj = {env.dx[j], env.dy[j], env.dz[j]};
                double[] dk = {env.dx[k], env.dy[k], env.dz[k]};
                double[] e = {dk[0] - dj[0], dk[1] - dj[1], dk[2] - dj[2]};
                double rjk = Math.sqrt(e[0] * e[0] + e[1] * e[1] + e[2] * e[2]);
                if (narrow && rjk >= rc) {
                    continue;
                }
                double wt = weighted ? plan.z[tj] * plan.z[tk] : 1.0;
                double cos = (dj[0] * dk[0] + dj[1] * dk[1] + dj[2] * dk[2]) / (rj * rk);
                angle(cos, lambda, zeta, pre, fa);
                radial(rj, eta, rs, rc, f1);
                radial(rk, eta, rs, rc, f2);
                if (narrow) {
                    radial(rjk, eta, rs, rc, f3);
                }
                double[][] fac = {fa, f1, f2, f3};
                sum += wt * fa[0] * f1[0] * f2[0] * f3[0];
                if (fa[0] == 0.0 && fa[1] == 0.0) {
                    continue; // 1 + λ cos θ ≤ 0: the term and its derivatives vanish
                }
                pairTerm(fac, narrow ? 4 : 3, wt, j, k, dj, dk, rj, rk, w, grad, h, scale);
            }
        }
        return sum;
    }

    /**
     * One pair (j, k) of a product term T = wt·F(cos θ) R_1(r_ij) R_2(r_ik) [R_3(r_jk)], with
     * {@code fac[a]} = (value, first, second derivative) of each factor in its variable
     * s = (cos θ, r_ij, r_ik, r_jk): adds ∇T into {@code grad} (if not null) and
     * scale·∇²T = scale·(Σ_ab T_ab ∇s_a ∇s_bᵀ + Σ_a T_a ∇²s_a) into {@code h} (if not null), over
     * the bond vectors d_j, d_k. {@code nv} = 4 with the r_jk factor (narrow), else 3.
     */
    private static void pairTerm(double[][] fac, int nv, double wt, int j, int k, double[] dj, double[] dk, double rj,
            double rk, int w, double[] grad, double[] h, double scale) {
        double[] e = {dk[0] - dj[0], dk[1] - dj[1], dk[2] - dj[2]};
        double rjk = Math.sqrt(e[0] * e[0] + e[1] * e[1] + e[2] * e[2]);
        double[] uj = {dj[0] / rj, dj[1] / rj, dj[2] / rj};
        double[] uk = {dk[0] / rk, dk[1] / rk, dk[2] / rk};
        double cos = uj[0] * uk[0] + uj[1] * uk[1] + uj[2] * uk[2];
        boolean narrow = nv == 4;
        // first and second partials of the product in (cos θ, r_ij, r_ik, r_jk)
        double[] ta = new double[nv];
        double[][] tab = new double[nv][nv];
        for (int a = 0; a < nv; a++) {
            for (int b = 0; b < nv; b++) {
                double prod = wt;
                for (int c = 0; c < nv; c++) {
                    int order = (c == a ? 1 : 0) + (c == b ? 1 : 0);
                    prod *= fac[c][order];
                }
                tab[a][b] = prod;
            }
            double prod = wt;
            for (int c = 0; c < nv; c++) {
                prod *= fac[c][c == a ? 1 : 0];
            }
            ta[a] = prod;
        }
        // gradients of the variables in (d_j, d_k), 6 components
        double[][] ds = new double[nv][6];
        double[] cj = new double[3];
        double[] ck = new double[3];
        double[] v = new double[3];
        for (int a = 0; a < 3; a++) {
            cj[a] = (uk[a] - cos * uj[a]) / rj; // ∂cos/∂d_j
            ck[a] = (uj[a] - cos * uk[a]) / rk;
            ds[0][a] = cj[a];
            ds[0][3 + a] = ck[a];
            ds[1][a] = uj[a];
            ds[2][3 + a] = uk[a];
            if (narrow) {
                v[a] = e[a] / rjk;
                ds[3][a] = -v[a];
                ds[3][3 + a] = v[a];
            }
        }
        int[] base = {3 * j, 3 * k};
        if (grad != null) {
            for (int a = 0; a < nv; a++) {
                for (int c = 0; c < 6; c++) {
                    grad[base[c / 3] + c % 3] += ta[a] * ds[a][c];
                }
            }
        }
        if (h == null) {
            return;
        }
        double[][] hh = new double[6][6];
        for (int a = 0; a < nv; a++) {
            for (int b = 0; b < nv; b++) {
                double tv = tab[a][b];
                if (tv == 0.0) {
                    continue;
                }
                for (int r = 0; r < 6; r++) {
                    for (int c = 0; c < 6; c++) {
                        hh[r][c] += tv * ds[a][r] * ds[b][c];
                    }
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double del = a == b ? 1 : 0;
                double pj = (del - uj[a] * uj[b]) / rj;
                double pk = (del - uk[a] * uk[b]) / rk;
                // ∇²cos θ (see StillingerWeber's Hessian for the derivation)
                hh[a][b] += ta[0] * (-(uj[a] * cj[b] + cj[a] * uj[b] + cos * pj) / rj);
                hh[3 + a][3 + b] += ta[0] * (-(uk[a] * ck[b] + ck[a] * uk[b] + cos * pk) / rk);
                double cross = (pk - uj[a] * ck[b]) / rj;
                hh[a][3 + b] += ta[0] * cross;
                hh[3 + b][a] += ta[0] * cross;
                // ∇²r_ij, ∇²r_ik
                hh[a][b] += ta[1] * pj;
                hh[3 + a][3 + b] += ta[2] * pk;
                if (narrow) {
                    double q = (del - v[a] * v[b]) / rjk;
                    hh[a][b] += ta[3] * q;
                    hh[3 + a][3 + b] += ta[3] * q;
                    hh[a][3 + b] -= ta[3] * q;
                    hh[3 + a][b] -= ta[3] * q;
                }
            }
        }
        for (int r = 0; r < 6; r++) {
            int row = (base[r / 3] + r % 3) * w;
            for (int c = 0; c < 6; c++) {
                h[row + base[c / 3] + c % 3] += scale * hh[r][c];
            }
        }
    }

    /**
     * A compact radial function (types 20, 23): G = Σ_j w_j C(r_ij) over r_l < r_ij < r_c, the
     * same support test as {@link NnpKernel}; w_j is 1 for the selected element (20) or Z_j (23).
     */
    private double compactRadialTerms(SiteEnvironment env, int mIndex, double[] grad, double[] h, double scale) {
        int m = env.count;
        int w = 3 * m;
        CompactFunction fn = plan.compFn[mIndex];
        double rl = plan.compRl[mIndex];
        double rc = plan.compRc[mIndex];
        double c0 = plan.compCenter[mIndex];
        double iw = plan.compInvWidth[mIndex];
        double[] rad = new double[3];
        double sum = 0;
        for (int j = 0; j < m; j++) {
            double wt = plan.compWeight[mIndex * plan.types + env.type[j]];
            double r = env.r[j];
            if (wt == 0.0 || !(r > rl && r < rc)) {
                continue;
            }
            fn.valueAndDerivatives(r, c0, iw, rad); // Bircher et al. 2021, eq. 7
            sum += wt * rad[0];
            radialBond(env, j, r, wt, rad, w, grad, h, scale);
        }
        return sum;
    }

    /** Adds wt·R′ u (gradient) and scale·wt·(R″ u uᵀ + R′/r (I − u uᵀ)) (Hessian block) of one radial term in d_j. */
    private static void radialBond(SiteEnvironment env, int j, double r, double wt, double[] rad, int w, double[] grad,
            double[] h, double scale) {
        double[] u = {env.dx[j] / r, env.dy[j] / r, env.dz[j] / r};
        if (grad != null) {
            for (int a = 0; a < 3; a++) {
                grad[3 * j + a] += wt * rad[1] * u[a];
            }
        }
        if (h != null) {
            double c = scale * wt;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double proj = ((a == b) ? 1 : 0) - u[a] * u[b];
                    h[(3 * j + a) * w + 3 * j + b] += c * (rad[2] * u[a] * u[b] + rad[1] / r * proj);
                }
            }
        }
    }

    /**
     * A compact angular function (types 21, 22, 24, 25): G = Σ_{j<k} w_jk C(r_ij) C(r_ik) [C(r_jk)]
     * C_ang(θ_ijk), with exactly {@link NnpKernel}'s selection (r_l &lt; r_ij, r_ik &lt; r_c; the
     * element pair; θ_l ≤ θ ≤ θ_r with |cos θ| &lt; 1; narrow: r_l² &lt; r_jk² &lt; r_c²). The
     * angular factor as a function of cos θ, F(c) = C_ang(acos c), has F′ = C_ang′ θ′ and
     * F″ = C_ang″ θ′² + C_ang′ θ″ with θ′ = −1/√(1 − c²), θ″ = −c/(1 − c²)^{3/2}.
     */
    private double compactAngularTerms(SiteEnvironment env, CompactAngularTerm t, double[] grad, double[] h,
            double scale) {
        int m = env.count;
        int w = 3 * m;
        boolean mixed = !t.weighted && t.t1 != t.t2;
        double[] fa = new double[3];
        double[] f1 = new double[3];
        double[] f2 = new double[3];
        double[] f3 = {1, 0, 0};
        double[] ang = new double[3];
        double[][] fac = {fa, f1, f2, f3};
        double sum = 0;
        for (int j = 0; j < m - 1; j++) {
            double rj = env.r[j];
            int tj = env.type[j];
            if (!(rj > t.rl && rj < t.rc && (t.weighted || tj == t.t1 || tj == t.t2))) {
                continue;
            }
            for (int k = j + 1; k < m; k++) {
                double rk = env.r[k];
                int tk = env.type[k];
                if (!(rk > t.rl && rk < t.rc && (t.weighted || tk == t.t1 || tk == t.t2))) {
                    continue;
                }
                if (mixed && tk == tj) {
                    continue;
                }
                double[] dj = {env.dx[j], env.dy[j], env.dz[j]};
                double[] dk = {env.dx[k], env.dy[k], env.dz[k]};
                double cos = (dj[0] * dk[0] + dj[1] * dk[1] + dj[2] * dk[2]) / (rj * rk);
                double theta = cos > -1.0 && cos < 1.0 ? Math.acos(cos) : Double.NaN;
                if (!(theta >= t.angleLeft && theta <= t.angleRight)) {
                    continue; // outside the angular support, or |cosθ| ≥ 1, which n2p2 skips
                }
                if (t.narrow) {
                    double ex = dk[0] - dj[0];
                    double ey = dk[1] - dj[1];
                    double ez = dk[2] - dj[2];
                    double rjk2 = ex * ex + ey * ey + ez * ez;
                    if (rjk2 >= t.rc2 || rjk2 <= t.rl2) {
                        continue;
                    }
                    t.radial.valueAndDerivatives(Math.sqrt(rjk2), t.radialCenter, t.radialInvWidth, f3);
                }
                t.radial.valueAndDerivatives(rj, t.radialCenter, t.radialInvWidth, f1);
                t.radial.valueAndDerivatives(rk, t.radialCenter, t.radialInvWidth, f2);
                t.angular.valueAndDerivatives(theta, t.angularCenter, t.angularInvWidth, ang);
                double s2 = 1.0 - cos * cos;
                double th1 = -1.0 / Math.sqrt(s2); // dθ/dcos θ
                double th2 = -cos / (s2 * Math.sqrt(s2)); // d²θ/dcos²θ
                fa[0] = ang[0];
                fa[1] = ang[1] * th1;
                fa[2] = ang[2] * th1 * th1 + ang[1] * th2;
                double wt = t.weighted ? plan.z[tj] * plan.z[tk] : 1.0;
                sum += wt * fa[0] * f1[0] * f2[0] * f3[0]; // Bircher et al. 2021, eqs. 9-10
                pairTerm(fac, t.narrow ? 4 : 3, wt, j, k, dj, dk, rj, rk, w, grad, h, scale);
            }
        }
        return sum;
    }

    /** R = exp(−η(r − r_s)²) f_c(r), R′ and R″ into out (Behler 2011, eq. 6). */
    private void radial(double r, double eta, double rs, double rc, double[] out) {
        double x = r - rs;
        double gauss = Math.exp(-eta * x * x);
        double g1 = -2 * eta * x * gauss;
        double g2 = (4 * eta * eta * x * x - 2 * eta) * gauss;
        double fc = cutoff.value(r, rc);
        double fc1 = cutoff.derivative(r, rc);
        double fc2 = cutoff.secondDerivative(r, rc);
        out[0] = gauss * fc;
        out[1] = g1 * fc + gauss * fc1;
        out[2] = g2 * fc + 2 * g1 * fc1 + gauss * fc2;
    }

    /** A = 2^(1−ζ)(1 + λ cos θ)^ζ, A′, A″ in cos θ; all 0 where 1 + λ cos θ ≤ 0 (n2p2). */
    private static void angle(double cos, double lambda, double zeta, double pre, double[] out) {
        double base = 1 + lambda * cos;
        if (base <= 0) {
            out[0] = 0;
            out[1] = 0;
            out[2] = 0;
            return;
        }
        out[0] = pre * Math.pow(base, zeta);
        out[1] = pre * zeta * lambda * Math.pow(base, zeta - 1);
        out[2] = zeta == 1 ? 0 : pre * zeta * (zeta - 1) * lambda * lambda * Math.pow(base, zeta - 2);
    }
}
