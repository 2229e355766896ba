// NN-PES (n2p2 2G-HDNNP) site energies, gradients and forces in double precision.
// The host (OpenClNnpPotential) defines, at build time:
//   NT (element types), NPC (unordered type pairs), NSLOT (distinct cutoff radii), MAXSF (largest
//   symmetry-function count), MAXN (largest layer), MAXL (largest number of non-input layers),
//   CUTOFF_CODE (n2p2 cutoff_type 0-8), TANH_PRE (coth^3(1)), RC2 (squared list cutoff, A^2),
//   MAXEXP (most exponentials of an angular class), MAXPOW4 (most powers of a class, in fours),
//   MAXTAB (largest per-element E x P table, cells), MAXNK (per-neighbour Gaussians),
//   STRIDE (double4 values cached per group of four neighbour pairs for the reverse pass).
// Layouts: per list entry e of nE, one array per component (bond: dx, dy, dz, r; g: gx, gy, gz;
// fc, dfc: per cutoff radius; nexp: per Gaussian), so that four consecutive entries load as a double4.
// Every row is sorted by neighbour type (seg gives the runs): the angular pairs (e1, e2) of one class
// go four second neighbours at a time through the lanes of double4 values (SIMD on CPU devices).
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
        bond[e] = dx;
        bond[nE + e] = dy;
        bond[2 * nE + e] = dz;
        bond[3 * nE + e] = r;
        for (int s = 0; s < NSLOT; s++) {
            double df = 0.0;
            double f = r >= 0.0 ? cutoff_fn(r, slotP[3 * s], slotP[3 * s + 1], slotP[3 * s + 2], &df) : 0.0;
            fc[s * nE + e] = f;
            dfc[s * nE + e] = df;
        }
    }
}

// x^n for four lanes, n >= 0, by squaring (the same products as ipow, lane by lane)
inline double4 ipow4(double4 x, int n) {
    double4 r = (double4) (1.0);
    while (n > 0) {
        if (n & 1) r *= x;
        x *= x;
        n >>= 1;
    }
    return r;
}

// a[e..e+nl) as four lanes (nl <= 4), the missing ones pad
inline double4 lanes(__global const double *restrict a, int e, int nl, double pad) {
    if (nl == 4) return vload4(0, a + e);
    double4 v = (double4) (pad);
    v.x = a[e];
    if (nl > 1) v.y = a[e + 1];
    if (nl > 2) v.z = a[e + 2];
    return v;
}

// a[e..e+nl) += the first nl lanes of v
inline void add_lanes(__global double *restrict a, int e, int nl, double4 v) {
    if (nl == 4) {
        vstore4(vload4(0, a + e) + v, 0, a + e);
        return;
    }
    a[e] += v.x;
    if (nl > 1) a[e + 1] += v.y;
    if (nl > 2) a[e + 2] += v.z;
}

// the cutoff function of four lengths (the branches of cutoff_fn as lane masks)
inline void cutoff4(double4 r, double rc, double rci, double iw, double4 *f, double4 *df) {
    const double4 zero = (double4) (0.0), one = (double4) (1.0);
    long4 out = r >= rc;
#if CUTOFF_CODE == 0
    *df = zero;
    *f = select(one, zero, out);
#elif CUTOFF_CODE == 2 || CUTOFF_CODE == 3
    double4 t = tanh(1.0 - r / rc);
#if CUTOFF_CODE == 3
    double pre = TANH_PRE;
#else
    double pre = 1.0;
#endif
    *df = select(pre * 3.0 * t * t * (t * t - 1.0) / rc, zero, out);
    *f = select(pre * t * t * t, zero, out);
#else
    long4 inner = r < rci;
    double4 x = select((r - rci) * iw, zero, inner);
    double4 v, d;
#if CUTOFF_CODE == 5
    d = iw * x * (6.0 * x - 6.0);
    v = (2.0 * x - 3.0) * x * x + 1.0;
#elif CUTOFF_CODE == 6
    double4 x2 = x * x;
    d = iw * x2 * ((60.0 - 30.0 * x) * x - 30.0);
    v = ((15.0 - 6.0 * x) * x - 10.0) * x2 * x + 1.0;
#elif CUTOFF_CODE == 7
    double4 x2 = x * x;
    d = iw * x2 * x * (x * (x * (140.0 * x - 420.0) + 420.0) - 140.0);
    v = (x * (x * (20.0 * x - 70.0) + 84.0) - 35.0) * x2 * x2 + 1.0;
#elif CUTOFF_CODE == 8
    double4 x4 = x * x;
    x4 *= x4;
    d = iw * x4 * (x * (x * ((2520.0 - 630.0 * x) * x - 3780.0) + 2520.0) - 630.0);
    v = (x * (x * ((315.0 - 70.0 * x) * x - 540.0) + 420.0) - 126.0) * x4 * x + 1.0;
#elif CUTOFF_CODE == 1
    d = iw * (-0.5 * PI_D * sin(PI_D * x));
    v = 0.5 * (cos(PI_D * x) + 1.0);
#else
    out |= x >= 1.0;
    x = select(x, zero, out);
    double4 t = 1.0 / (x * x - 1.0);
    double4 e = E_D * exp(t);
    d = iw * (-2.0 * x * t * t * e);
    v = e;
#endif
    *df = select(select(d, zero, inner), zero, out);
    *f = select(select(v, one, inner), zero, out);
#endif
}

