package org.isthmus.continuum.solve;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.isthmus.continuum.ConvergenceException;

/**
 * The smoothed-aggregation V-cycle of {@link SmoothedAggregation} with every level held in node
 * blocks: each level's matrix is a {@link NodeBlockMatrix} (blocks on and above the diagonal;
 * the nodes of a coarse level are the aggregates, with one unknown per near-null-space mode) and
 * each prolongator P is stored by (node, aggregate) blocks of d × modes single-precision values.
 * The method is the same (Vaněk, Mandel &amp; Brezina, Computing 56 (1996) 179): the rigid-body
 * modes as near-null space, zero on constrained dofs; greedy aggregation of the node graph; the
 * tentative prolongator from the modes orthonormalised on each aggregate (modes an aggregate
 * drops leave inert coarse unknowns: 1 on the diagonal, zero columns of P); one damped-Jacobi
 * smoothing P = (I − ω D⁻¹A) P̂, ω = 4/(3 ρ(D⁻¹A)); the Galerkin matrix PᵀAP; dense Cholesky at
 * {@value #COARSEST} unknowns or fewer. The cycle is symmetric (forward Gauss–Seidel before,
 * backward after the coarse correction), so CG can use it.
 *
 * <p>Single precision for P: P is part of the preconditioner only. The Galerkin matrix is formed
 * with the stored (rounded) P, and the cycle restricts and prolongs with the same P, so the
 * preconditioner stays symmetric positive definite; the solution's accuracy is set by CG's
 * residual test on the double-precision matrix. On the 320×18×18 bench-fe cantilever the fine
 * prolongator takes 39 MB where the CRS hierarchy's took 170 MB, and the Galerkin product is
 * summed straight into the coarse blocks instead of being formed in chunks of scalar rows.
 */
final class NodeBlockAmg {
    /** A level of at most this many unknowns is solved by dense Cholesky. */
    private static final int COARSEST = 600;
    /** A level that cannot be coarsened is factorised densely up to this size. */
    private static final int DENSE_LIMIT = 4000;
    private static final int MAX_LEVELS = 12;

    private final NodeBlockMatrix a;
    private final int d;
    private final int nodes;
    private final int modes;
    private final boolean smoothed;
    private final double[] invD;
    /** The prolongator to the next level, or null on the coarsest. */
    private final BlockProlongator p;
    /** The next coarser level, or null on the coarsest. */
    private final NodeBlockAmg next;
    /** The coarsest level's dense Cholesky factor (row-major), or null. */
    private final double[] dense;
    /** Used instead when a large level cannot be coarsened. */
    private final SmoothedAggregation whole;
    private final double[] acc;
    private final double[] res;
    private final double[] rc;
    private final double[] xc;

    /**
     * Builds the hierarchy for the SPD matrix a with node coordinates coords (node-major, d per
     * node; null: translations only).
     */
    NodeBlockAmg(NodeBlockMatrix a, double[] coords, boolean smooth) {
        this(a, SmoothedAggregation.rigidBodyModes(a.size(), coords, a.d,
                coords == null ? a.d : (a.d == 2 ? 3 : 6)), coords == null ? a.d : (a.d == 2 ? 3 : 6), smooth, coords, 0);
    }

