// NN-PES (n2p2 2G-HDNNP) site energies, gradients and forces in double precision.
// The host (OpenClNnpPotential) defines, at build time:
//   NT (element types), NPC (unordered type pairs), NSLOT (distinct cutoff radii), MAXSF (largest
//   symmetry-function count), MAXN (largest layer), MAXL (largest number of non-input layers),
//   CUTOFF_CODE (n2p2 cutoff_type 0-8), TANH_PRE (coth^3(1)), RC2 (squared list cutoff, A^2).
// Lengths in A, energies in eV; the parameters are converted on the host (NnpDeviceModel).
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

#define PI_D 3.141592653589793
#define E_D 2.718281828459045

// f_c(r) and df_c/dr (Singraber et al., J. Chem. Theory Comput. 15, 1827 (2019), sec. 2.2;
// the same branches as CutoffFunction.valueAndDerivative). rci = alpha*rc, iw = 1/(rc - rci).
inline double cutoff_fn(double r, double rc, double rci, double iw, double *df) {
    if (r >= rc) { *df = 0.0; return 0.0; }
#if CUTOFF_CODE == 0
    *df = 0.0; return 1.0;
#elif CUTOFF_CODE == 2 || CUTOFF_CODE == 3
    double t = tanh(1.0 - r / rc);
#if CUTOFF_CODE == 3
    double pre = TANH_PRE;
#else
    double pre = 1.0;
#endif
    *df = pre * 3.0 * t * t * (t * t - 1.0) / rc;
    return pre * t * t * t;
#else
    if (r < rci) { *df = 0.0; return 1.0; }
    double x = (r - rci) * iw;
#if CUTOFF_CODE == 5
    *df = iw * x * (6.0 * x - 6.0);
    return (2.0 * x - 3.0) * x * x + 1.0;
#elif CUTOFF_CODE == 6
    double x2 = x * x;
    *df = iw * x2 * ((60.0 - 30.0 * x) * x - 30.0);
    return ((15.0 - 6.0 * x) * x - 10.0) * x2 * x + 1.0;
#elif CUTOFF_CODE == 7
    double x2 = x * x;
    *df = iw * x2 * x * (x * (x * (140.0 * x - 420.0) + 420.0) - 140.0);
    return (x * (x * (20.0 * x - 70.0) + 84.0) - 35.0) * x2 * x2 + 1.0;
#elif CUTOFF_CODE == 8
    double x4 = x * x;
    x4 *= x4;
    *df = iw * x4 * (x * (x * ((2520.0 - 630.0 * x) * x - 3780.0) + 2520.0) - 630.0);
    return (x * (x * ((315.0 - 70.0 * x) * x - 540.0) + 420.0) - 126.0) * x4 * x + 1.0;
#elif CUTOFF_CODE == 1
    *df = iw * (-0.5 * PI_D * sin(PI_D * x));
    return 0.5 * (cos(PI_D * x) + 1.0);
#else
    if (x >= 1.0) { *df = 0.0; return 0.0; }
    double t = 1.0 / (x * x - 1.0);
    double e = E_D * exp(t);
    *df = iw * (-2.0 * x * t * t * e);
    return e;
#endif
#endif
}

// x^n, n >= 0, by squaring
inline double ipow(double x, int n) {
    double r = 1.0;
    while (n > 0) {
        if (n & 1) r *= x;
        x *= x;
        n >>= 1;
    }
    return r;
}

// Bond vectors d_e = (x_j - x_i) + shift_e (as SitePotential forms them, exactly antisymmetric),
// their lengths (-1 beyond the list cutoff: such entries take no part), and the cutoff function of
// every distinct radius. One work-item per atom.
__kernel void bonds(const int n, const int nE, __global const double *x, __global const int *start,
                    __global const int *nbr, __global const double *shift, __global const double *slotP,
                    __global double *bond, __global double *fc, __global double *dfc) {
    int i = get_global_id(0);
    if (i >= n) return;
    double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
    for (int e = start[i]; e < start[i + 1]; e++) {
        int j = nbr[e];
        double dx = (x[3 * j] - xi) + shift[3 * e];
        double dy = (x[3 * j + 1] - yi) + shift[3 * e + 1];
        double dz = (x[3 * j + 2] - zi) + shift[3 * e + 2];
        double r2 = dx * dx + dy * dy + dz * dz;
        double r = r2 < RC2 ? sqrt(r2) : -1.0;
        bond[4 * e] = dx;
        bond[4 * e + 1] = dy;
        bond[4 * e + 2] = dz;
        bond[4 * e + 3] = r;
        for (int s = 0; s < NSLOT; s++) {
            double df = 0.0;
            double f = r >= 0.0 ? cutoff_fn(r, slotP[3 * s], slotP[3 * s + 1], slotP[3 * s + 2], &df) : 0.0;
            fc[s * nE + e] = f;
            dfc[s * nE + e] = df;
        }
    }
}