inline int pair_class(int u, int v) {
    int a = min(u, v), b = max(u, v);
    return a * NT - a * (a - 1) / 2 + (b - a);
}

// n2p2's core functions (CoreFunction.valueAndDerivative; Bircher et al., Comput. Phys. Commun. 264,
// 107958 (2021), eqs. 3-6): code 1-4 the polynomials p1-p4, 5 the exponential; 0 <= x <= 1.
inline double core_fn(int code, double x, double *d) {
    switch (code) {
        case 1:
            *d = x * (6.0 * x - 6.0);
            return (2.0 * x - 3.0) * x * x + 1.0;
        case 2: {
            double x2 = x * x;
            *d = x2 * ((60.0 - 30.0 * x) * x - 30.0);
            return ((15.0 - 6.0 * x) * x - 10.0) * x2 * x + 1.0;
        }
        case 3: {
            double x2 = x * x;
            *d = x2 * x * (x * (x * (140.0 * x - 420.0) + 420.0) - 140.0);
            return (x * (x * (20.0 * x - 70.0) + 84.0) - 35.0) * x2 * x2 + 1.0;
        }
        case 4: {
            double x4 = x * x;
            x4 *= x4;
            *d = x4 * (x * (x * ((2520.0 - 630.0 * x) * x - 3780.0) + 2520.0) - 630.0);
            return (x * (x * ((315.0 - 70.0 * x) * x - 540.0) + 420.0) - 126.0) * x4 * x + 1.0;
        }
        default: {
            if (x >= 1.0) { *d = 0.0; return 0.0; }
            double tt = 1.0 / (x * x - 1.0);
            double e = E_D * exp(tt);
            *d = -2.0 * x * tt * tt * e;
            return e;
        }
    }
}

// A compact function C(x) = core(|x - c| / w) (or core((2 - a) a), asymmetric) and dC/dx into *d
// (CompactFunction.valueAndDerivative; Bircher et al. 2021, eq. 7); iw = 1/w.
inline double compact_fn(int code, int asym, double x, double c, double iw, double *d) {
    double a = (x - c) * iw;
    double t = fabs(a);
    double f;
    if (asym) {
        f = core_fn(code, (2.0 - t) * t, d);
        *d *= 2.0 - 2.0 * t;
    } else {
        f = core_fn(code, t, d);
    }
    *d *= copysign(iw, a);
    return f;
}