    /**
     * A level and those below it: a is the level's matrix, b its near-null space (rows × modes),
     * coords the fine nodes' coordinates (for the fallback on level 0 only).
     */
    private NodeBlockAmg(NodeBlockMatrix a, double[] b, int modes, boolean smooth, double[] coords, int level) {
        this.a = a;
        this.d = a.d;
        this.nodes = a.nodes;
        int n = a.size();
        this.smoothed = smooth;
        this.modes = modes;
        this.invD = inverseDiagonal(a);
        this.acc = new double[n];
        this.res = new double[n];
        boolean[] coupled = coupledDofs(a);
        for (int i = 0; i < n; i++) {
            if (!coupled[i]) {
                Arrays.fill(b, i * modes, (i + 1) * modes, 0);
            }
        }
        int na = 0;
        int[] agg = new int[nodes];
        int[] aStart = new int[1];
        int[] aDofs = new int[0];
        if (n > COARSEST && level < MAX_LEVELS - 1) {
            int[][] graph = nodeGraph(a);
            na = SmoothedAggregation.aggregate(graph[0], graph[1], agg);
            aStart = new int[na + 1];
            aDofs = na == 0 ? aDofs : SmoothedAggregation.aggregateDofs(agg, na, SmoothedAggregation.nodeBlocks(n, d),
                    aStart);
        }
        if (na == 0 || (long) na * modes >= n) {
            // the coarsest level: dense Cholesky, or (a large level that does not coarsen) the CRS hierarchy
            this.p = null;
            this.next = null;
            this.rc = null;
            this.xc = null;
            if (n <= DENSE_LIMIT) {
                this.dense = denseCholesky(a);
                this.whole = null;
            } else {
                no.uib.cipr.matrix.sparse.CompRowMatrix crs = a.toCompRow();
                this.dense = null;
                this.whole = level == 0 && coords != null
                        ? new SmoothedAggregation(n, crs.getRowPointers(), crs.getColumnIndices(), crs.getData(), coords,
                                d, smooth)
                        : new SmoothedAggregation(new SmoothedAggregation.Csr(n, n, crs.getRowPointers(),
                                crs.getColumnIndices(), crs.getData()), SmoothedAggregation.nodeBlocks(n, d), b, modes,
                                smooth);
            }
            return;
        }
        this.dense = null;
        this.whole = null;
        // tentative prolongator per node: its rows of Q (d × modes), Q orthonormal on each aggregate;
        // the coarse near-null space Qᵀ B, modes rows per aggregate (zero beyond the kept ones)
        int[] kept = new int[na];
        double[] tent = new double[n * modes];
        double[] bc = new double[na * modes * modes];
        for (int k = 0; k < na; k++) {
            int m = aStart[k + 1] - aStart[k];
            double[] q = new double[m * modes];
            kept[k] = SmoothedAggregation.orthonormalize(b, aDofs, aStart[k], m, modes, q);
            double[] rk = SmoothedAggregation.projectModes(b, aDofs, aStart[k], m, modes, q, kept[k]);
            System.arraycopy(rk, 0, bc, k * modes * modes, kept[k] * modes);
            for (int r = 0; r < m; r++) {
                System.arraycopy(q, r * modes, tent, aDofs[aStart[k] + r] * modes, modes);
            }
        }
        // interpreted set-up code keeps locals alive: drop what is no longer needed
        aDofs = null;
        b = null;
        int[][] lower = lowerIndex(a);
        double omega = smooth ? 4.0 / (3.0 * SmoothedAggregation.spectralRadius(n, a::multiply, invD)) : 0;
        this.p = new BlockProlongator(a, lower, agg, kept, modes, tent, invD, omega, smooth);
        tent = null;
        NodeBlockMatrix a1 = BlockGalerkin.product(a, lower, p);
        lower = null;
        this.rc = new double[a1.size()];
        this.xc = new double[a1.size()];
        this.next = new NodeBlockAmg(a1, bc, modes, smooth, null, level + 1);
    }

    /** Whether the prolongators are smoothed. */
    boolean smoothed() {
        return smoothed;
    }

    /** Number of levels. */
    int levels() {
        return whole != null ? whole.levels() : next == null ? 1 : 1 + next.levels();
    }

    /** Unknowns per level (finest first; a coarse level counts modes per aggregate, inert ones included). */
    int[] sizes() {
        if (whole != null) {
            return whole.sizes();
        }
        int[] c = next == null ? new int[0] : next.sizes();
        int[] s = new int[c.length + 1];
        s[0] = a.size();
        System.arraycopy(c, 0, s, 1, c.length);
        return s;
    }

    /** Σ nnz(A_l) over this level and those below, both triangles counted. */
    private double nonzeros() {
        double own = (2.0 * a.blockCount() - nodes) * d * d;
        if (whole != null) {
            return whole.nonzeros();
        }
        return own + (next == null ? 0 : next.nonzeros());
    }

    /** Operator complexity Σ nnz(A_l) / nnz(A_0), nnz counting both triangles. */
    double complexity() {
        if (whole != null) {
            return whole.complexity();
        }
        return nonzeros() / ((2.0 * a.blockCount() - nodes) * d * d);
    }

