package org.isthmus.continuum.solve;

import java.util.stream.IntStream;

import no.uib.cipr.matrix.sparse.CompRowMatrix;

import org.isthmus.continuum.ConvergenceException;

/**
 * Preconditioned conjugate gradients on a symmetric positive-definite CRS matrix (both triangles
 * stored, columns sorted), with an incomplete Cholesky ICC(0) preconditioner A ≈ UᵀU on A's
 * own upper-triangular pattern (Saad, Iterative Methods for Sparse Linear Systems, 2nd ed.,
 * §10.3.3, Algorithm 10.4 in its Cholesky form) and a Manteuffel diagonal shift
 * A + α diag(A), α = 10⁻³, 2·10⁻³, ..., when the factorisation meets a non-positive pivot.
 * The matrix–vector product runs in parallel over fixed row blocks, and dot products are summed
 * block by block in a fixed order, so the iterates do not depend on the thread count. The
 * triangular solves are sequential. Stops when the true residual |b − Ax|/|b| ≤ tol (the
 * recurred residual is checked first, then confirmed; CG restarts from the true residual if
 * they disagree).
 */
final class SparsePcg {
    private static final int BLOCK = 4096;
    private static final int MAX_RESTARTS = 25;

    private final int n;
    private final int[] rp;
    private final int[] ci;
    private final double[] a;
    private int[] up;
    private int[] uc;
    private double[] uv;
    private double shift;

    private SmoothedAggregation amg;
    /** The symmetric node-block matrix and its AMG, instead of the CRS arrays and ICC/AMG. */
    private NodeBlockMatrix blocks;
    private NodeBlockAmg blockAmg;

    SparsePcg(CompRowMatrix k) {
        this.n = k.numRows();
        this.rp = k.getRowPointers();
        this.ci = k.getColumnIndices();
        this.a = k.getData();
        factor();
    }

    /**
     * PCG with a smoothed-aggregation AMG V-cycle instead of ICC(0); {@code coords} (node-major,
     * {@code dim} per node, or null) give the rigid-body modes.
     */
    SparsePcg(CompRowMatrix k, double[] coords, int dim, boolean smooth) {
        this.n = k.numRows();
        this.rp = k.getRowPointers();
        this.ci = k.getColumnIndices();
        this.a = k.getData();
        this.amg = new SmoothedAggregation(n, rp, ci, a, coords, dim, smooth);
    }

    /**
     * PCG on a symmetric node-block matrix with its node-block AMG V-cycle ({@link NodeBlockAmg};
     * {@code coords} as for the CRS form).
     */
    SparsePcg(NodeBlockMatrix k, double[] coords, boolean smooth) {
        this.n = k.size();
        this.rp = null;
        this.ci = null;
        this.a = null;
        this.blocks = k;
        this.blockAmg = new NodeBlockAmg(k, coords, smooth);
    }

    /** "PCG(ICC)" or "PCG(AMG)", for messages. */
    private String name() {
        return amg == null && blockAmg == null ? "PCG(ICC)" : "PCG(AMG)";
    }

    /** The node-block AMG hierarchy, or null. */
    NodeBlockAmg blockAmg() {
        return blockAmg;
    }

    /** The AMG hierarchy, or null with ICC. */
    SmoothedAggregation amg() {
        return amg;
    }

    /** The diagonal shift α the factorisation needed (0 if none). */
    double shift() {
        return shift;
    }

