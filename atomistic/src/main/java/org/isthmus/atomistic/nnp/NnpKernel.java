package org.isthmus.atomistic.nnp;

import java.util.Arrays;

import org.isthmus.atomistic.potential.SiteEnvironment;
import org.isthmus.atomistic.potential.SitePotential;

/**
 * The per-thread site-energy kernel of {@link NnpPotential}: for one atom, a forward pass (raw
 * symmetry functions G, scaled G_s, network energy) and, when asked, one reverse pass
 * ({@code ∂ε/∂G_s} from the network, then {@code ∂ε/∂d_j = Σ_k ∂ε/∂G_k ∂G_k/∂d_j} for every
 * neighbour) written into {@link SiteEnvironment#gx}/{@code gy}/{@code gz}. All derivatives are
 * analytic.
 *
 * <p>Speed: the forward pass caches what the reverse pass needs (per neighbour and function the
 * radial derivative; per pair of each angular group the cosine, the pair cutoff, the Gaussians and
 * the powers), so no exponential is computed twice; cutoff values are computed once per
 * neighbour and cutoff radius; the reverse pass contracts the weights ∂ε/∂G of a group into five
 * sums per pair before touching any vector. Scratch arrays grow to the largest neighbourhood seen
 * and are then reused: no allocation per atom. Not thread-safe: one instance per thread.
 */
final class NnpKernel implements SitePotential.Kernel {

    private final ElementPlan[] plans;
    private final FeedForwardNetwork.Workspace[] workspaces;
    private final double[] g;
    private final double[] gs;
    private final double[] dEdGs;
    private final double[] wS;
    private final double[] tmp = new double[1];
    private final int maxRad;
    private final int maxA;

    private int cap;
    private double[][] fc;
    private double[][] dfc;
    private double[] radD;
    private double[] coef;
    private int[] cand;
    private double[] exq;
    private double[] crv;
    private double[] dcr;
    private int[] own;
    private int cpM;
    private int[] cpJ = new int[0];
    private int[] cpK = new int[0];
    private double[] cpCos;
    private double[] cpTheta;
    private double[] cpRjk2;
    private double[] cpRjk;

    private final int[][] pairJ;
    private final int[][] pairK;
    private final double[][] pairData;
    private final int[] pairCount;
    private final double[] acc;
    private final double[] tile = new double[16];
    /**
     * Fixed slots per cached pair: cosθ, r_jk, f_c(r_jk), f_c′(r_jk), F = [Z_j Z_k] f_c(r_ij) f_c(r_ik)
     * [f_c(r_jk)]; then the na Gaussians and the nb powers (1 + λcosθ)^(ζ−1), from which P and
     * dP/dcosθ follow with one product each (a short row keeps the cache in L2).
     */
    private static final int STRIDE0 = 5;
    private final double[] u;
    private final double[] v;

    // extrapolation bookkeeping for this kernel's atoms (one evaluation)
    long extrapolations;
    int atomsExtrapolating;
    double worstExcess = -1;
    int worstAtom = -1;
    int worstType;
    int worstFunction;
    double worstValue;

    NnpKernel(ElementPlan[] plans) {
        this.plans = plans;
        workspaces = new FeedForwardNetwork.Workspace[plans.length];
        int maxSf = 1;
        int maxSlots = 0;
        int maxGroups = 0;
        int maxCells = 1;
        int maxA = 1;
        int maxRad = 0;
        for (int t = 0; t < plans.length; t++) {
            ElementPlan p = plans[t];
            workspaces[t] = p.network.newWorkspace();
            maxSf = Math.max(maxSf, p.nsf);
            maxSlots = Math.max(maxSlots, p.slotRc.length);
            maxGroups = Math.max(maxGroups, p.groups.length);
            maxRad = Math.max(maxRad, p.radOut.length + p.compOut.length);
            for (ExpAngularGroup gr : p.groups) {
                maxCells = Math.max(maxCells, gr.eta.length * gr.lambda.length);
                maxA = Math.max(maxA, gr.eta.length);
            }
        }
        g = new double[maxSf];
        gs = new double[maxSf];
        dEdGs = new double[maxSf];
        wS = new double[maxSf];
        fc = new double[maxSlots][0];
        dfc = new double[maxSlots][0];
        this.maxRad = maxRad;
        this.maxA = maxA;
        pairJ = new int[maxGroups][0];
        pairK = new int[maxGroups][0];
        pairData = new double[maxGroups][0];
        pairCount = new int[maxGroups];
        acc = new double[maxCells];
        u = new double[maxA];
        v = new double[maxA];
        ensure(64);
    }