    /** z = M⁻¹ r: one V(1,1)-cycle from zero. */
    void apply(double[] r, double[] z) {
        if (whole != null) {
            whole.apply(r, z);
            return;
        }
        if (dense != null) {
            SmoothedAggregation.choleskySolve(dense, a.size(), r, z);
            return;
        }
        forwardFromZero(r, z);
        upperResidual(z, res);
        p.restrict(res, rc);
        next.apply(rc, xc);
        p.prolongAdd(xc, z);
        // the forward sweep's accumulator is free again: it takes L z for the backward sweep
        a.multiplyLower(z, acc);
        backward(r, z, acc);
    }

    /** The dense Cholesky factor L (row-major, lower) of the whole matrix. */
    private static double[] denseCholesky(NodeBlockMatrix a) {
        int n = a.size();
        int d = a.d;
        double[] l = new double[n * n];
        for (int i = 0; i < a.nodes; i++) {
            for (int q = a.rp[i]; q < a.rp[i + 1]; q++) {
                int j = a.col[q];
                for (int r = 0; r < d; r++) {
                    for (int c = 0; c < d; c++) {
                        double v = a.v[a.at(q) + r * d + c];
                        l[(i * d + r) * n + j * d + c] = v;
                        l[(j * d + c) * n + i * d + r] = v;
                    }
                }
            }
        }
        return SmoothedAggregation.choleskyInPlace(l, n);
    }

    /** 1/a_ii; a non-positive diagonal is a {@link ConvergenceException} (not positive definite). */
    private static double[] inverseDiagonal(NodeBlockMatrix a) {
        int d = a.d;
        double[] inv = new double[a.size()];
        for (int i = 0; i < a.nodes; i++) {
            int o = a.at(a.rp[i]);
            for (int c = 0; c < d; c++) {
                double v = a.v[o + c * d + c];
                if (!(v > 0)) {
                    throw new ConvergenceException("AMG: non-positive diagonal " + v + " at unknown " + (i * d + c)
                            + "; the matrix is not positive definite");
                }
                inv[i * d + c] = 1 / v;
            }
        }
        return inv;
    }

    /** Dofs whose row holds a non-zero besides its diagonal (the others are constrained). */
    private static boolean[] coupledDofs(NodeBlockMatrix a) {
        int d = a.d;
        boolean[] coupled = new boolean[a.size()];
        for (int i = 0; i < a.nodes; i++) {
            for (int q = a.rp[i]; q < a.rp[i + 1]; q++) {
                int j = a.col[q];
                int o = a.at(q);
                for (int r = 0; r < d; r++) {
                    for (int c = 0; c < d; c++) {
                        if (a.v[o + r * d + c] != 0 && !(j == i && r == c)) {
                            coupled[i * d + r] = true;
                            coupled[j * d + c] = true;
                        }
                    }
                }
            }
        }
        return coupled;
    }

    private static boolean nonZero(NodeBlockMatrix a, int q) {
        for (int k = a.at(q); k < a.at(q) + a.dd; k++) {
            if (a.v[k] != 0) {
                return true;
            }
        }
        return false;
    }

    /** The node graph (neighbours through non-zero blocks, self excluded, sorted) as {start, adjacency}. */
    private static int[][] nodeGraph(NodeBlockMatrix a) {
        int nn = a.nodes;
        int[] start = new int[nn + 1];
        for (int i = 0; i < nn; i++) {
            for (int q = a.rp[i] + 1; q < a.rp[i + 1]; q++) {
                if (nonZero(a, q)) {
                    start[i + 1]++;
                    start[a.col[q] + 1]++;
                }
            }
        }
        for (int i = 0; i < nn; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, nn);
        int[] adj = new int[start[nn]];
        // row i appends its upper neighbours j to i and itself to each j: every list comes out sorted
        for (int i = 0; i < nn; i++) {
            for (int q = a.rp[i] + 1; q < a.rp[i + 1]; q++) {
                if (nonZero(a, q)) {
                    int j = a.col[q];
                    adj[fill[i]++] = j;
                    adj[fill[j]++] = i;
                }
            }
        }
        return new int[][] {start, adj};
    }