// One compact angular function (types 21, 22, 24, 25; Bircher et al. 2021, eqs. 9-10) of the site
// whose row is [s0, s1): returns G (forward), or with backward adds w dG/dd to g and returns 0.
// cp = (r_l, r_c, r_c^2, r_l^2 or 0, radial centre, 1/half width, theta_l, theta_r, angular centre,
// 1/half width), ci = (output, narrow, weighted, t1, t2, core code + 8 * radial asymmetry).
inline double compact_angular(__global const double *restrict cp, __global const int *restrict ci, int nE, int s0, int s1,
                              __global const int *restrict type, __global const int *restrict nbr,
                              __global const double *restrict bond, __global const double *restrict elemP,
                              int backward, double w, __global double *restrict g) {
    double rl = cp[0], rc = cp[1], rc2 = cp[2], rl2 = cp[3], rcen = cp[4], riw = cp[5];
    double al = cp[6], ar = cp[7], acen = cp[8], aiw = cp[9];
    int narrow = ci[1], weighted = ci[2], t1 = ci[3], t2 = ci[4];
    int code = ci[5] & 7, asym = ci[5] >> 3;
    int mixed = !weighted && t1 != t2;
    double sum = 0.0;
    for (int e1 = s0; e1 < s1; e1++) {
        double r1 = bond[3 * nE + e1];
        if (r1 < 0.0 || !(r1 > rl && r1 < rc)) continue;
        int tj = type[nbr[e1]];
        if (!weighted && tj != t1 && tj != t2) continue;
        double dc1;
        double c1 = compact_fn(code, asym, r1, rcen, riw, &dc1);
        double x1 = bond[e1], y1 = bond[nE + e1], z1 = bond[2 * nE + e1];
        double g1x = 0.0, g1y = 0.0, g1z = 0.0;
        for (int e2 = e1 + 1; e2 < s1; e2++) {
            double r2 = bond[3 * nE + e2];
            if (r2 < 0.0 || !(r2 > rl && r2 < rc)) continue;
            int tk = type[nbr[e2]];
            if (!weighted && tk != t1 && tk != t2) continue;
            if (mixed && tk == tj) continue;
            double x2 = bond[e2], y2 = bond[nE + e2], z2 = bond[2 * nE + e2];
            double cosv = (x1 * x2 + y1 * y2 + z1 * z2) / (r1 * r2);
            if (!(cosv > -1.0 && cosv < 1.0)) continue; // n2p2 skips |cos| >= 1
            double theta = acos(cosv);
            if (!(theta >= al && theta <= ar)) continue;
            double cjk = 1.0, dcjk = 0.0, rjk = 1.0;
            if (narrow) {
                double ux = x2 - x1, uy = y2 - y1, uz = z2 - z1;
                double rjk2 = ux * ux + uy * uy + uz * uz;
                if (rjk2 >= rc2 || rjk2 <= rl2) continue;
                rjk = sqrt(rjk2);
                cjk = compact_fn(code, asym, rjk, rcen, riw, &dcjk);
            }
            double dc2;
            double c2 = compact_fn(code, asym, r2, rcen, riw, &dc2);
            double dang;
            double ang = compact_fn(code, 0, theta, acen, aiw, &dang);
            double zz = weighted ? elemP[2 * NT + tj] * elemP[2 * NT + tk] : 1.0;
            double rad = c1 * c2 * cjk;
            if (!backward) {
                sum += zz * rad * ang;
                continue;
            }
            double c = w * zz;
            double a1 = c * dc1 * c2 * cjk * ang;
            double a2 = c * c1 * dc2 * cjk * ang;
            double a4 = c * rad * dang * (-1.0 / sqrt(1.0 - cosv * cosv)); // dtheta/dcos
            double a3r = narrow ? c * c1 * c2 * dcjk * ang / rjk : 0.0;
            double inv1 = 1.0 / r1, inv2 = 1.0 / r2;
            double cross = a4 * inv1 * inv2 - a3r;
            double c11 = (a1 - a4 * cosv * inv1) * inv1 + a3r;
            double c22 = (a2 - a4 * cosv * inv2) * inv2 + a3r;
            g1x += c11 * x1 + cross * x2;
            g1y += c11 * y1 + cross * y2;
            g1z += c11 * z1 + cross * z2;
            g[e2] += c22 * x2 + cross * x1;
            g[nE + e2] += c22 * y2 + cross * y1;
            g[2 * nE + e2] += c22 * z2 + cross * z1;
        }
        if (backward) {
            g[e1] += g1x;
            g[nE + e1] += g1y;
            g[2 * nE + e1] += g1z;
        }
    }
    return sum;
}