    private void ensure(int n) {
        if (n <= cap) {
            return;
        }
        cap = Math.max(n, cap * 3 / 2);
        for (int s = 0; s < fc.length; s++) {
            fc[s] = new double[cap];
            dfc[s] = new double[cap];
        }
        radD = new double[Math.max(1, maxRad) * cap];
        coef = new double[cap];
        cand = new int[cap];
        exq = new double[maxA * cap];
        crv = new double[cap];
        dcr = new double[cap];
        own = new int[cap];
    }

    @Override
    public double siteEnergy(SiteEnvironment env, boolean gradient) {
        ElementPlan p = plans[env.centerType];
        int n = env.count;
        ensure(n);
        computeDescriptors(p, env, n);
        int nsf = p.nsf;
        boolean extrapolating = false;
        for (int k = 0; k < nsf; k++) {
            double x = g[k];
            if (x < p.gMin[k] || x > p.gMax[k]) {
                extrapolating = true;
                noteExtrapolation(p, env, k, x);
            }
            gs[k] = p.scaleOffset[k] + p.scaleFactor[k] * (x - p.scaleShift[k]); // §8
        }
        if (extrapolating) {
            atomsExtrapolating++;
        }
        FeedForwardNetwork.Workspace ws = workspaces[env.centerType];
        double e = p.network.forward(gs, ws);
        if (gradient) {
            p.network.backward(ws, dEdGs);
            double scale = p.energyScale;
            for (int k = 0; k < nsf; k++) {
                wS[k] = dEdGs[k] * p.scaleFactor[k] * scale; // ∂ε/∂G (eV), chain through the scaling
            }
            radialBackward(p, env, n);
            for (int gi = 0; gi < p.groups.length; gi++) {
                groupBackward(p, p.groups[gi], gi, env);
            }
            for (CompactAngularTerm t : p.compactAngular) {
                double w = wS[t.out];
                if (w != 0.0) {
                    compactAngular(p, t, env, n, w, true);
                }
            }
        }
        // ε_i = E_i^NN/c_E + E_mean + offset (§0, §3, §4), in eV
        return p.energyScale * e + p.siteConstant;
    }

    /** Raw symmetry functions of the atom into {@link #g}, filling the caches of the reverse pass. */
    private void computeDescriptors(ElementPlan p, SiteEnvironment env, int n) {
        Arrays.fill(g, 0, p.nsf, 0.0);
        double[] r = env.r;
        for (int s = 0; s < p.slotRc.length; s++) {
            double rc = p.slotRc[s];
            double rci = p.slotRci[s];
            double iw = p.slotIw[s];
            double[] f = fc[s];
            double[] df = dfc[s];
            int code = p.cutoff.type().code();
            for (int j = 0; j < n; j++) {
                f[j] = CutoffFunction.valueAndDerivative(code, r[j], rc, rci, iw, df, j);
            }
        }
        radialForward(p, env, n);
        for (int gi = 0; gi < p.groups.length; gi++) {
            groupForward(p, p.groups[gi], gi, env, n);
        }
        if (p.compactAngular.length > 0) {
            compactPairs(p, env, n);
            for (CompactAngularTerm t : p.compactAngular) {
                compactAngular(p, t, env, n, 0.0, false);
            }
        }
    }

    /** Raw (unscaled) symmetry functions of one atom, for inspection and training. */
    double[] descriptors(SiteEnvironment env) {
        ElementPlan p = plans[env.centerType];
        ensure(env.count);
        computeDescriptors(p, env, env.count);
        return Arrays.copyOf(g, p.nsf);
    }

    private void noteExtrapolation(ElementPlan p, SiteEnvironment env, int k, double x) {
        extrapolations++;
        double range = p.gMax[k] - p.gMin[k];
        double excess = x < p.gMin[k] ? p.gMin[k] - x : x - p.gMax[k];
        double rel = range > 0 ? excess / range : excess;
        if (rel > worstExcess) {
            worstExcess = rel;
            worstAtom = env.center;
            worstType = env.centerType;
            worstFunction = k;
            worstValue = x;
        }
    }

    // ------------------------------------------------------------------ radial