    /** For each node j: the blocks (k, j), k &lt; j, as {start, block position, k}, by increasing k. */
    private static int[][] lowerIndex(NodeBlockMatrix a) {
        int nn = a.nodes;
        int[] start = new int[nn + 1];
        for (int q = 0; q < a.blockCount(); q++) {
            start[a.col[q] + 1]++;
        }
        // the diagonal blocks are not lower
        for (int i = 0; i < nn; i++) {
            start[i + 1]--;
        }
        for (int i = 0; i < nn; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, nn);
        int[] pos = new int[start[nn]];
        int[] row = new int[start[nn]];
        for (int i = 0; i < nn; i++) {
            for (int q = a.rp[i] + 1; q < a.rp[i + 1]; q++) {
                int j = a.col[q];
                pos[fill[j]] = q;
                row[fill[j]++] = i;
            }
        }
        return new int[][] {start, pos, row};
    }

    /** Forward Gauss–Seidel from x = 0 in dof order: the lower blocks' terms are sent ahead as each node is done. */
    private void forwardFromZero(double[] b, double[] x) {
        double[] s = acc;
        System.arraycopy(b, 0, s, 0, b.length);
        double[] v = a.v;
        if (d == 3) {
            forwardFromZero3(s, x);
            return;
        }
        for (int i = 0; i < nodes; i++) {
            int ri = i * d;
            int o = a.at(a.rp[i]);
            for (int r = 0; r < d; r++) {
                double t = s[ri + r];
                for (int c = 0; c < r; c++) {
                    t -= v[o + r * d + c] * x[ri + c];
                }
                x[ri + r] = t * invD[ri + r];
            }
            for (int q = a.rp[i] + 1; q < a.rp[i + 1]; q++) {
                a.addTransposedBlockTimes(q, -1, x, ri, s, a.col[q] * d);
            }
        }
    }

    /**
     * res = b − A x after {@link #forwardFromZero}: b_i − Σ_{j≤i} a_ij x_j is then 0, so res_i =
     * −Σ_{j&gt;i} a_ij x_j (the strict upper triangle only; parallel over nodes).
     */
    private void upperResidual(double[] x, double[] out) {
        int chunk = 2048;
        double[] v = a.v;
        IntStream.range(0, (nodes + chunk - 1) / chunk).parallel().forEach(c -> {
            if (d == 3) {
                upperResidual3(c * chunk, Math.min(nodes, (c + 1) * chunk), x, out);
                return;
            }
            for (int i = c * chunk; i < Math.min(nodes, (c + 1) * chunk); i++) {
                int ri = i * d;
                int o = a.at(a.rp[i]);
                for (int r = 0; r < d; r++) {
                    double t = 0;
                    for (int cc = r + 1; cc < d; cc++) {
                        t -= v[o + r * d + cc] * x[ri + cc];
                    }
                    out[ri + r] = t;
                }
                for (int q = a.rp[i] + 1; q < a.rp[i + 1]; q++) {
                    a.addBlockTimes(q, -1, x, a.col[q] * d, out, ri);
                }
            }
        });
    }

    /** {@link #upperResidual} for 3 × 3 blocks, nodes [from, to), entries in locals. */
    private void upperResidual3(int from, int to, double[] x, double[] out) {
        double[] v = a.v;
        for (int i = from; i < to; i++) {
            int ri = 3 * i;
            int o = a.at(a.rp[i]);
            double x1 = x[ri + 1];
            double x2 = x[ri + 2];
            double r0 = -(v[o + 1] * x1 + v[o + 2] * x2);
            double r1 = -v[o + 5] * x2;
            double r2 = 0;
            for (int q = a.rp[i] + 1; q < a.rp[i + 1]; q++) {
                int rj = 3 * a.col[q];
                int ob = a.at(q);
                double xj0 = x[rj];
                double xj1 = x[rj + 1];
                double xj2 = x[rj + 2];
                r0 -= v[ob] * xj0 + v[ob + 1] * xj1 + v[ob + 2] * xj2;
                r1 -= v[ob + 3] * xj0 + v[ob + 4] * xj1 + v[ob + 5] * xj2;
                r2 -= v[ob + 6] * xj0 + v[ob + 7] * xj1 + v[ob + 8] * xj2;
            }
            out[ri] = r0;
            out[ri + 1] = r1;
            out[ri + 2] = r2;
        }
    }