inline int pair_class(int u, int v) {
    int a = min(u, v), b = max(u, v);
    return a * NT - a * (a - 1) / 2 + (b - a);
}

// Radial terms (types 2, 12; Behler, J. Chem. Phys. 134, 074106 (2011), eq. 6), per list entry:
// radP = (eta, rs, rc, weight), radI = (output index within the element, slot).
// Angular terms (types 3, 9, 13; ibid. eqs. 25-26), per (central type, unordered neighbour type pair)
// class: its distinct exponentials expP = (eta, rs, rc, rc^2), expI = (slot, narrow, index k of its
// per-neighbour factor exp(-eta (r - rs)^2), nexp[e * MAXNK + k], from nexpP = (eta, rs)); its distinct
// powers powP = (lambda, zeta), powI = integer zeta or -1; its functions angI = (output index,
// exponential, power), angP = 2^(1-zeta) * weight. A pair computes each exponential and power once and
// adds their products to the class's table T[a][b] (at tabOff[class]); each function then reads its
// cell: G = 2^(1-zeta) w sum_pairs E_a P_b (the table is a small matrix product, as in NnpKernel).

// One site: symmetry functions, scaling, network forward (and backward), site energy; with
// gradient, the weighted dE/dd of every entry of the row (g, eV/A) and the site's virial
// -sum_e g_e (x) d_e. One work-item per atom.
__kernel void site(const int n, const int nE, const int gradient,
                   __global const int *type, __global const int *start, __global const int *nbr,
                   __global const double *weight,
                   __global const double *bond, __global const double *fc, __global const double *dfc,
                   __global const double *slotP, __global const int *radStart, __global const double *radP, __global const int *radI,
                   __global const int *expStart, __global const double *expP, __global const int *expI,
                   __global const int *nexpStart, __global const double *nexpP, __global double *nexp,
                   __global const int *powStart, __global const double *powP, __global const int *powI,
                   __global const int *angStart, __global const double *angP, __global const int *angI,
                   __global const int *tabOff,
                   __global const int *sfOffset, __global const double *scal,
                   __global const int *netHdr, __global const double *netW, __global const double *elemP,
                   __global double *siteE, __global double *g, __global double *vir,
                   __global int *exCount, __global double *exInfo) {
    int i = get_global_id(0);
    if (i >= n) return;
    int t = type[i];
    int s0 = start[i], s1 = start[i + 1];
    int nsf = sfOffset[t + 1] - sfOffset[t];
    __global const double *sc = scal + 5 * sfOffset[t]; // per function: offset, factor, shift, G_min, G_max
    double G[MAXSF];
    for (int k = 0; k < nsf; k++) G[k] = 0.0;

    // ---- forward: symmetry functions
    for (int e = s0; e < s1; e++) {
        double r = bond[4 * e + 3];
        if (r < 0.0) continue;
        int u = type[nbr[e]];
        int q1 = radStart[t * NT + u + 1];
        for (int q = radStart[t * NT + u]; q < q1; q++) {
            double rc = radP[4 * q + 2];
            if (r >= rc) continue;
            double d = r - radP[4 * q + 1];
            G[radI[2 * q]] += radP[4 * q + 3] * exp(-radP[4 * q] * d * d) * fc[radI[2 * q + 1] * nE + e];
        }
    }
    double T[MAXTAB];
    int tab0 = tabOff[t * NPC];
    for (int k = 0; k < tabOff[t * NPC + NPC] - tab0; k++) T[k] = 0.0;
    // per neighbour, the Gaussian factors of the angular functions: exp(-eta (r_ij - rs)^2)
    {
        int k0 = nexpStart[t], nk = nexpStart[t + 1] - k0;
        for (int e = s0; e < s1; e++) {
            double r = bond[4 * e + 3];
            for (int k = 0; k < nk; k++) {
                double d = r - nexpP[2 * (k0 + k) + 1];
                nexp[e * MAXNK + k] = r < 0.0 ? 0.0 : exp(-nexpP[2 * (k0 + k)] * d * d);
            }
        }
    }
    for (int e1 = s0; e1 < s1; e1++) {
        double r1 = bond[4 * e1 + 3];
        if (r1 < 0.0) continue;
        int u = type[nbr[e1]];
        double x1 = bond[4 * e1], y1 = bond[4 * e1 + 1], z1 = bond[4 * e1 + 2];
        for (int e2 = e1 + 1; e2 < s1; e2++) {
            double r2 = bond[4 * e2 + 3];
            if (r2 < 0.0) continue;
            int c = t * NPC + pair_class(u, type[nbr[e2]]);
            int qa = angStart[c], qb = angStart[c + 1];
            if (qa == qb) continue;
            double x2 = bond[4 * e2], y2 = bond[4 * e2 + 1], z2 = bond[4 * e2 + 2];
            double cosv = (x1 * x2 + y1 * y2 + z1 * z2) / (r1 * r2);
            double ux = x2 - x1, uy = y2 - y1, uz = z2 - z1;
            double rjk2 = ux * ux + uy * uy + uz * uz;
            double rjk = sqrt(rjk2);
            int ea = expStart[c], na = expStart[c + 1] - ea;
            double EF[MAXEXP];
            int any = 0;
            int fslot = -1;
            double fjk = 0.0, dfjk = 0.0;
            for (int a = 0; a < na; a++) {
                __global const double *xp = expP + 4 * (ea + a);
                int slot = expI[3 * (ea + a)];
                int narrow = expI[3 * (ea + a) + 1];
                int nk = expI[3 * (ea + a) + 2];
                double rc = xp[2];
                if (r1 >= rc || r2 >= rc || (narrow && rjk2 >= xp[3])) {
                    EF[a] = 0.0;
                    continue;
                }
                double ff = fc[slot * nE + e1] * fc[slot * nE + e2];
                double en = nexp[e1 * MAXNK + nk] * nexp[e2 * MAXNK + nk];
                if (narrow) {
                    if (slot != fslot) {
                        fjk = cutoff_fn(rjk, rc, slotP[3 * slot + 1], slotP[3 * slot + 2], &dfjk);
                        fslot = slot;
                    }
                    ff *= fjk;
                    double dc = rjk - xp[1];
                    en *= exp(-xp[0] * dc * dc);
                }
                EF[a] = en * ff;
                any = 1;
            }
            if (!any) continue;
            int pa = powStart[c], npw = powStart[c + 1] - pa;
            double P[MAXPOW];
            for (int b = 0; b < npw; b++) {
                double xb = 1.0 + powP[2 * (pa + b)] * cosv;
                int zi = powI[pa + b];
                // (1 + lambda cos)^zeta, taken as 0 where the base is <= 0 (n2p2 sec. 6.1)
                P[b] = xb > 0.0 ? (zi > 0 ? ipow(xb, zi - 1) : pow(xb, powP[2 * (pa + b) + 1] - 1.0)) * xb : 0.0;
            }
            double *tc = T + (tabOff[c] - tab0);
            for (int a = 0; a < na; a++) {
                double ea_ = EF[a];
                for (int b = 0; b < npw; b++) tc[a * npw + b] += ea_ * P[b];
            }
        }
    }
    for (int c = t * NPC; c < t * NPC + NPC; c++) {
        int npw = powStart[c + 1] - powStart[c];
        double *tc = T + (tabOff[c] - tab0);
        for (int q = angStart[c]; q < angStart[c + 1]; q++) {
            G[angI[3 * q]] += angP[q] * tc[angI[3 * q + 1] * npw + angI[3 * q + 2]];
        }
    }

    // ---- scaling (n2p2 sec. 8) and extrapolation bookkeeping
    __global const int *hdr = netHdr + netHdr[t];
    int nl = hdr[0];          // non-input layers
    int norm = hdr[1];        // normalize_nodes
    double Y[(MAXL + 1) * MAXN];
    double D[(MAXL + 1) * MAXN];
    int count = 0;
    double worst = -1.0, worstVal = 0.0;
    int worstFn = -1;
    for (int k = 0; k < nsf; k++) {
        double gk = G[k];
        double lo = sc[5 * k + 3], hi = sc[5 * k + 4];
        if (gk < lo || gk > hi) {
            count++;
            double range = hi - lo;
            double excess = gk < lo ? lo - gk : gk - hi;
            double rel = range > 0 ? excess / range : excess;
            if (rel > worst) {
                worst = rel;
                worstFn = k;
                worstVal = gk;
            }
        }
        Y[k] = sc[5 * k] + sc[5 * k + 1] * (gk - sc[5 * k + 2]);
    }
    exCount[i] = count;
    exInfo[3 * i] = worst;
    exInfo[3 * i + 1] = (double) worstFn;
    exInfo[3 * i + 2] = worstVal;

    // ---- network forward (n2p2 NeuralNetwork::propagateLayer)
    for (int l = 1; l <= nl; l++) {
        int np = hdr[2 + l - 1];
        int nc = hdr[2 + l];
        int act = hdr[2 + nl + l];
        __global const double *w = netW + hdr[3 + 2 * nl + 2 * (l - 1)];
        __global const double *b = netW + hdr[3 + 2 * nl + 2 * (l - 1) + 1];
        double *prev = Y + (l - 1) * MAXN;
        double *y = Y + l * MAXN;
        double *dv = D + l * MAXN;
        for (int k = 0; k < nc; k++) {
            double s = 0.0;
            for (int j = 0; j < np; j++) s += w[k * np + j] * prev[j];
            s += b[k];
            double xv = norm ? s / np : s;
            double yv, dy;
            switch (act) {
                case 0: yv = xv; dy = 1.0; break;                                  // identity
                case 1: yv = tanh(xv); dy = 1.0 - yv * yv; break;                  // tanh
                case 2:                                                            // logistic, clamped
                    if (xv > 35.0) { yv = 1.0; dy = 0.0; }
                    else if (xv < -35.0) { yv = 0.0; dy = 0.0; }
                    else { yv = 1.0 / (1.0 + exp(-xv)); dy = yv * (1.0 - yv); }
                    break;
                case 3:                                                            // softplus, clamped
                    if (xv > 35.0) { yv = xv; dy = 1.0; }
                    else if (xv < -35.0) { yv = 0.0; dy = 0.0; }
                    else { double tt = exp(xv); yv = log(1.0 + tt); dy = 1.0 / (1.0 + 1.0 / tt); }
                    break;
                case 4: if (xv > 0.0) { yv = xv; dy = 1.0; } else { yv = 0.0; dy = 0.0; } break; // relu
                case 5: { double ee = exp(-0.5 * xv * xv); yv = ee; dy = -xv * ee; } break;   // gaussian
                case 6: yv = cos(xv); dy = -sin(xv); break;                                 // cos
                case 7: { double ss = 1.0 / (1.0 + exp(-xv)); yv = 1.0 - ss; dy = ss * (ss - 1.0); } break;
                case 8: { double ee = exp(-xv); yv = ee; dy = -ee; } break;                 // exp
                default: yv = xv * xv; dy = 2.0 * xv; break;                               // harmonic
            }
            y[k] = yv;
            dv[k] = dy;
        }
    }
    double escale = elemP[t];      // eV per internal network energy unit
    double wi = weight[i];
    // epsilon_i = E_i^NN / c_E + E_mean + offset (n2p2 sec. 0, 3, 4), eV
    siteE[i] = escale * Y[nl * MAXN] + elemP[NT + t];
    if (!gradient) return;
    for (int e = s0; e < s1; e++) {
        g[3 * e] = 0.0;
        g[3 * e + 1] = 0.0;
        g[3 * e + 2] = 0.0;
    }
    for (int k = 0; k < 9; k++) vir[9 * i + k] = 0.0;
    if (wi == 0.0) return;

    // ---- network backward: d(output)/d(input) into G (reused)
    {
        double *delta = D + 0;       // layer 0 derivatives are not needed: reuse as scratch
        double gp[MAXN];
        delta[0] = D[nl * MAXN];
        for (int l = nl; l >= 1; l--) {
            int np = hdr[2 + l - 1];
            int nc = hdr[2 + l];
            __global const double *w = netW + hdr[3 + 2 * nl + 2 * (l - 1)];
            for (int j = 0; j < np; j++) gp[j] = 0.0;
            for (int k = 0; k < nc; k++) {
                double dk = norm ? delta[k] / np : delta[k];
                for (int j = 0; j < np; j++) gp[j] += dk * w[k * np + j];
            }
            if (l > 1) {
                for (int j = 0; j < np; j++) delta[j] = gp[j] * D[(l - 1) * MAXN + j];
            }
        }
        // dE/dG = dE/dGs * factor, times eV per network unit and the site weight
        for (int k = 0; k < nsf; k++) G[k] = gp[k] * sc[5 * k + 1] * escale * wi;
    }

    // ---- reverse pass through the symmetry functions
    // the table C[a][b] = sum of dE/dG * 2^(1-zeta) * w over the class's functions in cell (a, b)
    for (int k = 0; k < tabOff[t * NPC + NPC] - tab0; k++) T[k] = 0.0;
    for (int c = t * NPC; c < t * NPC + NPC; c++) {
        int npw = powStart[c + 1] - powStart[c];
        double *tc = T + (tabOff[c] - tab0);
        for (int q = angStart[c]; q < angStart[c + 1]; q++) {
            tc[angI[3 * q + 1] * npw + angI[3 * q + 2]] += G[angI[3 * q]] * angP[q];
        }
    }
    for (int e = s0; e < s1; e++) {
        double r = bond[4 * e + 3];
        if (r < 0.0) continue;
        int u = type[nbr[e]];
        int q1 = radStart[t * NT + u + 1];
        double coef = 0.0;
        for (int q = radStart[t * NT + u]; q < q1; q++) {
            double rc = radP[4 * q + 2];
            if (r >= rc) continue;
            double eta = radP[4 * q];
            double d = r - radP[4 * q + 1];
            int slot = radI[2 * q + 1];
            double ee = radP[4 * q + 3] * exp(-eta * d * d);
            coef += G[radI[2 * q]] * ee * (dfc[slot * nE + e] - 2.0 * eta * d * fc[slot * nE + e]);
        }
        double cr = coef / r; // dr/dd = d/r
        g[3 * e] += cr * bond[4 * e];
        g[3 * e + 1] += cr * bond[4 * e + 1];
        g[3 * e + 2] += cr * bond[4 * e + 2];
    }
    for (int e1 = s0; e1 < s1; e1++) {
        double r1 = bond[4 * e1 + 3];
        if (r1 < 0.0) continue;
        int u = type[nbr[e1]];
        double x1 = bond[4 * e1], y1 = bond[4 * e1 + 1], z1 = bond[4 * e1 + 2];
        double g1x = 0.0, g1y = 0.0, g1z = 0.0;
        for (int e2 = e1 + 1; e2 < s1; e2++) {
            double r2 = bond[4 * e2 + 3];
            if (r2 < 0.0) continue;
            int c = t * NPC + pair_class(u, type[nbr[e2]]);
            int qa = angStart[c], qb = angStart[c + 1];
            if (qa == qb) continue;
            double x2 = bond[4 * e2], y2 = bond[4 * e2 + 1], z2 = bond[4 * e2 + 2];
            double cosv = (x1 * x2 + y1 * y2 + z1 * z2) / (r1 * r2);
            double ux = x2 - x1, uy = y2 - y1, uz = z2 - z1;
            double rjk2 = ux * ux + uy * uy + uz * uz;
            double rjk = sqrt(rjk2);
            // per exponential: EF = E*F and the derivatives of E*F by r_ij, r_ik, r_jk (D1, D2, D3)
            int ea = expStart[c], na = expStart[c + 1] - ea;
            double EF[MAXEXP], D1[MAXEXP], D2[MAXEXP], D3[MAXEXP];
            int any = 0;
            int fslot = -1;
            double fjk = 0.0, dfjk = 0.0;
            for (int a = 0; a < na; a++) {
                __global const double *xp = expP + 4 * (ea + a);
                int slot = expI[3 * (ea + a)];
                int narrow = expI[3 * (ea + a) + 1];
                int nk = expI[3 * (ea + a) + 2];
                double rc = xp[2];
                if (r1 >= rc || r2 >= rc || (narrow && rjk2 >= xp[3])) {
                    EF[a] = 0.0;
                    D1[a] = 0.0;
                    D2[a] = 0.0;
                    D3[a] = 0.0;
                    continue;
                }
                double f1 = fc[slot * nE + e1], f2 = fc[slot * nE + e2];
                double df1 = dfc[slot * nE + e1], df2 = dfc[slot * nE + e2];
                double f3 = 1.0, df3 = 0.0;
                double eta = xp[0], rs = xp[1];
                double da = r1 - rs, db = r2 - rs, dc = rjk - rs;
                double ex = nexp[e1 * MAXNK + nk] * nexp[e2 * MAXNK + nk];
                if (narrow) {
                    if (slot != fslot) {
                        fjk = cutoff_fn(rjk, rc, slotP[3 * slot + 1], slotP[3 * slot + 2], &dfjk);
                        fslot = slot;
                    }
                    f3 = fjk;
                    df3 = dfjk;
                    ex *= exp(-eta * dc * dc);
                }
                double ff = f1 * f2 * f3;
                EF[a] = ex * ff;
                D1[a] = ex * (df1 * f2 * f3 - 2.0 * eta * da * ff);
                D2[a] = ex * (f1 * df2 * f3 - 2.0 * eta * db * ff);
                D3[a] = narrow ? ex * (f1 * f2 * df3 - 2.0 * eta * dc * ff) : 0.0;
                any = 1;
            }
            if (!any) continue;
            int pa = powStart[c], npw = powStart[c + 1] - pa;
            double P[MAXPOW], DP[MAXPOW];
            for (int b = 0; b < npw; b++) {
                double lam = powP[2 * (pa + b)], zeta = powP[2 * (pa + b) + 1];
                double xb = 1.0 + lam * cosv;
                int zi = powI[pa + b];
                if (xb > 0.0) {
                    double pm = zi > 0 ? ipow(xb, zi - 1) : pow(xb, zeta - 1.0);
                    P[b] = pm * xb;
                    DP[b] = zeta * lam * pm; // dP/dcos
                } else {
                    P[b] = 0.0;
                    DP[b] = 0.0;
                }
            }
            // A1 = dT/dr_ij, A2 = dT/dr_ik, A3 = dT/dr_jk, A4 = dT/dcos, summed over the functions
            double a1 = 0.0, a2 = 0.0, a3 = 0.0, a4 = 0.0;
            double *tc = T + (tabOff[c] - tab0);
            for (int a = 0; a < na; a++) {
                double ua = 0.0, va = 0.0;
                for (int b = 0; b < npw; b++) {
                    ua += tc[a * npw + b] * P[b];
                    va += tc[a * npw + b] * DP[b];
                }
                a1 += ua * D1[a];
                a2 += ua * D2[a];
                a3 += ua * D3[a];
                a4 += va * EF[a];
            }
            double inv1 = 1.0 / r1, inv2 = 1.0 / r2;
            double a3r = rjk > 0.0 ? a3 / rjk : 0.0;
            double cross = a4 * inv1 * inv2 - a3r;
            double c11 = (a1 - a4 * cosv * inv1) * inv1 + a3r;
            double c22 = (a2 - a4 * cosv * inv2) * inv2 + a3r;
            g1x += c11 * x1 + cross * x2;
            g1y += c11 * y1 + cross * y2;
            g1z += c11 * z1 + cross * z2;
            g[3 * e2] += c22 * x2 + cross * x1;
            g[3 * e2 + 1] += c22 * y2 + cross * y1;
            g[3 * e2 + 2] += c22 * z2 + cross * z1;
        }
        g[3 * e1] += g1x;
        g[3 * e1 + 1] += g1y;
        g[3 * e1 + 2] += g1z;
    }

    // ---- the site's virial W = -sum_e g_e (x) d_e
    double w9[9] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    for (int e = s0; e < s1; e++) {
        double gx = g[3 * e], gy = g[3 * e + 1], gz = g[3 * e + 2];
        double dx = bond[4 * e], dy = bond[4 * e + 1], dz = bond[4 * e + 2];
        w9[0] -= gx * dx; w9[1] -= gx * dy; w9[2] -= gx * dz;
        w9[3] -= gy * dx; w9[4] -= gy * dy; w9[5] -= gy * dz;
        w9[6] -= gz * dx; w9[7] -= gz * dy; w9[8] -= gz * dz;
    }
    for (int k = 0; k < 9; k++) vir[9 * i + k] = w9[k];
}

// F_i = sum_e g_e - sum_e g_rev(e) over the row of i (SitePotential's gather: no scatter, no races).
__kernel void forces(const int n, __global const int *start, __global const int *rev, __global const double *g,
                     __global double *f) {
    int i = get_global_id(0);
    if (i >= n) return;
    double fx = 0.0, fy = 0.0, fz = 0.0;
    for (int e = start[i]; e < start[i + 1]; e++) {
        int r = rev[e];
        fx += g[3 * e] - g[3 * r];
        fy += g[3 * e + 1] - g[3 * r + 1];
        fz += g[3 * e + 2] - g[3 * r + 2];
    }
    f[3 * i] = fx;
    f[3 * i + 1] = fy;
    f[3 * i + 2] = fz;
}