    private void radialForward(ElementPlan p, SiteEnvironment env, int n) {
        double[] r = env.r;
        int[] type = env.type;
        int nt = p.types;
        int nr = p.radOut.length;
        for (int m = 0; m < nr; m++) {
            int slot = p.radSlot[m];
            double rc = p.slotRc[slot];
            double eta = p.radEta[m];
            double rs = p.radRs[m];
            double[] f = fc[slot];
            double[] df = dfc[slot];
            int wo = m * nt;
            int off = m * cap;
            double sum = 0.0;
            for (int j = 0; j < n; j++) {
                double w = p.radWeight[wo + type[j]];
                double rj = r[j];
                if (w == 0.0 || rj >= rc) {
                    radD[off + j] = 0.0;
                    continue;
                }
                double d = rj - rs;
                double e = w * Math.exp(-eta * d * d); // Behler G², J. Chem. Phys. 134, 074106 eq. 6
                sum += e * f[j];
                radD[off + j] = e * (df[j] - 2.0 * eta * d * f[j]);
            }
            g[p.radOut[m]] += sum;
        }
        for (int m = 0; m < p.compOut.length; m++) {
            double rl = p.compRl[m];
            double rc = p.compRc[m];
            double c = p.compCenter[m];
            double iw = p.compInvWidth[m];
            CompactFunction fn = p.compFn[m];
            int wo = m * nt;
            int off = (nr + m) * cap;
            double sum = 0.0;
            for (int j = 0; j < n; j++) {
                double w = p.compWeight[wo + type[j]];
                double rj = r[j];
                if (w == 0.0 || !(rj > rl && rj < rc)) {
                    radD[off + j] = 0.0;
                    continue;
                }
                double val = fn.valueAndDerivative(rj, c, iw, tmp, 0); // Bircher et al. 2021, eq. 7
                sum += w * val;
                radD[off + j] = w * tmp[0];
            }
            g[p.compOut[m]] += sum;
        }
    }

    private void radialBackward(ElementPlan p, SiteEnvironment env, int n) {
        int nr = p.radOut.length;
        int total = nr + p.compOut.length;
        if (total == 0) {
            return;
        }
        Arrays.fill(coef, 0, n, 0.0);
        for (int m = 0; m < total; m++) {
            double w = wS[m < nr ? p.radOut[m] : p.compOut[m - nr]];
            if (w == 0.0) {
                continue;
            }
            int off = m * cap;
            for (int j = 0; j < n; j++) {
                coef[j] += w * radD[off + j];
            }
        }
        double[] r = env.r;
        for (int j = 0; j < n; j++) {
            double c = coef[j] / r[j]; // ∂r/∂d = d/r
            env.gx[j] += c * env.dx[j];
            env.gy[j] += c * env.dy[j];
            env.gz[j] += c * env.dz[j];
        }
    }

    // ------------------------------------------------- Gaussian angular groups