    /** Backward Gauss–Seidel in dof order; lowerX = L x for the x on entry (the not yet updated part). */
    private void backward(double[] b, double[] x, double[] lowerX) {
        double[] v = a.v;
        if (d == 3) {
            backward3(b, x, lowerX);
            return;
        }
        double[] u = new double[d];
        for (int i = nodes - 1; i >= 0; i--) {
            int ri = i * d;
            for (int r = 0; r < d; r++) {
                u[r] = b[ri + r] - lowerX[ri + r];
            }
            for (int q = a.rp[i] + 1; q < a.rp[i + 1]; q++) {
                a.addBlockTimes(q, -1, x, a.col[q] * d, u, 0);
            }
            int o = a.at(a.rp[i]);
            for (int r = d - 1; r >= 0; r--) {
                double t = u[r];
                for (int c = 0; c < d; c++) {
                    if (c != r) {
                        t -= v[o + r * d + c] * x[ri + c];
                    }
                }
                x[ri + r] = t * invD[ri + r];
            }
        }
    }

    /** {@link #forwardFromZero} for 3 × 3 blocks (s holds b on entry), entries in locals. */
    private void forwardFromZero3(double[] s, double[] x) {
        double[] v = a.v;
        for (int i = 0; i < nodes; i++) {
            int ri = 3 * i;
            int o = a.at(a.rp[i]);
            double x0 = s[ri] * invD[ri];
            double x1 = (s[ri + 1] - v[o + 3] * x0) * invD[ri + 1];
            double x2 = (s[ri + 2] - v[o + 6] * x0 - v[o + 7] * x1) * invD[ri + 2];
            x[ri] = x0;
            x[ri + 1] = x1;
            x[ri + 2] = x2;
            for (int q = a.rp[i] + 1; q < a.rp[i + 1]; q++) {
                int rj = 3 * a.col[q];
                int ob = a.at(q);
                s[rj] -= v[ob] * x0 + v[ob + 3] * x1 + v[ob + 6] * x2;
                s[rj + 1] -= v[ob + 1] * x0 + v[ob + 4] * x1 + v[ob + 7] * x2;
                s[rj + 2] -= v[ob + 2] * x0 + v[ob + 5] * x1 + v[ob + 8] * x2;
            }
        }
    }

    /** {@link #backward} for 3 × 3 blocks, entries in locals. */
    private void backward3(double[] b, double[] x, double[] lowerX) {
        double[] v = a.v;
        for (int i = nodes - 1; i >= 0; i--) {
            int ri = 3 * i;
            double u0 = b[ri] - lowerX[ri];
            double u1 = b[ri + 1] - lowerX[ri + 1];
            double u2 = b[ri + 2] - lowerX[ri + 2];
            for (int q = a.rp[i] + 1; q < a.rp[i + 1]; q++) {
                int rj = 3 * a.col[q];
                int ob = a.at(q);
                double xj0 = x[rj];
                double xj1 = x[rj + 1];
                double xj2 = x[rj + 2];
                u0 -= v[ob] * xj0 + v[ob + 1] * xj1 + v[ob + 2] * xj2;
                u1 -= v[ob + 3] * xj0 + v[ob + 4] * xj1 + v[ob + 5] * xj2;
                u2 -= v[ob + 6] * xj0 + v[ob + 7] * xj1 + v[ob + 8] * xj2;
            }
            int o = a.at(a.rp[i]);
            double x2 = (u2 - v[o + 6] * x[ri] - v[o + 7] * x[ri + 1]) * invD[ri + 2];
            double x1 = (u1 - v[o + 3] * x[ri] - v[o + 5] * x2) * invD[ri + 1];
            double x0 = (u0 - v[o + 1] * x1 - v[o + 2] * x2) * invD[ri];
            x[ri] = x0;
            x[ri + 1] = x1;
            x[ri + 2] = x2;
        }
    }

}