// Radial terms (types 2, 12; Behler, J. Chem. Phys. 134, 074106 (2011), eq. 6), per list entry:
// radP = (eta, rs, rc, weight), radI = (output index within the element, slot). Compact radial terms
// (types 20, 23; Bircher et al. 2021, eq. 8) per (central, neighbour type): cradP = (r_l, r_c, centre,
// 1/half width, weight), cradI = (output, core code, asymmetric).
// Angular terms (types 3, 9, 13; Behler 2011, eqs. 25-26), per (central type, unordered neighbour type
// pair) class: its distinct exponentials expP = (eta, rs, rc, rc^2), expI = (slot, narrow, index k of its
// per-neighbour factor exp(-eta (r - rs)^2), nexp[k * nE + e], from nexpP = (eta, rs)); its distinct
// powers powP = (lambda, zeta), powI = integer zeta or -1, padded with (0, 1) to a multiple of four; its
// functions angI = (output index, exponential, power), angP = 2^(1-zeta) * weight. A pair computes each
// exponential and power once and adds their products to the class's table T[a][b] (a double4 per cell whose
// lanes are four pairs, at tabOff[class]); each function then reads its cell (lanes summed): G = 2^(1-zeta) w sum_pairs E_a P_b.
//
// The forward pass caches, per group of up to four pairs that contributes, what the reverse pass needs
// (cos, r_jk, E_a f_c(r_jk), E_a f_c'(r_jk), (1 + lambda cos)^(zeta-1), as double4 lanes) in pcache
// (STRIDE double4) and the group's (e1, first e2, lanes) in pidx, in the work-item's slot: the
// reverse pass computes no exponential or power again.