    private void groupForward(ElementPlan p, ExpAngularGroup gr, int gi, SiteEnvironment env, int n) {
        double[] r = env.r;
        int[] type = env.type;
        double rc = gr.rc;
        boolean mixed = !gr.weighted && gr.t1 != gr.t2;
        // candidates: for a mixed pair (t1 ≠ t2) the t1 neighbours first, then the t2 ones, so that
        // the pairs are exactly the products of the two lists; otherwise all pairs q1 < q2
        int m = 0;
        for (int j = 0; j < n; j++) {
            int t = type[j];
            if (r[j] < rc && (gr.weighted || t == gr.t1)) {
                cand[m++] = j;
            }
        }
        int m1 = m;
        if (mixed) {
            for (int j = 0; j < n; j++) {
                if (r[j] < rc && type[j] == gr.t2) {
                    cand[m++] = j;
                }
            }
        }
        pairCount[gi] = 0;
        if (m < 2 || (mixed && (m1 == 0 || m1 == m))) {
            return;
        }
        int na = gr.eta.length;
        int nb = gr.lambda.length;
        for (int a = 0; a < na; a++) {
            double eta = gr.eta[a];
            double rs = gr.rs[a];
            int o = a * cap;
            for (int q = 0; q < m; q++) {
                double d = r[cand[q]] - rs;
                exq[o + q] = Math.exp(-eta * d * d);
            }
        }
        int stride = STRIDE0 + na + nb;
        ensurePairs(gi, mixed ? m1 * (m - m1) : m * (m - 1) / 2, stride);
        double[] pd = pairData[gi];
        int[] pj = pairJ[gi];
        int[] pk = pairK[gi];
        double[] f = fc[gr.slot];
        double rci = p.slotRci[gr.slot];
        double iw = p.slotIw[gr.slot];
        int code = p.cutoff.type().code();
        boolean narrow = gr.narrow;
        double[] dx = env.dx;
        double[] dy = env.dy;
        double[] dz = env.dz;
        double[] z = p.z;
        int np = 0;
        int end1 = mixed ? m1 : m - 1;
        for (int q1 = 0; q1 < end1; q1++) {
            int j = cand[q1];
            int tj = type[j];
            double xj = dx[j];
            double yj = dy[j];
            double zj = dz[j];
            double rj = r[j];
            double fj = f[j];
            for (int q2 = mixed ? m1 : q1 + 1; q2 < m; q2++) {
                int k = cand[q2];
                double fjk = 1.0;
                double dfjk = 0.0;
                double rjk = 0.0;
                if (narrow) {
                    double ux = dx[k] - xj;
                    double uy = dy[k] - yj;
                    double uz = dz[k] - zj;
                    double rjk2 = ux * ux + uy * uy + uz * uz;
                    if (rjk2 >= gr.rc2) {
                        continue;
                    }
                    rjk = Math.sqrt(rjk2);
                    fjk = CutoffFunction.valueAndDerivative(code, rjk, rc, rci, iw, tmp, 0);
                    dfjk = tmp[0];
                }
                double cos = (xj * dx[k] + yj * dy[k] + zj * dz[k]) / (rj * r[k]);
                double ff = fj * f[k] * fjk;
                if (gr.weighted) {
                    ff *= z[tj] * z[type[k]];
                }
                int base = np * stride;
                pd[base] = cos;
                pd[base + 1] = rjk;
                pd[base + 2] = fjk;
                pd[base + 3] = dfjk;
                pd[base + 4] = ff;
                int eo = base + STRIDE0;
                int po = eo + na;
                for (int b = 0; b < nb; b++) {
                    double x = 1.0 + gr.lambda[b] * cos;
                    if (x <= 0.0) {
                        pd[po + b] = 0.0; // (1 + λcosθ)^ζ taken as 0 where the base is ≤ 0 (§6.1)
                    } else {
                        int zi = gr.zetaInt[b];
                        pd[po + b] = zi > 0 ? intPow(x, zi - 1) : Math.pow(x, gr.zeta[b] - 1.0);
                    }
                }
                for (int a = 0; a < na; a++) {
                    double e = exq[a * cap + q1] * exq[a * cap + q2];
                    if (narrow) {
                        double d = rjk - gr.rs[a];
                        e *= Math.exp(-gr.eta[a] * d * d);
                    }
                    pd[eo + a] = e;
                }
                pj[np] = j;
                pk[np] = k;
                np++;
            }
        }
        pairCount[gi] = np;
        reduceGroup(gr, pd, np, stride);
    }

    /**
     * G_s = 2^(1−ζ_s) Σ_pairs E_a(s)·P_b(s)·F over the cached pairs (Behler, J. Chem. Phys. 134,
     * 074106, eqs. 25–26): the table Σ_pairs E_a P_b F is a small matrix product, computed in
     * 4×4 tiles held in registers (one pass over the cache per tile), then each member picks its
     * entry.
     */
    private void reduceGroup(ExpAngularGroup gr, double[] pd, int np, int stride) {
        int na = gr.eta.length;
        int nb = gr.lambda.length;
        for (int a0 = 0; a0 < na; a0 += 4) {
            for (int b0 = 0; b0 < nb; b0 += 4) {
                int ea = Math.min(4, na - a0);
                int eb = Math.min(4, nb - b0);
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
                double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
                double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
                int eo = STRIDE0 + a0;
                int po = STRIDE0 + na + b0;
                double l0 = gr.lambda[b0];
                double l1 = eb > 1 ? gr.lambda[b0 + 1] : 0.0;
                double l2 = eb > 2 ? gr.lambda[b0 + 2] : 0.0;
                double l3 = eb > 3 ? gr.lambda[b0 + 3] : 0.0;
                for (int q = 0, base = 0; q < np; q++, base += stride) {
                    double ff = pd[base + 4];
                    double cos = pd[base];
                    double x0 = pd[base + eo] * ff;
                    double x1 = ea > 1 ? pd[base + eo + 1] * ff : 0.0;
                    double x2 = ea > 2 ? pd[base + eo + 2] * ff : 0.0;
                    double x3 = ea > 3 ? pd[base + eo + 3] * ff : 0.0;
                    // P_b = (1 + λ_b cosθ)^(ζ_b − 1)·(1 + λ_b cosθ)
                    double y0 = pd[base + po] * (1.0 + l0 * cos);
                    double y1 = eb > 1 ? pd[base + po + 1] * (1.0 + l1 * cos) : 0.0;
                    double y2 = eb > 2 ? pd[base + po + 2] * (1.0 + l2 * cos) : 0.0;
                    double y3 = eb > 3 ? pd[base + po + 3] * (1.0 + l3 * cos) : 0.0;
                    c00 += x0 * y0;
                    c01 += x0 * y1;
                    c02 += x0 * y2;
                    c03 += x0 * y3;
                    c10 += x1 * y0;
                    c11 += x1 * y1;
                    c12 += x1 * y2;
                    c13 += x1 * y3;
                    c20 += x2 * y0;
                    c21 += x2 * y1;
                    c22 += x2 * y2;
                    c23 += x2 * y3;
                    c30 += x3 * y0;
                    c31 += x3 * y1;
                    c32 += x3 * y2;
                    c33 += x3 * y3;
                }
                double[] tile = this.tile;
                tile[0] = c00;
                tile[1] = c01;
                tile[2] = c02;
                tile[3] = c03;
                tile[4] = c10;
                tile[5] = c11;
                tile[6] = c12;
                tile[7] = c13;
                tile[8] = c20;
                tile[9] = c21;
                tile[10] = c22;
                tile[11] = c23;
                tile[12] = c30;
                tile[13] = c31;
                tile[14] = c32;
                tile[15] = c33;
                for (int a = 0; a < ea; a++) {
                    for (int b = 0; b < eb; b++) {
                        acc[(a0 + a) * nb + b0 + b] = tile[4 * a + b];
                    }
                }
            }
        }
        for (int s = 0; s < gr.out.length; s++) {
            g[gr.out[s]] += gr.norm[s] * acc[gr.cell[s]];
        }
    }

