package org.isthmus.continuum.solve;

import java.util.Arrays;

import no.uib.cipr.matrix.sparse.CompRowMatrix;

import org.isthmus.continuum.ConvergenceException;

/**
 * Direct solution of a sparse system A x = b after a reverse Cuthill–McKee ordering (George &amp;
 * Liu, Computer Solution of Large Sparse Positive Definite Systems, 1981, §4.3) that makes A a
 * band matrix of half-bandwidth w: a band Cholesky factorisation (cost ≈ n w²) when A is
 * symmetric and positive definite, otherwise Gaussian elimination with partial pivoting inside
 * the band (LAPACK dgbtrf's scheme: the upper band widens by the lower one; cost ≈ 2 n w²).
 * Finite-element matrices of a few thousand unknowns factor in milliseconds to a second this way,
 * where a dense factorisation costs n³/3. A zero pivot (a singular matrix: a mechanism, a body
 * without enough supports) is a {@link ConvergenceException}.
 */
final class BandDirect {
    private BandDirect() {
    }

    /** Solves A x = b; returns the method's name. A's sparsity pattern is symmetrised for the ordering. */
    static String solve(CompRowMatrix k, double[] b, double[] x, boolean symmetric) {
        int n = b.length;
        int[] rp = k.getRowPointers();
        int[] ci = k.getColumnIndices();
        double[] a = k.getData();
        int[] perm = ReverseCuthillMcKee.order(n, rp, ci);
        int[] inv = new int[n];
        for (int i = 0; i < n; i++) {
            inv[perm[i]] = i;
        }
        for (double v : a) {
            if (!Double.isFinite(v)) {
                throw new ConvergenceException("the matrix has a non-finite entry " + v);
            }
        }
        int lower = 0;
        int upper = 0;
        for (int i = 0; i < n; i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                if (a[p] != 0) {
                    int d = inv[ci[p]] - inv[i];
                    upper = Math.max(upper, d);
                    lower = Math.max(lower, -d);
                }
            }
        }
        double[] pb = new double[n];
        for (int i = 0; i < n; i++) {
            pb[inv[i]] = b[i];
        }
        String name;
        double[] y = symmetric ? cholesky(n, Math.max(lower, upper), rp, ci, a, inv, pb) : null;
        if (y != null) {
            name = "direct band Cholesky (RCM, half-bandwidth " + Math.max(lower, upper) + ")";
        } else {
            y = lu(n, lower, upper, rp, ci, a, inv, pb);
            name = "direct band LU with partial pivoting (RCM, bandwidths " + lower + "/" + upper + ")"
                    + (symmetric ? ", matrix not positive definite" : "");
        }
        for (int i = 0; i < n; i++) {
            x[i] = y[inv[i]];
        }
        return name;
    }

    /**
     * Bytes the band LU of A would need after RCM ordering (n · (2 kl + ku + 1) doubles), so that a
     * caller can decide whether a direct solve fits in memory.
     */
    static long luBytes(CompRowMatrix k) {
        int n = k.numRows();
        int[] rp = k.getRowPointers();
        int[] ci = k.getColumnIndices();
        double[] a = k.getData();
        int[] perm = ReverseCuthillMcKee.order(n, rp, ci);
        int[] inv = new int[n];
        for (int i = 0; i < n; i++) {
            inv[perm[i]] = i;
        }
        int w = 0;
        for (int i = 0; i < n; i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                if (a[p] != 0) {
                    w = Math.max(w, Math.abs(inv[ci[p]] - inv[i]));
                }
            }
        }
        return 8L * n * (3L * w + 1);
    }

    /** Band Cholesky A = UᵀU (row i of U stored at i·(w+1), columns i..i+w); null if A is not SPD. */
    private static double[] cholesky(int n, int w, int[] rp, int[] ci, double[] a, int[] inv, double[] b) {
        int s = w + 1;
        double[] u = new double[n * s];
        for (int i = 0; i < n; i++) {
            int pi = inv[i];
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                int pj = inv[ci[p]];
                if (pj >= pi && a[p] != 0) {
                    u[pi * s + (pj - pi)] = a[p];
                }
            }
        }
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(u[i * s]));
        }
        for (int i = 0; i < n; i++) {
            int ri = i * s;
            double piv = u[ri];
            if (!(piv > 1e-14 * scale)) {
                return null;
            }
            double d = Math.sqrt(piv);
            int len = Math.min(w, n - 1 - i);
            for (int c = 1; c <= len; c++) {
                u[ri + c] /= d;
            }
            u[ri] = d;
            // rows below: row j = i + c gets −u_ic u_i(j..), columns j..i+len
            for (int c = 1; c <= len; c++) {
                double uic = u[ri + c];
                if (uic == 0) {
                    continue;
                }
                int rj = (i + c) * s - c; // so that rj + col offset from i indexes row i+c
                for (int e = c; e <= len; e++) {
                    u[rj + e] -= uic * u[ri + e];
                }
            }
        }
        // Uᵀ y = b, then U x = y
        double[] y = b.clone();
        for (int i = 0; i < n; i++) {
            int ri = i * s;
            double yi = y[i] / u[ri];
            y[i] = yi;
            int len = Math.min(w, n - 1 - i);
            for (int c = 1; c <= len; c++) {
                y[i + c] -= u[ri + c] * yi;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            int ri = i * s;
            double t = y[i];
            int len = Math.min(w, n - 1 - i);
            for (int c = 1; c <= len; c++) {
                t -= u[ri + c] * y[i + c];
            }
            y[i] = t / u[ri];
        }
        return y;
    }

    /**
     * Band LU with partial pivoting, eliminating on the right-hand side as it goes. Row i is
     * stored at i·s with column j at offset j − i + kl, s = 2kl + ku + 1 (columns i − kl .. i +
     * kl + ku: a row swapped up from at most kl rows below brings at most kl more columns).
     */
    private static double[] lu(int n, int kl, int ku, int[] rp, int[] ci, double[] a, int[] inv, double[] b) {
        int s = 2 * kl + ku + 1;
        double[] m = new double[n * s];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            int pi = inv[i];
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                if (a[p] == 0) {
                    continue; // stored zeros may lie outside the band
                }
                int pj = inv[ci[p]];
                m[pi * s + pj - pi + kl] += a[p];
                scale = Math.max(scale, Math.abs(a[p]));
            }
        }
        double[] y = b.clone();
        int reach = kl + ku;
        for (int k = 0; k < n; k++) {
            int last = Math.min(n - 1, k + kl);
            int piv = k;
            double best = Math.abs(m[k * s + kl]);
            for (int r = k + 1; r <= last; r++) {
                double v = Math.abs(m[r * s + k - r + kl]);
                if (v > best) {
                    best = v;
                    piv = r;
                }
            }
            if (!(best > 1e-14 * scale)) {
                throw new ConvergenceException("the matrix is singular: zero pivot at unknown " + k + " of " + n
                        + " in band LU (a mechanism or a body without enough supports?)");
            }
            int cEnd = Math.min(n - 1, k + reach);
            if (piv != k) {
                for (int c = k; c <= cEnd; c++) {
                    int ik = k * s + c - k + kl;
                    int ip = piv * s + c - piv + kl;
                    double t = m[ik];
                    m[ik] = m[ip];
                    m[ip] = t;
                }
                double t = y[k];
                y[k] = y[piv];
                y[piv] = t;
            }
            int rk = k * s - k + kl;
            double pivot = m[rk + k];
            for (int r = k + 1; r <= last; r++) {
                int rr = r * s - r + kl;
                double l = m[rr + k] / pivot;
                if (l == 0) {
                    continue;
                }
                m[rr + k] = 0;
                for (int c = k + 1; c <= cEnd; c++) {
                    m[rr + c] -= l * m[rk + c];
                }
                y[r] -= l * y[k];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            int ri = i * s - i + kl;
            double t = y[i];
            int cEnd = Math.min(n - 1, i + reach);
            for (int c = i + 1; c <= cEnd; c++) {
                t -= m[ri + c] * y[c];
            }
            y[i] = t / m[ri + i];
        }
        return y;
    }

}
