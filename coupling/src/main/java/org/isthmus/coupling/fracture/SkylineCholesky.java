package org.isthmus.coupling.fracture;

import java.util.Arrays;

import org.isthmus.continuum.ConvergenceException;
import org.isthmus.continuum.solve.ReverseCuthillMcKee;

/**
 * The Cholesky factor L Lᵀ = A of a sparse symmetric positive definite matrix in skyline
 * (envelope) storage after a reverse Cuthill–McKee ordering (George &amp; Liu, Computer Solution
 * of Large Sparse Positive Definite Systems, 1981, §4.3–4.4): row i of L is stored from its first
 * non-zero column f_i to the diagonal, and the factor fills nothing outside that envelope. Cost
 * of the factorisation Σ_i (i − f_i)², of a solve 2 Σ_i (i − f_i). Built from the lower
 * triangle's entries ({@link Builder#add}, duplicates summed); factored once, solved many times.
 * Not thread-safe (one scratch vector).
 */
final class SkylineCholesky {
    private final int n;
    private final int[] perm;     // perm[new] = old
    private final int[] first;    // first column of row (new order)
    private final int[] start;    // offset of row's first entry in data
    private final double[] data;
    private final double[] y;

    private SkylineCholesky(int n, int[] perm, int[] first, int[] start, double[] data) {
        this.n = n;
        this.perm = perm;
        this.first = first;
        this.start = start;
        this.data = data;
        this.y = new double[n];
    }

    /** The order n. */
    int size() {
        return n;
    }

    /** Stored entries of the factor (the envelope's size). */
    long envelope() {
        return data.length;
    }

    /** x = A⁻¹ b (b, x of length n; they may alias). */
    void solve(double[] b, double[] x) {
        for (int i = 0; i < n; i++) {
            y[i] = b[perm[i]];
        }
        // forward: L z = y
        for (int i = 0; i < n; i++) {
            int f = first[i];
            int base = start[i] - f;
            double s = y[i];
            for (int k = f; k < i; k++) {
                s -= data[base + k] * y[k];
            }
            y[i] = s / data[base + i];
        }
        // backward: Lᵀ x = z, column-oriented over the rows of L
        for (int i = n - 1; i >= 0; i--) {
            int f = first[i];
            int base = start[i] - f;
            double xi = y[i] / data[base + i];
            y[i] = xi;
            for (int k = f; k < i; k++) {
                y[k] -= data[base + k] * xi;
            }
        }
        for (int i = 0; i < n; i++) {
            x[perm[i]] = y[i];
        }
    }

    /** Collects the lower triangle of A as (row, column, value) entries with column ≤ row. */
    static final class Builder {
        private final int n;
        private int count;
        private int[] rows = new int[1024];
        private int[] cols = new int[1024];
        private double[] vals = new double[1024];

        Builder(int n) {
            this.n = n;
        }

        /** A_ij += v and, for i ≠ j, A_ji += v (either order of i, j). */
        void add(int i, int j, double v) {
            if (count == rows.length) {
                rows = Arrays.copyOf(rows, 2 * count);
                cols = Arrays.copyOf(cols, 2 * count);
                vals = Arrays.copyOf(vals, 2 * count);
            }
            rows[count] = Math.max(i, j);
            cols[count] = Math.min(i, j);
            vals[count] = v;
            count++;
        }

        /**
         * The factor after an RCM ordering of the pattern.
         *
         * @throws ConvergenceException if a pivot is not positive (A not positive definite)
         */
        SkylineCholesky factor() {
            // adjacency of the symmetric pattern (off-diagonal entries)
            int[] deg = new int[n];
            for (int e = 0; e < count; e++) {
                if (rows[e] != cols[e]) {
                    deg[rows[e]]++;
                    deg[cols[e]]++;
                }
            }
            int[] adjStart = new int[n + 1];
            for (int i = 0; i < n; i++) {
                adjStart[i + 1] = adjStart[i] + deg[i];
            }
            int[] fill = Arrays.copyOf(adjStart, n);
            int[] adj = new int[adjStart[n]];
            for (int e = 0; e < count; e++) {
                if (rows[e] != cols[e]) {
                    adj[fill[rows[e]]++] = cols[e];
                    adj[fill[cols[e]]++] = rows[e];
                }
            }
            int[] perm = ReverseCuthillMcKee.order(n, adjStart, adj);
            int[] inv = new int[n];
            for (int i = 0; i < n; i++) {
                inv[perm[i]] = i;
            }
            int[] first = new int[n];
            for (int i = 0; i < n; i++) {
                first[i] = i;
            }
            for (int e = 0; e < count; e++) {
                int r = inv[rows[e]];
                int c = inv[cols[e]];
                int hi = Math.max(r, c);
                first[hi] = Math.min(first[hi], Math.min(r, c));
            }
            int[] start = new int[n + 1];
            for (int i = 0; i < n; i++) {
                start[i + 1] = start[i] + (i - first[i] + 1);
            }
            double[] data = new double[start[n]];
            for (int e = 0; e < count; e++) {
                int r = inv[rows[e]];
                int c = inv[cols[e]];
                int hi = Math.max(r, c);
                int lo = Math.min(r, c);
                data[start[hi] + lo - first[hi]] += vals[e];
            }
            // row-oriented envelope Cholesky: L_ij = (A_ij − Σ_k L_ik L_jk) / L_jj
            for (int i = 0; i < n; i++) {
                int fi = first[i];
                int bi = start[i] - fi;
                for (int j = fi; j <= i; j++) {
                    int fj = first[j];
                    int bj = start[j] - fj;
                    int k0 = Math.max(fi, fj);
                    double s = data[bi + j];
                    for (int k = k0; k < j; k++) {
                        s -= data[bi + k] * data[bj + k];
                    }
                    if (j < i) {
                        data[bi + j] = s / data[bj + j];
                    } else {
                        if (!(s > 0)) {
                            throw new ConvergenceException("skyline Cholesky: pivot " + s + " at row " + i
                                    + " (original " + perm[i] + "): the matrix is not positive definite");
                        }
                        data[bi + i] = Math.sqrt(s);
                    }
                }
            }
            return new SkylineCholesky(n, perm, first, Arrays.copyOf(start, n), data);
        }
    }
}