    private void ensurePairs(int gi, int pairs, int stride) {
        if (pairJ[gi].length < pairs) {
            int c = Math.max(pairs, pairJ[gi].length * 3 / 2);
            pairJ[gi] = new int[c];
            pairK[gi] = new int[c];
        }
        if (pairData[gi].length < pairs * stride) {
            pairData[gi] = new double[Math.max(pairs * stride, pairData[gi].length * 3 / 2)];
        }
    }

    /**
     * Reverse pass of one group. With c_s = ∂ε/∂G_s·2^(1−ζ_s), per pair U_a = Σ_{s∈a} c_s P_s and
     * V_a = Σ_{s∈a} c_s P′_s; then the derivatives of Σ_s c_s T_s with respect to r_ij, r_ik, r_jk and
     * cosθ are A1…A4 below, and the chain rule through r = |d| and cosθ = d_j·d_k/(r_ij r_ik)
     * gives the neighbour gradients.
     */
    private void groupBackward(ElementPlan p, ExpAngularGroup gr, int gi, SiteEnvironment env) {
        int np = pairCount[gi];
        if (np == 0) {
            return;
        }
        int nm = gr.out.length;
        int na = gr.eta.length;
        int nb = gr.lambda.length;
        Arrays.fill(acc, 0, na * nb, 0.0);
        boolean any = false;
        for (int s = 0; s < nm; s++) {
            double c = wS[gr.out[s]] * gr.norm[s];
            acc[gr.cell[s]] += c; // the table C[a][b] of weights ∂ε/∂G·2^(1−ζ)
            any |= c != 0.0;
        }
        if (!any) {
            return;
        }
        int stride = STRIDE0 + na + nb;
        double[] pd = pairData[gi];
        int[] pj = pairJ[gi];
        int[] pk = pairK[gi];
        double[] f = fc[gr.slot];
        double[] df = dfc[gr.slot];
        double[] r = env.r;
        double[] dx = env.dx;
        double[] dy = env.dy;
        double[] dz = env.dz;
        double[] gx = env.gx;
        double[] gy = env.gy;
        double[] gz = env.gz;
        int[] type = env.type;
        boolean narrow = gr.narrow;
        boolean small = na <= 4 && nb <= 4;
        double c00 = cell(0, 0, na, nb);
        double c01 = cell(0, 1, na, nb);
        double c02 = cell(0, 2, na, nb);
        double c03 = cell(0, 3, na, nb);
        double c10 = cell(1, 0, na, nb);
        double c11 = cell(1, 1, na, nb);
        double c12 = cell(1, 2, na, nb);
        double c13 = cell(1, 3, na, nb);
        double c20 = cell(2, 0, na, nb);
        double c21 = cell(2, 1, na, nb);
        double c22 = cell(2, 2, na, nb);
        double c23 = cell(2, 3, na, nb);
        double c30 = cell(3, 0, na, nb);
        double c31 = cell(3, 1, na, nb);
        double c32 = cell(3, 2, na, nb);
        double c33 = cell(3, 3, na, nb);
        double eta0 = na > 0 ? gr.eta[0] : 0.0;
        double eta1 = na > 1 ? gr.eta[1] : 0.0;
        double eta2 = na > 2 ? gr.eta[2] : 0.0;
        double eta3 = na > 3 ? gr.eta[3] : 0.0;
        double rs0 = na > 0 ? gr.rs[0] : 0.0;
        double rs1 = na > 1 ? gr.rs[1] : 0.0;
        double rs2 = na > 2 ? gr.rs[2] : 0.0;
        double rs3 = na > 3 ? gr.rs[3] : 0.0;
        double lam0 = nb > 0 ? gr.lambda[0] : 0.0;
        double lam1 = nb > 1 ? gr.lambda[1] : 0.0;
        double lam2 = nb > 2 ? gr.lambda[2] : 0.0;
        double lam3 = nb > 3 ? gr.lambda[3] : 0.0;
        double zl0 = nb > 0 ? gr.zeta[0] * lam0 : 0.0;
        double zl1 = nb > 1 ? gr.zeta[1] * lam1 : 0.0;
        double zl2 = nb > 2 ? gr.zeta[2] * lam2 : 0.0;
        double zl3 = nb > 3 ? gr.zeta[3] * lam3 : 0.0;
        for (int q = 0; q < np; q++) {
            int j = pj[q];
            int k = pk[q];
            int base = q * stride;
            double cos = pd[base];
            double rjk = pd[base + 1];
            double fjk = pd[base + 2];
            double dfjk = pd[base + 3];
            int eo = base + STRIDE0;
            int po = eo + na;
            double rj = r[j];
            double rk = r[k];
            double s0;
            double sj;
            double sk;
            double sjk;
            double s4;
            if (small) {
                // up to 4 (η, r_s) × 4 (λ, ζ): everything in registers, absent entries are zeros
                // from the cached (1 + λcosθ)^(ζ−1): P = that·(1 + λcosθ), dP/dcosθ = ζλ·that
                double m0 = pd[po];
                double m1 = nb > 1 ? pd[po + 1] : 0.0;
                double m2 = nb > 2 ? pd[po + 2] : 0.0;
                double m3 = nb > 3 ? pd[po + 3] : 0.0;
                double p0 = m0 * (1.0 + lam0 * cos);
                double p1 = m1 * (1.0 + lam1 * cos);
                double p2 = m2 * (1.0 + lam2 * cos);
                double p3 = m3 * (1.0 + lam3 * cos);
                double d0 = zl0 * m0;
                double d1 = zl1 * m1;
                double d2 = zl2 * m2;
                double d3 = zl3 * m3;
                double e0 = pd[eo];
                double e1 = na > 1 ? pd[eo + 1] : 0.0;
                double e2 = na > 2 ? pd[eo + 2] : 0.0;
                double e3 = na > 3 ? pd[eo + 3] : 0.0;
                double ue0 = (c00 * p0 + c01 * p1 + c02 * p2 + c03 * p3) * e0;
                double ue1 = (c10 * p0 + c11 * p1 + c12 * p2 + c13 * p3) * e1;
                double ue2 = (c20 * p0 + c21 * p1 + c22 * p2 + c23 * p3) * e2;
                double ue3 = (c30 * p0 + c31 * p1 + c32 * p2 + c33 * p3) * e3;
                s4 = (c00 * d0 + c01 * d1 + c02 * d2 + c03 * d3) * e0
                        + (c10 * d0 + c11 * d1 + c12 * d2 + c13 * d3) * e1
                        + (c20 * d0 + c21 * d1 + c22 * d2 + c23 * d3) * e2
                        + (c30 * d0 + c31 * d1 + c32 * d2 + c33 * d3) * e3;
                double t0 = eta0 * ue0;
                double t1 = eta1 * ue1;
                double t2 = eta2 * ue2;
                double t3 = eta3 * ue3;
                s0 = ue0 + ue1 + ue2 + ue3;
                sj = t0 * (rj - rs0) + t1 * (rj - rs1) + t2 * (rj - rs2) + t3 * (rj - rs3);
                sk = t0 * (rk - rs0) + t1 * (rk - rs1) + t2 * (rk - rs2) + t3 * (rk - rs3);
                sjk = t0 * (rjk - rs0) + t1 * (rjk - rs1) + t2 * (rjk - rs2) + t3 * (rjk - rs3);
            } else {
                for (int a = 0; a < na; a++) {
                    double ua = 0.0;
                    double va = 0.0;
                    int o = a * nb;
                    for (int b = 0; b < nb; b++) {
                        double c = acc[o + b];
                        double mb = pd[po + b];
                        ua += c * mb * (1.0 + gr.lambda[b] * cos);
                        va += c * gr.zeta[b] * gr.lambda[b] * mb;
                    }
                    u[a] = ua;
                    v[a] = va;
                }
                s0 = 0.0;
                sj = 0.0;
                sk = 0.0;
                sjk = 0.0;
                s4 = 0.0;
                for (int a = 0; a < na; a++) {
                    double e = pd[eo + a];
                    double ue = u[a] * e;
                    double rs = gr.rs[a];
                    double t = gr.eta[a] * ue;
                    s0 += ue;
                    sj += t * (rj - rs);
                    sk += t * (rk - rs);
                    sjk += t * (rjk - rs);
                    s4 += v[a] * e;
                }
            }
            double fj = f[j];
            double fk = f[k];
            double zz = gr.weighted ? p.z[type[j]] * p.z[type[k]] : 1.0;
            double ff = fj * fk * fjk;
            double a1 = zz * (df[j] * fk * fjk * s0 - 2.0 * ff * sj);
            double a2 = zz * (fj * df[k] * fjk * s0 - 2.0 * ff * sk);
            double a4 = zz * ff * s4;
            double invJ = 1.0 / rj;
            double invK = 1.0 / rk;
            double a3r = 0.0;
            if (narrow) {
                a3r = zz * (fj * fk * dfjk * s0 - 2.0 * ff * sjk) / rjk;
            }
            double cross = a4 * invJ * invK - a3r;
            double cjj = (a1 - a4 * cos * invJ) * invJ + a3r;
            double ckk = (a2 - a4 * cos * invK) * invK + a3r;
            double xj = dx[j];
            double yj = dy[j];
            double zj = dz[j];
            double xk = dx[k];
            double yk = dy[k];
            double zk = dz[k];
            gx[j] += cjj * xj + cross * xk;
            gy[j] += cjj * yj + cross * yk;
            gz[j] += cjj * zj + cross * zk;
            gx[k] += ckk * xk + cross * xj;
            gy[k] += ckk * yk + cross * yj;
            gz[k] += ckk * zk + cross * zj;
        }
    }

