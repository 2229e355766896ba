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
    /** Coarse rows (aggregates) per partition of the Galerkin product. */
    private static final int GALERKIN_ROWS = 512;
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
    /** P's block rows (node), block columns (aggregate) and values (d × modes per block, row-major). */
    private final int[] prp;
    private final int[] pagg;
    private final float[] pv;
    /** Modes kept by each aggregate: its coarse unknowns are aggregate·modes + 0 .. kept − 1 (the rest are inert). */
    private final int[] kept;
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
            this.prp = null;
            this.pagg = null;
            this.pv = null;
            this.kept = new int[0];
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
        this.kept = new int[na];
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
        int[][] pattern = prolongatorPattern(lower, agg, smooth);
        this.prp = pattern[0];
        this.pagg = pattern[1];
        this.pv = new float[pagg.length * d * modes];
        fillProlongator(lower, agg, tent, omega);
        tent = null;
        NodeBlockMatrix a1 = galerkin(lower, na);
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
        restrict(res, rc);
        next.apply(rc, xc);
        prolongAdd(xc, z);
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

    /**
     * P's block pattern: node i's aggregates are those of its structural neighbours (smoothed; its
     * own only when plain), aggregates without kept modes left out.
     */
    private int[][] prolongatorPattern(int[][] lower, int[] agg, boolean smooth) {
        int[] start = new int[nodes + 1];
        int na = kept.length;
        int[] marker = new int[na];
        Arrays.fill(marker, -1);
        int[] list = new int[64];
        int total = 0;
        int[][] rows = new int[nodes][];
        for (int i = 0; i < nodes; i++) {
            int m = 0;
            if (smooth) {
                for (int q = a.rp[i]; q < a.rp[i + 1]; q++) {
                    m = addAggregate(agg[a.col[q]], kept, marker, i, list, m);
                    list = m == list.length ? Arrays.copyOf(list, 2 * m) : list;
                }
                for (int t = lower[0][i]; t < lower[0][i + 1]; t++) {
                    m = addAggregate(agg[lower[2][t]], kept, marker, i, list, m);
                    list = m == list.length ? Arrays.copyOf(list, 2 * m) : list;
                }
            } else {
                m = addAggregate(agg[i], kept, marker, i, list, m);
            }
            Arrays.sort(list, 0, m);
            rows[i] = Arrays.copyOf(list, m);
            total += m;
            start[i + 1] = total;
        }
        int[] cols = new int[total];
        for (int i = 0; i < nodes; i++) {
            System.arraycopy(rows[i], 0, cols, start[i], rows[i].length);
            rows[i] = null;
        }
        return new int[][] {start, cols};
    }

    private static int addAggregate(int k, int[] kept, int[] marker, int i, int[] list, int m) {
        if (k >= 0 && kept[k] > 0 && marker[k] != i) {
            marker[k] = i;
            list[m++] = k;
        }
        return m;
    }

    /**
     * P_ib = δ(b, agg i) T_i − ω D_i⁻¹ Σ_{j: agg j = b} A_ij T_j (Vaněk et al., eq. 3.6), T the
     * tentative rows; rounded to single precision. Node rows in parallel (independent).
     */
    private void fillProlongator(int[][] lower, int[] agg, double[] tent, double omega) {
        int blockLen = d * modes;
        int chunk = 1024;
        int chunks = (nodes + chunk - 1) / chunk;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int[] slot = new int[kept.length];
            double[] w = new double[64 * blockLen];
            for (int i = c * chunk; i < Math.min(nodes, (c + 1) * chunk); i++) {
                int p0 = prp[i];
                int nb = prp[i + 1] - p0;
                if (w.length < nb * blockLen) {
                    w = new double[nb * blockLen];
                }
                Arrays.fill(w, 0, nb * blockLen, 0);
                for (int t = 0; t < nb; t++) {
                    slot[pagg[p0 + t]] = t;
                }
                if (omega != 0) {
                    for (int q = a.rp[i]; q < a.rp[i + 1]; q++) {
                        int j = a.col[q];
                        if (inPattern(agg[j])) {
                            addBlockTimesTent(q, false, j, tent, w, slot[agg[j]] * blockLen);
                        }
                    }
                    for (int t = lower[0][i]; t < lower[0][i + 1]; t++) {
                        int j = lower[2][t];
                        if (inPattern(agg[j])) {
                            addBlockTimesTent(lower[1][t], true, j, tent, w, slot[agg[j]] * blockLen);
                        }
                    }
                }
                for (int t = 0; t < nb; t++) {
                    boolean own = pagg[p0 + t] == agg[i];
                    for (int r = 0; r < d; r++) {
                        double f = -omega * invD[i * d + r];
                        for (int m = 0; m < modes; m++) {
                            double val = f * w[t * blockLen + r * modes + m];
                            if (own) {
                                val += tent[(i * d + r) * modes + m];
                            }
                            pv[(p0 + t) * blockLen + r * modes + m] = (float) val;
                        }
                    }
                }
            }
        });
    }

    /** Whether aggregate k has P columns (it exists and kept some modes). */
    private boolean inPattern(int k) {
        return k >= 0 && kept[k] > 0;
    }

    /** w[at..] += B T_j, B = block q (transposed if lower), T_j node j's tentative rows. */
    private void addBlockTimesTent(int q, boolean transposed, int j, double[] tent, double[] w, int at) {
        int o = a.at(q);
        for (int r = 0; r < d; r++) {
            for (int s = 0; s < d; s++) {
                double bv = transposed ? a.v[o + s * d + r] : a.v[o + r * d + s];
                if (bv == 0) {
                    continue;
                }
                int tr = (j * d + s) * modes;
                int wr = at + r * modes;
                for (int m = 0; m < modes; m++) {
                    w[wr + m] += bv * tent[tr + m];
                }
            }
        }
    }

    /**
     * The Galerkin matrix PᵀAP as a symmetric block matrix over the aggregates (modes × modes
     * blocks, each aggregate's diagonal block first): block (a, b), b ≥ a, is Σ_i P_iaᵀ (AP)_ib
     * over the fine nodes i in increasing order, with (AP)_i formed for one node at a time. Two
     * passes over partitions of the coarse rows (in parallel; each partition visits the fine
     * nodes whose P row reaches its aggregates and writes its own rows only): the first finds
     * the pattern, the second sums into the final matrix, so no partial copies exist and the
     * sums do not depend on the thread count. The diagonal blocks are symmetrised; the unknowns
     * beyond an aggregate's kept modes are inert (1 on the diagonal, 0 elsewhere: P has zero
     * columns there).
     */
    private NodeBlockMatrix galerkin(int[][] lower, int na) {
        int parts = Math.max(1, (na + GALERKIN_ROWS - 1) / GALERKIN_ROWS);
        int[][] rowCols = new int[na][];
        int[] rowCount = new int[na];
        IntStream.range(0, parts).parallel().forEach(pt -> galerkinPart((int) ((long) na * pt / parts),
                (int) ((long) na * (pt + 1) / parts), lower, na, rowCols, rowCount, null));
        int[] rp = new int[na + 1];
        for (int ag = 0; ag < na; ag++) {
            int cnt = rowCount[ag];
            if (cnt > 0) {
                Arrays.sort(rowCols[ag], 0, cnt);
            }
            boolean diag = cnt > 0 && rowCols[ag][0] == ag;
            rp[ag + 1] = rp[ag] + cnt + (diag ? 0 : 1);
        }
        int[] col = new int[rp[na]];
        for (int ag = 0; ag < na; ag++) {
            int cnt = rowCount[ag];
            boolean diag = cnt > 0 && rowCols[ag][0] == ag;
            col[rp[ag]] = ag;
            if (cnt > 0) {
                System.arraycopy(rowCols[ag], diag ? 1 : 0, col, rp[ag] + 1, cnt - (diag ? 1 : 0));
            }
            rowCols[ag] = null;
        }
        NodeBlockMatrix c = new NodeBlockMatrix(na, modes, rp, col);
        IntStream.range(0, parts).parallel().forEach(pt -> galerkinPart((int) ((long) na * pt / parts),
                (int) ((long) na * (pt + 1) / parts), lower, na, null, null, c));
        int mm = modes * modes;
        for (int ag = 0; ag < na; ag++) {
            int o = rp[ag] * mm;
            for (int r = 0; r < modes; r++) {
                for (int x = r + 1; x < modes; x++) {
                    double sym = 0.5 * (c.v[o + r * modes + x] + c.v[o + x * modes + r]);
                    c.v[o + r * modes + x] = sym;
                    c.v[o + x * modes + r] = sym;
                }
            }
            for (int x = kept[ag]; x < modes; x++) {
                c.v[o + x * modes + x] = 1;
            }
        }
        return c;
    }

    /**
     * One partition [a0, a1) of the coarse rows: with c null, the columns b ≥ a of its rows
     * (into rowCols, rowCount); else the sums into c's blocks.
     */
    private void galerkinPart(int a0, int a1, int[][] lower, int na, int[][] rowCols, int[] rowCount,
            NodeBlockMatrix c) {
        boolean symbolic = c == null;
        int blockLen = d * modes;
        int mm = modes * modes;
        int[] marker = new int[na];
        int[] slot = new int[na];
        Arrays.fill(marker, -1);
        int[] list = new int[256];
        double[] w = symbolic ? null : new double[256 * blockLen];
        double[] pa = new double[blockLen];
        for (int i = 0; i < nodes; i++) {
            boolean touches = false;
            for (int p = prp[i]; p < prp[i + 1] && !touches; p++) {
                touches = pagg[p] >= a0 && pagg[p] < a1;
            }
            if (!touches) {
                continue;
            }
            int room = 0;
            for (int q = a.rp[i]; q < a.rp[i + 1]; q++) {
                room += prp[a.col[q] + 1] - prp[a.col[q]];
            }
            for (int t = lower[0][i]; t < lower[0][i + 1]; t++) {
                room += prp[lower[2][t] + 1] - prp[lower[2][t]];
            }
            if (room > list.length) {
                list = new int[room];
                w = symbolic ? null : new double[room * blockLen];
            }
            // (AP)_i = Σ_j A_ij P_j over the full block row i (only its aggregates when symbolic)
            int m = 0;
            for (int q = a.rp[i]; q < a.rp[i + 1]; q++) {
                m = symbolic ? addAggregatesOfP(a.col[q], i, marker, list, m)
                        : addBlockTimesP(q, false, a.col[q], i, marker, slot, list, m, w);
            }
            for (int t = lower[0][i]; t < lower[0][i + 1]; t++) {
                m = symbolic ? addAggregatesOfP(lower[2][t], i, marker, list, m)
                        : addBlockTimesP(lower[1][t], true, lower[2][t], i, marker, slot, list, m, w);
            }
            // P_iaᵀ (AP)_ib into the blocks (a, b ≥ a) of this partition's rows
            for (int p = prp[i]; p < prp[i + 1]; p++) {
                int ag = pagg[p];
                if (ag < a0 || ag >= a1) {
                    continue;
                }
                if (symbolic) {
                    for (int t = 0; t < m; t++) {
                        if (list[t] >= ag) {
                            addColumn(rowCols, rowCount, ag, list[t]);
                        }
                    }
                    continue;
                }
                for (int k = 0; k < blockLen; k++) {
                    pa[k] = pv[p * blockLen + k];
                }
                for (int t = 0; t < m; t++) {
                    int bg = list[t];
                    if (bg < ag) {
                        continue;
                    }
                    int at = c.find(ag, bg) * mm;
                    int wo = t * blockLen;
                    for (int r = 0; r < d; r++) {
                        for (int x = 0; x < kept[ag]; x++) {
                            double pr = pa[r * modes + x];
                            if (pr == 0) {
                                continue;
                            }
                            int to0 = at + x * modes;
                            for (int y = 0; y < kept[bg]; y++) {
                                c.v[to0 + y] += pr * w[wo + r * modes + y];
                            }
                        }
                    }
                }
            }
            if (!symbolic) {
                Arrays.fill(w, 0, m * blockLen, 0);
            }
        }
    }

    /** Adds column b to coarse row a's list if it is not there yet. */
    private static void addColumn(int[][] rowCols, int[] rowCount, int a, int b) {
        int[] cols = rowCols[a];
        int n = rowCount[a];
        for (int t = 0; t < n; t++) {
            if (cols[t] == b) {
                return;
            }
        }
        if (cols == null || n == cols.length) {
            rowCols[a] = cols = cols == null ? new int[32] : Arrays.copyOf(cols, 2 * n);
        }
        cols[n] = b;
        rowCount[a] = n + 1;
    }

    /** Lists the aggregates of node j's P row not yet seen for node i; returns the new count. */
    private int addAggregatesOfP(int j, int i, int[] marker, int[] list, int m) {
        for (int p = prp[j]; p < prp[j + 1]; p++) {
            int bg = pagg[p];
            if (marker[bg] != i) {
                marker[bg] = i;
                list[m++] = bg;
            }
        }
        return m;
    }

    /** w[slot b] += B P_jb for node j's P blocks, B = block q (transposed if lower); returns the new count. */
    private int addBlockTimesP(int q, boolean transposed, int j, int i, int[] marker, int[] slot, int[] list, int m,
            double[] w) {
        int blockLen = d * modes;
        int o = a.at(q);
        if (d == 3) {
            return addBlockTimesP3(o, transposed, j, i, marker, slot, list, m, w);
        }
        for (int p = prp[j]; p < prp[j + 1]; p++) {
            int bg = pagg[p];
            if (marker[bg] != i) {
                marker[bg] = i;
                slot[bg] = m;
                list[m++] = bg;
            }
            int wo = slot[bg] * blockLen;
            int po = p * blockLen;
            for (int r = 0; r < d; r++) {
                for (int s = 0; s < d; s++) {
                    double bv = transposed ? a.v[o + s * d + r] : a.v[o + r * d + s];
                    if (bv == 0) {
                        continue;
                    }
                    int wr = wo + r * modes;
                    int pr = po + s * modes;
                    for (int x = 0; x < modes; x++) {
                        w[wr + x] += bv * pv[pr + x];
                    }
                }
            }
        }
        return m;
    }

    /** {@link #addBlockTimesP} for 3 × 3 blocks (B at offset o), B's entries in locals. */
    private int addBlockTimesP3(int o, boolean transposed, int j, int i, int[] marker, int[] slot, int[] list, int m,
            double[] w) {
        double[] v = a.v;
        double b00 = v[o];
        double b11 = v[o + 4];
        double b22 = v[o + 8];
        double b01 = transposed ? v[o + 3] : v[o + 1];
        double b02 = transposed ? v[o + 6] : v[o + 2];
        double b10 = transposed ? v[o + 1] : v[o + 3];
        double b12 = transposed ? v[o + 7] : v[o + 5];
        double b20 = transposed ? v[o + 2] : v[o + 6];
        double b21 = transposed ? v[o + 5] : v[o + 7];
        int blockLen = 3 * modes;
        for (int p = prp[j]; p < prp[j + 1]; p++) {
            int bg = pagg[p];
            if (marker[bg] != i) {
                marker[bg] = i;
                slot[bg] = m;
                list[m++] = bg;
            }
            int wo = slot[bg] * blockLen;
            int po = p * blockLen;
            for (int x = 0; x < modes; x++) {
                double p0 = pv[po + x];
                double p1 = pv[po + modes + x];
                double p2 = pv[po + 2 * modes + x];
                w[wo + x] += b00 * p0 + b01 * p1 + b02 * p2;
                w[wo + modes + x] += b10 * p0 + b11 * p1 + b12 * p2;
                w[wo + 2 * modes + x] += b20 * p0 + b21 * p1 + b22 * p2;
            }
        }
        return m;
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
                int rj = a.col[q] * d;
                int ob = a.at(q);
                for (int c = 0; c < d; c++) {
                    double t = 0;
                    for (int r = 0; r < d; r++) {
                        t += v[ob + r * d + c] * x[ri + r];
                    }
                    s[rj + c] -= t;
                }
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
                    int rj = a.col[q] * d;
                    int ob = a.at(q);
                    for (int r = 0; r < d; r++) {
                        double t = 0;
                        for (int cc = 0; cc < d; cc++) {
                            t += v[ob + r * d + cc] * x[rj + cc];
                        }
                        out[ri + r] -= t;
                    }
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
                int rj = a.col[q] * d;
                int ob = a.at(q);
                for (int r = 0; r < d; r++) {
                    double t = 0;
                    for (int c = 0; c < d; c++) {
                        t += v[ob + r * d + c] * x[rj + c];
                    }
                    u[r] -= t;
                }
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

    /** out = Pᵀ r (scattered by P's block rows). */
    private void restrict(double[] r, double[] out) {
        Arrays.fill(out, 0);
        int blockLen = d * modes;
        for (int i = 0; i < nodes; i++) {
            int ri = i * d;
            for (int p = prp[i]; p < prp[i + 1]; p++) {
                int c0 = pagg[p] * modes;
                int kp = kept[pagg[p]];
                int po = p * blockLen;
                for (int rr = 0; rr < d; rr++) {
                    double x = r[ri + rr];
                    for (int m = 0; m < kp; m++) {
                        out[c0 + m] += pv[po + rr * modes + m] * x;
                    }
                }
            }
        }
    }

    /** x += P e (gathered by rows, in parallel). */
    private void prolongAdd(double[] e, double[] x) {
        int blockLen = d * modes;
        int chunk = 2048;
        IntStream.range(0, (nodes + chunk - 1) / chunk).parallel().forEach(c -> {
            for (int i = c * chunk; i < Math.min(nodes, (c + 1) * chunk); i++) {
                int ri = i * d;
                for (int p = prp[i]; p < prp[i + 1]; p++) {
                    int c0 = pagg[p] * modes;
                    int kp = kept[pagg[p]];
                    int po = p * blockLen;
                    for (int rr = 0; rr < d; rr++) {
                        double s = 0;
                        for (int m = 0; m < kp; m++) {
                            s += pv[po + rr * modes + m] * e[c0 + m];
                        }
                        x[ri + rr] += s;
                    }
                }
            }
        });
    }
}