// One site: symmetry functions, scaling, network forward (and backward), site energy; with
// gradient, the weighted dE/dd of every entry of the row (g, eV/A) and the site's virial
// -sum_e g_e (x) d_e, for site i; pc and pix: the pair cache of the calling work-item.
inline void site_atom(const int i, const int nE, const int gradient,
                   __global const int *restrict type, __global const int *restrict start,
                   __global const int *restrict nbr, __global const double *restrict weight,
                   __global const double *restrict bond, __global const double *restrict fc,
                   __global const double *restrict dfc, __global const double *restrict slotP,
                   __global const int *restrict radStart, __global const double *restrict radP,
                   __global const int *restrict radI,
                   __global const int *restrict cradStart, __global const double *restrict cradP,
                   __global const int *restrict cradI,
                   __global const int *restrict expStart, __global const double *restrict expP,
                   __global const int *restrict expI,
                   __global const int *restrict nexpStart, __global const double *restrict nexpP,
                   __global double *restrict nexp,
                   __global const int *restrict powStart, __global const double *restrict powP,
                   __global const int *restrict powI,
                   __global const int *restrict angStart, __global const double *restrict angP,
                   __global const int *restrict angI, __global const int *restrict tabOff,
                   __global const int *restrict cangStart, __global const double *restrict cangP,
                   __global const int *restrict cangI,
                   __global const int *restrict sfOffset, __global const double *restrict scal,
                   __global const int *restrict netHdr, __global const double *restrict netW,
                   __global const double *restrict elemP,
                   __global const int *restrict seg,
                   __global double4 *restrict pc, __global int *restrict pix,
                   __global double *restrict siteE, __global double *restrict g, __global double *restrict vir,
                   __global int *restrict exCount, __global double *restrict exInfo) {

    int t = type[i];
    int s0 = start[i], s1 = start[i + 1];
    int nsf = sfOffset[t + 1] - sfOffset[t];
    __global const double *sc = scal + 5 * sfOffset[t]; // per function: offset, factor, shift, G_min, G_max
    double wi = weight[i];
    int cache = gradient && wi != 0.0;
    double G[MAXSF];
    for (int k = 0; k < nsf; k++) G[k] = 0.0;

    // ---- forward: radial symmetry functions
    for (int e = s0; e < s1; e++) {
        double r = bond[3 * nE + e];
        if (r < 0.0) continue;
        int u = type[nbr[e]];
        int q1 = radStart[t * NT + u + 1];
        for (int q = radStart[t * NT + u]; q < q1; q++) {
            double rc = radP[4 * q + 2];
            if (r >= rc) continue;
            double d = r - radP[4 * q + 1];
            G[radI[2 * q]] += radP[4 * q + 3] * exp(-radP[4 * q] * d * d) * fc[radI[2 * q + 1] * nE + e];
        }
        q1 = cradStart[t * NT + u + 1];
        for (int q = cradStart[t * NT + u]; q < q1; q++) {
            __global const double *cp = cradP + 5 * q;
            if (!(r > cp[0] && r < cp[1])) continue;
            double dd;
            G[cradI[3 * q]] += cp[4] * compact_fn(cradI[3 * q + 1], cradI[3 * q + 2], r, cp[2], cp[3], &dd);
        }
    }
    // the E x P tables of the angular classes: one double4 per cell, whose lanes are four neighbour
    // pairs taken together (summed when the functions read their cells)
    double4 T[MAXTAB];
    int tab0 = tabOff[t * NPC];
    int ntab = tabOff[t * NPC + NPC] - tab0;
    for (int k = 0; k < ntab; k++) T[k] = (double4) (0.0);
    // per neighbour, the Gaussian factors of the angular functions: exp(-eta (r_ij - rs)^2)
    {
        int k0 = nexpStart[t], nk = nexpStart[t + 1] - k0;
        for (int e = s0; e < s1; e++) {
            double r = bond[3 * nE + e];
            for (int k = 0; k < nk; k++) {
                double d = r - nexpP[2 * (k0 + k) + 1];
                nexp[k * nE + e] = r < 0.0 ? 0.0 : exp(-nexpP[2 * (k0 + k)] * d * d);
            }
        }
    }
    // the row is sorted by neighbour type: seg[v]..seg[v+1] are the neighbours of type v, so that a
    // run of second neighbours shares its class and four of them go through the same SIMD lanes
    __global const int *sg = seg + i * (NT + 1);
    int np = 0;
    for (int e1 = s0; e1 < s1; e1++) {
        double r1 = bond[3 * nE + e1];
        if (r1 < 0.0) continue;
        int u = type[nbr[e1]];
        double x1 = bond[e1], y1 = bond[nE + e1], z1 = bond[2 * nE + e1];
        for (int v = u; v < NT; v++) {
            int c = t * NPC + pair_class(u, v);
            if (angStart[c] == angStart[c + 1]) continue;
            int lo = max(e1 + 1, sg[v]), hi = sg[v + 1];
            int ea = expStart[c], na = expStart[c + 1] - ea;
            int pa = powStart[c], npw = powStart[c + 1] - pa;
            double4 *tc = T + (tabOff[c] - tab0);
            for (int e2 = lo; e2 < hi; e2 += 4) {
                int nl = min(4, hi - e2);
                double4 x2 = lanes(bond, e2, nl, 0.0);
                double4 y2 = lanes(bond + nE, e2, nl, 0.0);
                double4 z2 = lanes(bond + 2 * nE, e2, nl, 0.0);
                double4 r2 = lanes(bond + 3 * nE, e2, nl, -1.0);
                double4 cosv = (x1 * x2 + y1 * y2 + z1 * z2) / (r1 * r2);
                double4 ux = x2 - x1, uy = y2 - y1, uz = z2 - z1;
                double4 rjk2 = ux * ux + uy * uy + uz * uz;
                double4 rjk = sqrt(rjk2);
                // per exponential a: G3 = E_a f_c(r_jk), H3 = E_a f_c'(r_jk) (narrow; wide: E_a and 0),
                // EF = G3 f_c(r_ij) f_c(r_ik); zero where a cutoff excludes the pair
                double4 G3[MAXEXP], H3[MAXEXP], EF[MAXEXP];
                long4 anyLive = (long4) (0);
                int fslot = -1;
                double4 fjk = (double4) (0.0), dfjk = (double4) (0.0);
                for (int a = 0; a < na; a++) {
                    __global const double *xp = expP + 4 * (ea + a);
                    int slot = expI[3 * (ea + a)];
                    int narrow = expI[3 * (ea + a) + 1];
                    int nk = expI[3 * (ea + a) + 2];
                    double rc = xp[2];
                    long4 live = (r2 >= 0.0) & (r2 < rc);
                    if (r1 >= rc) live = (long4) (0);
                    double4 en = nexp[nk * nE + e1] * lanes(nexp + nk * nE, e2, nl, 0.0);
                    if (narrow) {
                        live &= rjk2 < xp[3];
                        if (slot != fslot) {
                            cutoff4(rjk, slotP[3 * slot], slotP[3 * slot + 1], slotP[3 * slot + 2], &fjk, &dfjk);
                            fslot = slot;
                        }
                        double4 dc = rjk - xp[1];
                        en *= exp(-xp[0] * dc * dc);
                        G3[a] = select((double4) (0.0), en * fjk, live);
                        H3[a] = select((double4) (0.0), en * dfjk, live);
                    } else {
                        G3[a] = select((double4) (0.0), en, live);
                        H3[a] = (double4) (0.0);
                    }
                    EF[a] = G3[a] * (fc[slot * nE + e1] * lanes(fc + slot * nE, e2, nl, 0.0));
                    anyLive |= live;
                }
                if (!any(anyLive)) continue;
                double4 PM[4 * MAXPOW4], P[4 * MAXPOW4];
                for (int b = 0; b < npw; b++) {
                    double4 xb = 1.0 + powP[2 * (pa + b)] * cosv;
                    int zi = powI[pa + b];
                    // (1 + lambda cos)^zeta, taken as 0 where the base is <= 0 (n2p2 sec. 6.1)
                    double4 pm = zi > 0 ? ipow4(xb, zi - 1) : pow(xb, (double4) (powP[2 * (pa + b) + 1] - 1.0));
                    pm = select((double4) (0.0), pm, xb > 0.0);
                    PM[b] = pm;
                    P[b] = pm * xb;
                }
                for (int a = 0; a < na; a++) {
                    double4 ef = EF[a];
                    for (int b = 0; b < npw; b++) tc[a * npw + b] += ef * P[b];
                }
                if (cache) {
                    __global double4 *pq = pc + (long) np * STRIDE;
                    pq[0] = cosv;
                    pq[1] = rjk;
                    for (int a = 0; a < na; a++) {
                        pq[2 + a] = G3[a];
                        pq[2 + MAXEXP + a] = H3[a];
                    }
                    for (int b = 0; b < npw; b++) pq[2 + 2 * MAXEXP + b] = PM[b];
                    pix[3 * np] = e1;
                    pix[3 * np + 1] = e2;
                    pix[3 * np + 2] = nl;
                    np++;
                }
            }
        }
    }
    for (int c = t * NPC; c < t * NPC + NPC; c++) {
        int npw = powStart[c + 1] - powStart[c];
        double4 *tc = T + (tabOff[c] - tab0);
        for (int q = angStart[c]; q < angStart[c + 1]; q++) {
            double4 cell = tc[angI[3 * q + 1] * npw + angI[3 * q + 2]];
            G[angI[3 * q]] += angP[q] * (cell.x + cell.y + cell.z + cell.w);
        }
    }
    for (int q = cangStart[t]; q < cangStart[t + 1]; q++) {
        G[cangI[6 * q]] += compact_angular(cangP + 10 * q, cangI + 6 * q, nE, s0, s1, type, nbr, bond, elemP, 0, 0.0, g);
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
    // epsilon_i = E_i^NN / c_E + E_mean + offset (n2p2 sec. 0, 3, 4), eV
    siteE[i] = escale * Y[nl * MAXN] + elemP[NT + t];
    if (!gradient) return;
    for (int e = s0; e < s1; e++) {
        g[e] = 0.0;
        g[nE + e] = 0.0;
        g[2 * nE + e] = 0.0;
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
    double C[MAXTAB];
    for (int k = 0; k < ntab; k++) C[k] = 0.0;
    for (int c = t * NPC; c < t * NPC + NPC; c++) {
        int npw = powStart[c + 1] - powStart[c];
        double *cc = C + (tabOff[c] - tab0);
        for (int q = angStart[c]; q < angStart[c + 1]; q++) {
            cc[angI[3 * q + 1] * npw + angI[3 * q + 2]] += G[angI[3 * q]] * angP[q];
        }
    }
    for (int e = s0; e < s1; e++) {
        double r = bond[3 * nE + e];
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
        q1 = cradStart[t * NT + u + 1];
        for (int q = cradStart[t * NT + u]; q < q1; q++) {
            __global const double *cp = cradP + 5 * q;
            if (!(r > cp[0] && r < cp[1])) continue;
            double dd;
            compact_fn(cradI[3 * q + 1], cradI[3 * q + 2], r, cp[2], cp[3], &dd);
            coef += G[cradI[3 * q]] * cp[4] * dd;
        }
        double cr = coef / r; // dr/dd = d/r
        g[e] += cr * bond[e];
        g[nE + e] += cr * bond[nE + e];
        g[2 * nE + e] += cr * bond[2 * nE + e];
    }
    // the angular pairs, four at a time, from the forward pass's cache
    for (int q = 0; q < np; q++) {
        int e1 = pix[3 * q], e2 = pix[3 * q + 1], nl = pix[3 * q + 2];
        __global const double4 *pq = pc + (long) q * STRIDE;
        double r1 = bond[3 * nE + e1];
        double x1 = bond[e1], y1 = bond[nE + e1], z1 = bond[2 * nE + e1];
        double4 x2 = lanes(bond, e2, nl, 0.0);
        double4 y2 = lanes(bond + nE, e2, nl, 0.0);
        double4 z2 = lanes(bond + 2 * nE, e2, nl, 0.0);
        double4 r2 = lanes(bond + 3 * nE, e2, nl, -1.0);
        int c = t * NPC + pair_class(type[nbr[e1]], type[nbr[e2]]);
        double4 cosv = pq[0], rjk = pq[1];
        int pa = powStart[c], npw = powStart[c + 1] - pa;
        double4 P[4 * MAXPOW4], DP[4 * MAXPOW4];
        for (int b = 0; b < npw; b++) {
            double lam = powP[2 * (pa + b)];
            double4 pm = pq[2 + 2 * MAXEXP + b];
            P[b] = pm * (1.0 + lam * cosv);
            DP[b] = (powP[2 * (pa + b) + 1] * lam) * pm; // dP/dcos
        }
        // per exponential: EF = E*F and the derivatives of E*F by r_ij, r_ik, r_jk (D1, D2, D3);
        // A1 = dT/dr_ij, A2 = dT/dr_ik, A3 = dT/dr_jk, A4 = dT/dcos, summed over the functions
        int ea = expStart[c], na = expStart[c + 1] - ea;
        double *cc = C + (tabOff[c] - tab0);
        double4 a1 = (double4) (0.0), a2 = (double4) (0.0), a3 = (double4) (0.0), a4 = (double4) (0.0);
        for (int a = 0; a < na; a++) {
            double4 g3 = pq[2 + a];
            double4 h3 = pq[2 + MAXEXP + a];
            __global const double *xp = expP + 4 * (ea + a);
            int slot = expI[3 * (ea + a)];
            int narrow = expI[3 * (ea + a) + 1];
            double f1 = fc[slot * nE + e1], df1 = dfc[slot * nE + e1];
            double4 f2 = lanes(fc + slot * nE, e2, nl, 0.0);
            double4 df2 = lanes(dfc + slot * nE, e2, nl, 0.0);
            double eta2 = 2.0 * xp[0], rs = xp[1];
            double4 f12 = f1 * f2;
            double4 ef = g3 * f12;
            double4 d1 = g3 * (df1 * f2 - (eta2 * (r1 - rs)) * f12);
            double4 d2 = g3 * (f1 * df2 - eta2 * (r2 - rs) * f12);
            double4 ua = (double4) (0.0), va = (double4) (0.0);
            for (int b = 0; b < npw; b++) {
                double w = cc[a * npw + b];
                ua += w * P[b];
                va += w * DP[b];
            }
            a1 += ua * d1;
            a2 += ua * d2;
            if (narrow) a3 += ua * (f12 * (h3 - eta2 * (rjk - rs) * g3));
            a4 += va * ef;
        }
        double inv1 = 1.0 / r1;
        double4 inv2 = 1.0 / r2;
        double4 a3r = select((double4) (0.0), a3 / rjk, rjk > 0.0);
        double4 cross = a4 * inv1 * inv2 - a3r;
        double4 c11 = (a1 - a4 * cosv * inv1) * inv1 + a3r;
        double4 c22 = (a2 - a4 * cosv * inv2) * inv2 + a3r;
        double4 gx1 = c11 * x1 + cross * x2, gy1 = c11 * y1 + cross * y2, gz1 = c11 * z1 + cross * z2;
        g[e1] += (gx1.x + gx1.y) + (gx1.z + gx1.w);
        g[nE + e1] += (gy1.x + gy1.y) + (gy1.z + gy1.w);
        g[2 * nE + e1] += (gz1.x + gz1.y) + (gz1.z + gz1.w);
        add_lanes(g, e2, nl, c22 * x2 + cross * x1);
        add_lanes(g + nE, e2, nl, c22 * y2 + cross * y1);
        add_lanes(g + 2 * nE, e2, nl, c22 * z2 + cross * z1);
    }
    for (int q = cangStart[t]; q < cangStart[t + 1]; q++) {
        double wq = G[cangI[6 * q]];
        if (wq != 0.0) compact_angular(cangP + 10 * q, cangI + 6 * q, nE, s0, s1, type, nbr, bond, elemP, 1, wq, g);
    }

    // ---- the site's virial W = -sum_e g_e (x) d_e
    double w9[9] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    for (int e = s0; e < s1; e++) {
        double gx = g[e], gy = g[nE + e], gz = g[2 * nE + e];
        double dx = bond[e], dy = bond[nE + e], dz = bond[2 * nE + e];
        w9[0] -= gx * dx; w9[1] -= gx * dy; w9[2] -= gx * dz;
        w9[3] -= gy * dx; w9[4] -= gy * dy; w9[5] -= gy * dz;
        w9[6] -= gz * dx; w9[7] -= gz * dy; w9[8] -= gz * dz;
    }
    for (int k = 0; k < 9; k++) vir[9 * i + k] = w9[k];
}

// One site per turn: each work-item takes the next atom from the counter *next until none is
// left (dynamic balance, one launch), with its own slot of the pair cache (slotGroups groups).
__kernel void site(const int n, const int nE, const int gradient, const long slotGroups,
                   volatile __global int *next,
                   __global const int *restrict type, __global const int *restrict start,
                   __global const int *restrict nbr, __global const double *restrict weight,
                   __global const double *restrict bond, __global const double *restrict fc,
                   __global const double *restrict dfc, __global const double *restrict slotP,
                   __global const int *restrict radStart, __global const double *restrict radP,
                   __global const int *restrict radI,
                   __global const int *restrict cradStart, __global const double *restrict cradP,
                   __global const int *restrict cradI,
                   __global const int *restrict expStart, __global const double *restrict expP,
                   __global const int *restrict expI,
                   __global const int *restrict nexpStart, __global const double *restrict nexpP,
                   __global double *restrict nexp,
                   __global const int *restrict powStart, __global const double *restrict powP,
                   __global const int *restrict powI,
                   __global const int *restrict angStart, __global const double *restrict angP,
                   __global const int *restrict angI, __global const int *restrict tabOff,
                   __global const int *restrict cangStart, __global const double *restrict cangP,
                   __global const int *restrict cangI,
                   __global const int *restrict sfOffset, __global const double *restrict scal,
                   __global const int *restrict netHdr, __global const double *restrict netW,
                   __global const double *restrict elemP,
                   __global const int *restrict seg,
                   __global double4 *restrict pcache, __global int *restrict pidx,
                   __global double *restrict siteE, __global double *restrict g, __global double *restrict vir,
                   __global int *restrict exCount, __global double *restrict exInfo) {
    long slot = get_global_id(0);
    __global double4 *pc = pcache + slot * slotGroups * STRIDE;
    __global int *pix = pidx + 3 * slot * slotGroups;
    for (;;) {
        int i = atomic_inc(next);
        if (i >= n) return;
        site_atom(i, nE, gradient, type, start, nbr, weight, bond, fc, dfc, slotP, radStart, radP, radI, cradStart, cradP, cradI, expStart, expP, expI, nexpStart, nexpP, nexp, powStart, powP, powI, angStart, angP, angI, tabOff, cangStart, cangP, cangI, sfOffset, scal, netHdr, netW, elemP, seg, pc, pix, siteE, g, vir, exCount, exInfo);
    }
}

// F_i = sum_e g_e - sum_e g_rev(e) over the row of i (SitePotential's gather: no scatter, no races).
__kernel void forces(const int n, const int nE, __global const int *start, __global const int *rev, __global const double *g,
                     __global double *f) {
    int i = get_global_id(0);
    if (i >= n) return;
    double fx = 0.0, fy = 0.0, fz = 0.0;
    for (int e = start[i]; e < start[i + 1]; e++) {
        int r = rev[e];
        fx += g[e] - g[r];
        fy += g[nE + e] - g[nE + r];
        fz += g[2 * nE + e] - g[2 * nE + r];
    }
    f[3 * i] = fx;
    f[3 * i + 1] = fy;
    f[3 * i + 2] = fz;
}