    /** Entry (a, b) of the weight table C in {@link #acc}, 0 outside its na × nb extent. */
    private double cell(int a, int b, int na, int nb) {
        return a < na && b < nb ? acc[a * nb + b] : 0.0;
    }

    /** x^n for n ≥ 0 (no Math.pow for integer ζ): straight-line products up to 8, squaring beyond. */
    private static double intPow(double x, int n) {
        switch (n) {
            case 0:
                return 1.0;
            case 1:
                return x;
            case 2:
                return x * x;
            case 3:
                return x * x * x;
            case 4: {
                double x2 = x * x;
                return x2 * x2;
            }
            case 5: {
                double x2 = x * x;
                return x2 * x2 * x;
            }
            case 6: {
                double x2 = x * x;
                return x2 * x2 * x2;
            }
            case 7: {
                double x2 = x * x;
                return x2 * x2 * x2 * x;
            }
            case 8: {
                double x4 = x * x;
                x4 *= x4;
                return x4 * x4;
            }
            default: {
                double result = 1.0;
                double b = x;
                int e = n;
                while (e > 0) {
                    if ((e & 1) != 0) {
                        result *= b;
                    }
                    b *= b;
                    e >>= 1;
                }
                return result;
            }
        }
    }

    // -------------------------------------------------------- compact angular