    private void factor() {
        up = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int cnt = 0;
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                if (ci[p] >= i) {
                    cnt++;
                }
            }
            up[i + 1] = up[i] + cnt;
        }
        uc = new int[up[n]];
        uv = new double[up[n]];
        for (double alpha = 0; ; alpha = alpha == 0 ? 1e-3 : 2 * alpha) {
            if (alpha > 1) {
                throw new ConvergenceException("incomplete Cholesky failed even with a diagonal shift of " + alpha);
            }
            if (tryFactor(alpha)) {
                shift = alpha;
                return;
            }
        }
    }

    private boolean tryFactor(double alpha) {
        for (int i = 0; i < n; i++) {
            int q = up[i];
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                if (ci[p] >= i) {
                    uc[q] = ci[p];
                    uv[q] = ci[p] == i ? a[p] * (1 + alpha) : a[p];
                    q++;
                }
            }
        }
        // Right-looking IC(0): after row i is final, subtract its outer product from the rows
        // below, keeping only entries already in the pattern.
        for (int i = 0; i < n; i++) {
            int d = up[i];
            double piv = uv[d];
            if (!(piv > 0)) {
                return false;
            }
            double s = Math.sqrt(piv);
            uv[d] = s;
            for (int p = d + 1; p < up[i + 1]; p++) {
                uv[p] /= s;
            }
            for (int p = d + 1; p < up[i + 1]; p++) {
                int j = uc[p];
                double uij = uv[p];
                // row j holds columns ≥ j; walk it and row i's tail together (both sorted)
                int qj = up[j];
                int endj = up[j + 1];
                for (int r = p; r < up[i + 1]; r++) {
                    int k = uc[r];
                    while (qj < endj && uc[qj] < k) {
                        qj++;
                    }
                    if (qj == endj) {
                        break;
                    }
                    if (uc[qj] == k) {
                        uv[qj] -= uij * uv[r];
                    }
                }
            }
        }
        return true;
    }

    /** z = (UᵀU)⁻¹ r. */
    private void precondition(double[] r, double[] z) {
        if (amg != null) {
            amg.apply(r, z);
            return;
        }
        if (blockAmg != null) {
            blockAmg.apply(r, z);
            return;
        }
        System.arraycopy(r, 0, z, 0, n);
        for (int i = 0; i < n; i++) {
            double yi = z[i] / uv[up[i]];
            z[i] = yi;
            for (int p = up[i] + 1; p < up[i + 1]; p++) {
                z[uc[p]] -= uv[p] * yi;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int p = up[i] + 1; p < up[i + 1]; p++) {
                s -= uv[p] * z[uc[p]];
            }
            z[i] = s / uv[up[i]];
        }
    }

    private void multiply(double[] x, double[] y) {
        if (this.blocks != null) {
            this.blocks.multiply(x, y);
            return;
        }
        int blocks = (n + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int end = Math.min(n, (b + 1) * BLOCK);
            for (int i = b * BLOCK; i < end; i++) {
                double s = 0;
                for (int p = rp[i]; p < rp[i + 1]; p++) {
                    s += a[p] * x[ci[p]];
                }
                y[i] = s;
            }
        });
    }

    private double dot(double[] x, double[] y) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        double[] part = new double[blocks];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int end = Math.min(n, (b + 1) * BLOCK);
            double s = 0;
            for (int i = b * BLOCK; i < end; i++) {
                s += x[i] * y[i];
            }
            part[b] = s;
        });
        double s = 0;
        for (double v : part) {
            s += v;
        }
        return s;
    }

    /** Solves A x = b from the initial guess x; returns the iterations taken. */
    int solve(double[] b, double[] x, double tol, int maxIterations) {
        double[] r = new double[n];
        double[] z = new double[n];
        double[] p = new double[n];
        double[] q = new double[n];
        multiply(x, q);
        for (int i = 0; i < n; i++) {
            r[i] = b[i] - q[i];
        }
        double bnorm = Math.sqrt(dot(b, b));
        double rnorm = Math.sqrt(dot(r, r));
        if (rnorm <= tol * bnorm) {
            return 0;
        }
        precondition(r, z);
        System.arraycopy(z, 0, p, 0, n);
        double rz = dot(r, z);
        int restarts = 0;
        for (int it = 1; it <= maxIterations; it++) {
            multiply(p, q);
            double pq = dot(p, q);
            if (!(pq > 0)) {
                // CG needs pᵀAp > 0: a non-positive curvature means A is not positive definite
                // (e.g. a softening cohesive tangent); the caller switches to GMRES or BiCGstab.
                throw new ConvergenceException(name() + " met non-positive curvature pᵀAp = " + pq + " at iteration "
                        + it + " on " + n + " unknowns: the matrix is not positive definite");
            }
            double alpha = rz / pq;
            for (int i = 0; i < n; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * q[i];
            }
            rnorm = Math.sqrt(dot(r, r));
            if (rnorm <= tol * bnorm) {
                // The recurred residual drifts from b − Ax in finite precision: confirm with the
                // true residual, and restart from it if it is not yet small enough.
                multiply(x, q);
                for (int i = 0; i < n; i++) {
                    r[i] = b[i] - q[i];
                }
                rnorm = Math.sqrt(dot(r, r));
                if (rnorm <= tol * bnorm) {
                    return it;
                }
                if (++restarts > MAX_RESTARTS) {
                    // the recurred residual keeps passing while the true one does not: the
                    // tolerance is below the accuracy attainable for this conditioning
                    throw new ConvergenceException(name() + " stagnated at relative residual "
                            + rnorm / bnorm + " (tolerance " + tol + ") after " + it + " iterations and " + MAX_RESTARTS
                            + " restarts on " + n + " unknowns: the tolerance is below the attainable accuracy");
                }
                precondition(r, z);
                System.arraycopy(z, 0, p, 0, n);
                rz = dot(r, z);
                continue;
            }
            precondition(r, z);
            double rzNew = dot(r, z);
            double beta = rzNew / rz;
            rz = rzNew;
            for (int i = 0; i < n; i++) {
                p[i] = z[i] + beta * p[i];
            }
        }
        throw new ConvergenceException(name() + " did not reach relative residual " + tol + " in " + maxIterations
                + " iterations on " + n + " unknowns (reached " + rnorm / bnorm + ")");
    }
}