    /**
     * The pairs of neighbours within the largest r_c of the compact angular functions, with what
     * all of them share: cosθ, θ (one acos per pair, NaN where |cosθ| ≥ 1) and r_jk.
     */
    private void compactPairs(ElementPlan p, SiteEnvironment env, int n) {
        double[] r = env.r;
        double rc = p.compactRc;
        int m = 0;
        for (int j = 0; j < n; j++) {
            if (r[j] < rc) {
                cand[m++] = j;
            }
        }
        int need = m * (m - 1) / 2;
        if (cpJ.length < need) {
            int c = Math.max(need, cpJ.length * 3 / 2);
            cpJ = new int[c];
            cpK = new int[c];
            cpCos = new double[c];
            cpTheta = new double[c];
            cpRjk2 = new double[c];
            cpRjk = new double[c];
        }
        double[] dx = env.dx;
        double[] dy = env.dy;
        double[] dz = env.dz;
        int np = 0;
        for (int q1 = 0; q1 < m - 1; q1++) {
            int j = cand[q1];
            for (int q2 = q1 + 1; q2 < m; q2++) {
                int k = cand[q2];
                double ux = dx[k] - dx[j];
                double uy = dy[k] - dy[j];
                double uz = dz[k] - dz[j];
                double rjk2 = ux * ux + uy * uy + uz * uz;
                double cos = (dx[j] * dx[k] + dy[j] * dy[k] + dz[j] * dz[k]) / (r[j] * r[k]);
                cpJ[np] = j;
                cpK[np] = k;
                cpCos[np] = cos;
                cpTheta[np] = cos > -1.0 && cos < 1.0 ? Math.acos(cos) : Double.NaN;
                cpRjk2[np] = rjk2;
                cpRjk[np] = Math.sqrt(rjk2);
                np++;
            }
        }
        cpM = m;
    }

    /**
     * One compact angular function over the shared pairs: forward (adds G) or, with
     * {@code backward}, the reverse pass with weight {@code w} = ∂ε/∂G. Only pairs of its own
     * candidates are visited (pair index arithmetic into the shared list).
     */
    private void compactAngular(ElementPlan p, CompactAngularTerm t, SiteEnvironment env, int n, double w,
            boolean backward) {
        double[] r = env.r;
        int[] type = env.type;
        int mAll = cpM;
        // own candidates, as positions in the shared candidate list (the neighbours within compactRc)
        int m = 0;
        for (int q = 0; q < mAll; q++) {
            int j = cand[q];
            double rj = r[j];
            int tj = type[j];
            if (rj > t.rl && rj < t.rc && (t.weighted || tj == t.t1 || tj == t.t2)) {
                own[m] = q;
                crv[m] = t.radial.valueAndDerivative(rj, t.radialCenter, t.radialInvWidth, dcr, m);
                m++;
            }
        }
        boolean mixed = !t.weighted && t.t1 != t.t2;
        double[] dx = env.dx;
        double[] dy = env.dy;
        double[] dz = env.dz;
        double sum = 0.0;
        for (int a = 0; a < m - 1; a++) {
            int qa = own[a];
            int rowStart = qa * mAll - qa * (qa + 1) / 2 - qa - 1; // index of pair (qa, qb) = rowStart + qb
            int j = cand[qa];
            int tj = type[j];
            for (int b = a + 1; b < m; b++) {
                int qb = own[b];
                int k = cand[qb];
                if (mixed && type[k] == tj) {
                    continue;
                }
                int q = rowStart + qb;
                double theta = cpTheta[q];
                if (!(theta >= t.angleLeft && theta <= t.angleRight)) {
                    continue; // outside the angular support, or |cosθ| ≥ 1 (NaN), which n2p2 skips
                }
                double cjk = 1.0;
                double dcjk = 0.0;
                double rjk = 1.0;
                if (t.narrow) {
                    double rjk2 = cpRjk2[q];
                    if (rjk2 >= t.rc2 || rjk2 <= t.rl2) {
                        continue;
                    }
                    rjk = cpRjk[q];
                    cjk = t.radial.valueAndDerivative(rjk, t.radialCenter, t.radialInvWidth, tmp, 0);
                    dcjk = tmp[0];
                }
                double ang = t.angular.valueAndDerivative(theta, t.angularCenter, t.angularInvWidth, tmp, 0);
                double zz = t.weighted ? p.z[tj] * p.z[type[k]] : 1.0;
                double rad = crv[a] * crv[b] * cjk;
                if (!backward) {
                    sum += zz * rad * ang; // Bircher et al. 2021, eqs. 9-10
                    continue;
                }
                double dang = tmp[0];
                double cos = cpCos[q];
                double c = w * zz;
                double a1 = c * dcr[a] * crv[b] * cjk * ang;
                double a2 = c * crv[a] * dcr[b] * cjk * ang;
                double a4 = c * rad * dang * (-1.0 / Math.sqrt(1.0 - cos * cos)); // dθ/dcosθ
                double a3r = t.narrow ? c * crv[a] * crv[b] * dcjk * ang / rjk : 0.0;
                double invJ = 1.0 / r[j];
                double invK = 1.0 / r[k];
                double cross = a4 * invJ * invK - a3r;
                double cjj = (a1 - a4 * cos * invJ) * invJ + a3r;
                double ckk = (a2 - a4 * cos * invK) * invK + a3r;
                env.gx[j] += cjj * dx[j] + cross * dx[k];
                env.gy[j] += cjj * dy[j] + cross * dy[k];
                env.gz[j] += cjj * dz[j] + cross * dz[k];
                env.gx[k] += ckk * dx[k] + cross * dx[j];
                env.gy[k] += ckk * dy[k] + cross * dy[j];
                env.gz[k] += ckk * dz[k] + cross * dz[j];
            }
        }
        if (!backward) {
            g[t.out] += sum;
        }
    }
}
