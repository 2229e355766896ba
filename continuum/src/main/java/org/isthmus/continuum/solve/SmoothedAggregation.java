package org.isthmus.continuum.solve;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.isthmus.continuum.ConvergenceException;

/**
 * A smoothed-aggregation algebraic multigrid V-cycle for elasticity (Vaněk, Mandel &amp; Brezina,
 * Computing 56 (1996) 179, "Algebraic multigrid by smoothed aggregation for second and fourth
 * order elliptic problems"), used as the preconditioner of {@link SparsePcg}. The near-null space
 * is the rigid-body modes of the nodes (3 in 2D, 6 in 3D, from the coordinates), zero on
 * constrained dofs (rows that hold only their diagonal), so the coarse spaces see the bending
 * modes that make a slender body hard for one-level preconditioners. Setup per level: greedy
 * aggregation of the node (block) graph, every non-zero coupling an edge (no strength-of-connection
 * threshold; filtering weak couplings out of the smoothing was tried and cost iterations,
 * docs/benchmarks.md) (§3 of the paper: root aggregates of a node and all its
 * neighbours, then neighbours join, then leftovers group), the tentative prolongator from a QR
 * factorisation of the near-null space on each aggregate, one damped-Jacobi smoothing step
 * P = (I − ω D⁻¹A) P̂ with ω = 4/(3 ρ(D⁻¹A)) (ρ by power iteration), and the Galerkin coarse
 * matrix PᵀAP (optionally the tentative prolongator unsmoothed, "plain aggregation": a cheaper
 * setup and sparser coarse matrices for about 2.5 times the iterations); levels stop at {@value #COARSEST} unknowns, solved by dense Cholesky. The cycle
 * uses one forward Gauss–Seidel sweep before and one backward sweep after the coarse
 * correction, so it is a symmetric positive-definite preconditioner (CG can use it).
 *
 * <p>Memory and time: the Galerkin product is formed a chunk of fine rows at a time, upper
 * blocks only ({@link #galerkin}); Pᵀ is not stored (the restriction scatters with P); sparse
 * products share column look-ups among rows of one pattern ({@link Csr#times}); on the finest
 * level (sorted rows) the first sweep from zero reads only the lower triangle and the residual
 * after it only the upper one.
 */
final class SmoothedAggregation {
    private static final int COARSEST = 600;
    private static final int MAX_LEVELS = 12;

    /** A CRS matrix (columns unsorted). */
    static final class Csr {
        final int rows;
        final int cols;
        final int[] rp;
        final int[] ci;
        final double[] v;

        Csr(int rows, int cols, int[] rp, int[] ci, double[] v) {
            this.rows = rows;
            this.cols = cols;
            this.rp = rp;
            this.ci = ci;
            this.v = v;
        }

        void multiply(double[] x, double[] y) {
            int blocks = (rows + 2047) / 2048;
            IntStream.range(0, blocks).parallel().forEach(b -> {
                int end = Math.min(rows, (b + 1) * 2048);
                for (int i = b * 2048; i < end; i++) {
                    double s = 0;
                    for (int p = rp[i]; p < rp[i + 1]; p++) {
                        s += v[p] * x[ci[p]];
                    }
                    y[i] = s;
                }
            });
        }

        /**
         * y = thisᵀ x by scattering the rows (sequential: Pᵀ is not stored, which saves as much
         * memory as P takes; the restriction costs one pass over P per cycle).
         */
        void multiplyTransposed(double[] x, double[] y) {
            Arrays.fill(y, 0);
            for (int i = 0; i < rows; i++) {
                double xi = x[i];
                if (xi != 0) {
                    for (int q = rp[i]; q < rp[i + 1]; q++) {
                        y[ci[q]] += v[q] * xi;
                    }
                }
            }
        }

        /**
         * Rows r0..r1−1 as a matrix that shares this one's column and value arrays (its row
         * pointers index them directly; only {@link #times}, {@link #transposeInto} and row loops
         * may use it).
         */
        Csr rowRange(int r0, int r1) {
            return new Csr(r1 - r0, cols, Arrays.copyOfRange(rp, r0, r1 + 1), ci, v);
        }

        /** The transpose (cols × rows) of a row range; works on {@link #rowRange} views. */
        Csr transposeInto(int ncols) {
            int[] cnt = new int[ncols + 1];
            for (int p = rp[0]; p < rp[rows]; p++) {
                cnt[ci[p] + 1]++;
            }
            for (int j = 0; j < ncols; j++) {
                cnt[j + 1] += cnt[j];
            }
            int[] fill = Arrays.copyOf(cnt, ncols);
            int[] tci = new int[cnt[ncols]];
            double[] tv = new double[cnt[ncols]];
            for (int i = 0; i < rows; i++) {
                for (int p = rp[i]; p < rp[i + 1]; p++) {
                    int q = fill[ci[p]]++;
                    tci[q] = i;
                    tv[q] = v[p];
                }
            }
            return new Csr(ncols, rows, cnt, tci, tv);
        }

        /**
         * The symmetric matrix whose upper part this is (as {@link #times(Csr, int[])} leaves
         * it): row i's entries with j past the end of i's block are also entered as (j, i),
         * appended to row j in row order.
         */
        Csr mirrorUpper(int[] blocks) {
            int[] hi = new int[rows];
            for (int k = 0; k + 1 < blocks.length; k++) {
                Arrays.fill(hi, blocks[k], blocks[k + 1], blocks[k + 1]);
            }
            int[] orp = new int[rows + 1];
            for (int i = 0; i < rows; i++) {
                orp[i + 1] += rp[i + 1] - rp[i];
                for (int q = rp[i]; q < rp[i + 1]; q++) {
                    if (ci[q] >= hi[i]) {
                        orp[ci[q] + 1]++;
                    }
                }
            }
            for (int i = 0; i < rows; i++) {
                orp[i + 1] += orp[i];
            }
            int[] fill = Arrays.copyOf(orp, rows);
            int[] oci = new int[orp[rows]];
            double[] ov = new double[orp[rows]];
            // mirrored entries (j, i) come from rows i < j's block: write them first, in row order
            for (int i = 0; i < rows; i++) {
                for (int q = rp[i]; q < rp[i + 1]; q++) {
                    int j = ci[q];
                    if (j >= hi[i]) {
                        oci[fill[j]] = i;
                        ov[fill[j]++] = v[q];
                    }
                }
            }
            for (int i = 0; i < rows; i++) {
                int len = rp[i + 1] - rp[i];
                System.arraycopy(ci, rp[i], oci, fill[i], len);
                System.arraycopy(v, rp[i], ov, fill[i], len);
            }
            return new Csr(rows, cols, orp, oci, ov);
        }

        /** Σ parts (same shape), each row's sum taken part by part in list order. */
        static Csr sum(java.util.List<Csr> parts) {
            int rows = parts.get(0).rows;
            int cols = parts.get(0).cols;
            int[] marker = new int[cols];
            int[] slot = new int[cols];
            Arrays.fill(marker, -1);
            int[] orp = new int[rows + 1];
            for (int i = 0; i < rows; i++) {
                int m = 0;
                for (Csr c : parts) {
                    for (int q = c.rp[i]; q < c.rp[i + 1]; q++) {
                        if (marker[c.ci[q]] != i) {
                            marker[c.ci[q]] = i;
                            m++;
                        }
                    }
                }
                orp[i + 1] = orp[i] + m;
            }
            Arrays.fill(marker, -1);
            int[] oci = new int[orp[rows]];
            double[] ov = new double[orp[rows]];
            for (int i = 0; i < rows; i++) {
                int m = orp[i];
                for (Csr c : parts) {
                    for (int q = c.rp[i]; q < c.rp[i + 1]; q++) {
                        int j = c.ci[q];
                        if (marker[j] != i) {
                            marker[j] = i;
                            slot[j] = m;
                            oci[m++] = j;
                        }
                        ov[slot[j]] += c.v[q];
                    }
                }
            }
            return new Csr(rows, cols, orp, oci, ov);
        }

        /**
         * Starts of the runs of consecutive rows with identical column lists (the dim rows of a
         * node, the kept modes of an aggregate), plus {@code rows} at the end.
         */
        int[] rowGroups() {
            return rowGroups(null);
        }

        /** {@link #rowGroups()} with a group starting at least at every block start (if blocks is not null). */
        int[] rowGroups(int[] blocks) {
            boolean[] split = new boolean[rows + 1];
            if (blocks != null) {
                for (int s0 : blocks) {
                    split[s0] = true;
                }
            }
            int[] g = new int[rows + 1];
            int count = 0;
            for (int i = 0; i < rows; i++) {
                int s0 = count == 0 ? 0 : g[count - 1];
                boolean same = i > 0 && !split[i] && rp[i + 1] - rp[i] == rp[s0 + 1] - rp[s0]
                        && Arrays.equals(ci, rp[s0], rp[s0 + 1], ci, rp[i], rp[i + 1]);
                if (!same) {
                    g[count++] = i;
                }
            }
            g[count] = rows;
            return Arrays.copyOf(g, count + 1);
        }

        /**
         * The number of distinct columns of row i of this × b (marker entries set to g), counting
         * only columns ≥ minCol if upper. The full and the upper product have separate inner
         * loops ({@link #countRow}, {@link #countRowUpper}): one loop serving both would see its
         * column test never taken in the one and often in the other, and the JIT would compile it
         * twice (a deoptimisation on the first upper product).
         */
        private int countGroup(Csr b, int i, int g, int[] marker, int minCol, boolean upper) {
            int m = 0;
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                int k = ci[p];
                m = upper ? countRowUpper(b, k, g, marker, m, minCol) : countRow(b, k, g, marker, m);
            }
            return m;
        }

        private static int countRow(Csr b, int k, int g, int[] marker, int m) {
            for (int q = b.rp[k]; q < b.rp[k + 1]; q++) {
                int j = b.ci[q];
                if (marker[j] != g) {
                    marker[j] = g;
                    m++;
                }
            }
            return m;
        }

        private static int countRowUpper(Csr b, int k, int g, int[] marker, int m, int minCol) {
            for (int q = b.rp[k]; q < b.rp[k + 1]; q++) {
                int j = b.ci[q];
                if (j >= minCol && marker[j] != g) {
                    marker[j] = g;
                    m++;
                }
            }
            return m;
        }

        /**
         * Rows i0..i1−1 (one group, same columns in the same order) of this × b, written at orp.
         * The group's values of one column of this are gathered into {@code pv} and the sums
         * kept in {@code acc}, column-major by group row (acc[at·gs + r]), so the innermost loop
         * runs over contiguous memory; the rows are written out at the end.
         */
        private void multiplyGroup(Csr b, int i0, int i1, int g, int[] marker, int[] slot, double[] pv, double[] acc,
                int[] cols, int[] orp, int[] oci, double[] ov, int minCol, boolean upper) {
            int gs = i1 - i0;
            int m = 0;
            for (int p = rp[i0]; p < rp[i0 + 1]; p++) {
                int k = ci[p];
                int off = p - rp[i0];
                for (int r = 0; r < gs; r++) {
                    pv[r] = v[rp[i0 + r] + off];
                }
                m = upper ? (gs == 6 ? productRowUpper6(b, k, g, m, marker, slot, cols, pv, acc, minCol)
                        : productRowUpper(b, k, g, m, marker, slot, cols, pv, acc, gs, minCol))
                        : gs == 3 ? productRow3(b, k, g, m, marker, slot, cols, pv, acc)
                        : productRow(b, k, g, m, marker, slot, cols, pv, acc, gs);
            }
            for (int r = 0; r < gs; r++) {
                int o = orp[i0 + r];
                System.arraycopy(cols, 0, oci, o, m);
                for (int at = 0; at < m; at++) {
                    ov[o + at] = acc[at * gs + r];
                }
            }
            Arrays.fill(acc, 0, m * gs, 0);
        }

        /**
         * The slot of column j among the {@code m} columns that key {@code g} has met so far:
         * its slot if marked, else m (j is then recorded at slot m; the caller counts it).
         */
        static int column(int j, int g, int m, int[] marker, int[] slot, int[] cols) {
            if (marker[j] == g) {
                return slot[j];
            }
            marker[j] = g;
            slot[j] = m;
            cols[m] = j;
            return m;
        }

        /** Adds pv ⊗ (row k of b) to the group's sums; returns the group's column count. */
        private static int productRow(Csr b, int k, int g, int m, int[] marker, int[] slot, int[] cols, double[] pv,
                double[] acc, int gs) {
            for (int q = b.rp[k]; q < b.rp[k + 1]; q++) {
                int j = b.ci[q];
                int at = column(j, g, m, marker, slot, cols);
                if (at == m) {
                    m++;
                }
                accumulate(acc, at * gs, pv, gs, b.v[q]);
            }
            return m;
        }

        /**
         * {@link #productRow} for groups of 3 rows (the dofs of a node in 3D), the values held in
         * locals: the same products and sums, in the same order.
         */
        private static int productRow3(Csr b, int k, int g, int m, int[] marker, int[] slot, int[] cols, double[] pv,
                double[] acc) {
            double p0 = pv[0];
            double p1 = pv[1];
            double p2 = pv[2];
            for (int q = b.rp[k]; q < b.rp[k + 1]; q++) {
                int j = b.ci[q];
                int at = column(j, g, m, marker, slot, cols);
                if (at == m) {
                    m++;
                }
                double bv = b.v[q];
                int base = 3 * at;
                acc[base] += p0 * bv;
                acc[base + 1] += p1 * bv;
                acc[base + 2] += p2 * bv;
            }
            return m;
        }

        /**
         * {@link #productRowUpper} for groups of 6 rows (the rigid-body modes of an aggregate in
         * 3D), the values held in locals: the same products and sums, in the same order.
         */
        private static int productRowUpper6(Csr b, int k, int g, int m, int[] marker, int[] slot, int[] cols,
                double[] pv, double[] acc, int minCol) {
            double p0 = pv[0];
            double p1 = pv[1];
            double p2 = pv[2];
            double p3 = pv[3];
            double p4 = pv[4];
            double p5 = pv[5];
            for (int q = b.rp[k]; q < b.rp[k + 1]; q++) {
                int j = b.ci[q];
                if (j < minCol) {
                    continue;
                }
                int at = column(j, g, m, marker, slot, cols);
                if (at == m) {
                    m++;
                }
                double bv = b.v[q];
                int base = 6 * at;
                acc[base] += p0 * bv;
                acc[base + 1] += p1 * bv;
                acc[base + 2] += p2 * bv;
                acc[base + 3] += p3 * bv;
                acc[base + 4] += p4 * bv;
                acc[base + 5] += p5 * bv;
            }
            return m;
        }

        /** {@link #productRow} for the columns ≥ minCol only. */
        private static int productRowUpper(Csr b, int k, int g, int m, int[] marker, int[] slot, int[] cols,
                double[] pv, double[] acc, int gs, int minCol) {
            for (int q = b.rp[k]; q < b.rp[k + 1]; q++) {
                int j = b.ci[q];
                if (j < minCol) {
                    continue;
                }
                int at = column(j, g, m, marker, slot, cols);
                if (at == m) {
                    m++;
                }
                accumulate(acc, at * gs, pv, gs, b.v[q]);
            }
            return m;
        }

        private static void accumulate(double[] acc, int base, double[] pv, int gs, double bv) {
            for (int r = 0; r < gs; r++) {
                acc[base + r] += pv[r] * bv;
            }
        }

        /**
         * this × b in two passes over parallel chunks of row groups ({@link #rowGroups}): a
         * symbolic pass counts each group's columns, the numeric pass writes them in place, so
         * the product is allocated once at its exact size. The rows of a group share their
         * columns, so one column look-up serves all of them (the dim rows of a node: a third of
         * the look-ups of a row-by-row product), and the product's rows of a group again share
         * their columns. Each chunk has its own marker and slot arrays of b.cols entries; the
         * sums run in the same order for any thread count.
         */
        Csr times(Csr b) {
            return times(b, null);
        }

        /**
         * this × b, or with {@code blocks} (block starts of this matrix's rows, which index the
         * same space as b's columns) only the entries on or above the diagonal blocks: row i
         * keeps the columns j ≥ the first row of i's block (see {@link #mirrorUpper}).
         */
        Csr times(Csr b, int[] blocks) {
            int[] groups = rowGroups(blocks);
            int[] lo = new int[rows];
            if (blocks != null) {
                for (int k = 0; k + 1 < blocks.length; k++) {
                    Arrays.fill(lo, blocks[k], blocks[k + 1], blocks[k]);
                }
            }
            int ng = groups.length - 1;
            int chunks = Math.max(1, Math.min(4 * Runtime.getRuntime().availableProcessors(), ng / 256));
            int[] orp = new int[rows + 1];
            IntStream.range(0, chunks).parallel().forEach(c -> {
                int from = (int) ((long) ng * c / chunks);
                int to = (int) ((long) ng * (c + 1) / chunks);
                int[] marker = new int[b.cols];
                Arrays.fill(marker, -1);
                for (int g = from; g < to; g++) {
                    int m = countGroup(b, groups[g], g, marker, lo[groups[g]], blocks != null);
                    for (int r = groups[g]; r < groups[g + 1]; r++) {
                        orp[r + 1] = m;
                    }
                }
            });
            for (int i = 0; i < rows; i++) {
                orp[i + 1] += orp[i];
            }
            int[] oci = new int[orp[rows]];
            double[] ov = new double[orp[rows]];
            IntStream.range(0, chunks).parallel().forEach(c -> {
                int from = (int) ((long) ng * c / chunks);
                int to = (int) ((long) ng * (c + 1) / chunks);
                int[] marker = new int[b.cols];
                int[] slot = new int[b.cols];
                Arrays.fill(marker, -1);
                int maxGroup = 1;
                int maxCols = 1;
                long maxAcc = 1;
                for (int g = from; g < to; g++) {
                    int gs = groups[g + 1] - groups[g];
                    int m = orp[groups[g] + 1] - orp[groups[g]];
                    maxGroup = Math.max(maxGroup, gs);
                    maxCols = Math.max(maxCols, m);
                    maxAcc = Math.max(maxAcc, (long) gs * m);
                }
                double[] pv = new double[maxGroup];
                double[] acc = new double[(int) maxAcc];
                int[] cols = new int[maxCols];
                for (int g = from; g < to; g++) {
                    multiplyGroup(b, groups[g], groups[g + 1], g, marker, slot, pv, acc, cols, orp, oci, ov,
                            lo[groups[g]], blocks != null);
                }
            });
            return new Csr(rows, b.cols, orp, oci, ov);
        }
    }

    private final boolean smoothed;
    private final Csr[] a;
    private final Csr[] p;
    private final double[][] invDiag;
    /** Per level: the diagonal's position in each row if the rows are sorted (level 0), else null. */
    private final int[][] diagPos;
    private final int levels;
    private final double[] coarseFactor;
    private final int coarseN;
    private final double[][] work;
    private final double[][] rhs;
    private final double[][] sol;

    /**
     * Builds the hierarchy for the SPD matrix (rp, ci, v) whose dofs are node-major with
     * {@code dim} per node at the given coordinates (length n, or null for translations only).
     */
    SmoothedAggregation(int n, int[] rp, int[] ci, double[] v, double[] coords, int dim, boolean smooth) {
        this(new Csr(n, n, rp, ci, v), nodeBlocks(n, dim), null, coords, dim, smooth);
    }

    /**
     * The hierarchy below a finer level built elsewhere ({@link NodeBlockAmg}): {@code a} is that
     * level's Galerkin matrix, {@code blockStart} its blocks (an aggregate's kept modes) and
     * {@code b} its near-null space (rows × modes).
     */
    SmoothedAggregation(Csr a, int[] blockStart, double[] b, int modes, boolean smooth) {
        this(a, blockStart, b, null, modes, smooth);
    }

    /** Blocks of dim consecutive rows (the nodes). */
    static int[] nodeBlocks(int n, int dim) {
        int[] blockStart = new int[n / dim + 1];
        for (int i = 0; i <= n / dim; i++) {
            blockStart[i] = i * dim;
        }
        return blockStart;
    }

    /** b given (with modes), or built from coords with dim. */
    private SmoothedAggregation(Csr a0, int[] blockStart, double[] given, double[] coords, int dimOrModes,
            boolean smooth) {
        this.smoothed = smooth;
        Csr[] as = new Csr[MAX_LEVELS];
        Csr[] ps = new Csr[MAX_LEVELS];
        as[0] = a0;
        int n = a0.rows;
        int dim = dimOrModes;
        int modes = given != null ? dimOrModes : coords == null ? dim : (dim == 2 ? 3 : 6);
        double[] b = given != null ? given : nearNullSpace(as[0], coords, dim, modes);
        // level blocks: nodes on level 0, aggregates (with their kept modes) on coarser levels
        int l = 0;
        while (as[l].rows > COARSEST && l < MAX_LEVELS - 1) {
            Level next = coarsen(as[l], blockStart, b, modes, smooth);
            if (next == null || next.p.cols >= as[l].rows) {
                break;
            }
            ps[l] = next.p;
            as[l + 1] = galerkin(as[l], next.p, next.blockStart);
            b = next.b;
            blockStart = next.blockStart;
            l++;
        }
        levels = l + 1;
        a = Arrays.copyOf(as, levels);
        p = Arrays.copyOf(ps, levels);
        invDiag = new double[levels][];
        diagPos = new int[levels][];
        work = new double[levels][];
        rhs = new double[levels][];
        sol = new double[levels][];
        for (int k = 0; k < levels; k++) {
            invDiag[k] = inverseDiagonal(a[k], true);
            diagPos[k] = k < levels - 1 ? diagonalPositions(a[k]) : null;
            work[k] = new double[a[k].rows];
            rhs[k] = new double[a[k].rows];
            sol[k] = new double[a[k].rows];
        }
        coarseN = a[levels - 1].rows;
        coarseFactor = denseCholesky(a[levels - 1]);
    }

    /** Whether the prolongators are smoothed (false: plain aggregation, P = P̂). */
    boolean smoothed() {
        return smoothed;
    }

    /** Number of levels. */
    int levels() {
        return levels;
    }

    /** Unknowns per level (finest first). */
    int[] sizes() {
        int[] s = new int[levels];
        for (int k = 0; k < levels; k++) {
            s[k] = a[k].rows;
        }
        return s;
    }

    /** Σ nnz(A_l) over the levels. */
    long nonzeros() {
        long s = 0;
        for (Csr m : a) {
            s += m.rp[m.rows];
        }
        return s;
    }

    /** Operator complexity Σ nnz(A_l) / nnz(A_0). */
    double complexity() {
        double s = 0;
        for (Csr m : a) {
            s += m.rp[m.rows];
        }
        return s / a[0].rp[a[0].rows];
    }

    /** z = M⁻¹ r: one V(1,1)-cycle from zero. */
    void apply(double[] r, double[] z) {
        System.arraycopy(r, 0, rhs[0], 0, r.length);
        cycle(0);
        System.arraycopy(sol[0], 0, z, 0, r.length);
    }

    private void cycle(int k) {
        double[] x = sol[k];
        double[] b = rhs[k];
        if (k == levels - 1) {
            choleskySolve(b, x);
            return;
        }
        Csr m = a[k];
        double[] res = work[k];
        if (diagPos[k] != null) {
            // From x = 0 the forward sweep needs only the lower triangle, and after it
            // b_i − Σ_{j≤i} a_ij x_j = 0, so the residual is −(strict upper triangle)·x: one pass
            // over the matrix for sweep and residual together instead of two.
            sweepLowerFromZero(m, diagPos[k], invDiag[k], b, x);
            upperResidual(m, diagPos[k], x, res);
        } else {
            Arrays.fill(x, 0);
            sweep(m, invDiag[k], b, x, true);
            m.multiply(x, res);
            for (int i = 0; i < res.length; i++) {
                res[i] = b[i] - res[i];
            }
        }
        p[k].multiplyTransposed(res, rhs[k + 1]);
        cycle(k + 1);
        p[k].multiply(sol[k + 1], res);
        for (int i = 0; i < x.length; i++) {
            x[i] += res[i];
        }
        sweep(m, invDiag[k], b, x, false);
    }

    /** x_i = (b_i − Σ_{j<i} a_ij x_j)/a_ii in row order (columns sorted, diagonal at diag[i]). */
    private static void sweepLowerFromZero(Csr m, int[] diag, double[] invD, double[] b, double[] x) {
        for (int i = 0; i < m.rows; i++) {
            double s = b[i];
            for (int q = m.rp[i]; q < diag[i]; q++) {
                s -= m.v[q] * x[m.ci[q]];
            }
            x[i] = s * invD[i];
        }
    }

    /** res_i = −Σ_{j>i} a_ij x_j, in parallel row blocks. */
    private static void upperResidual(Csr m, int[] diag, double[] x, double[] res) {
        int blocks = (m.rows + 2047) / 2048;
        IntStream.range(0, blocks).parallel().forEach(blk -> {
            int end = Math.min(m.rows, (blk + 1) * 2048);
            for (int i = blk * 2048; i < end; i++) {
                double s = 0;
                for (int q = diag[i] + 1; q < m.rp[i + 1]; q++) {
                    s -= m.v[q] * x[m.ci[q]];
                }
                res[i] = s;
            }
        });
    }

    /**
     * The position of each row's diagonal entry if every row's columns are strictly increasing
     * and the diagonal is present (as in the assembled stiffness), else null.
     */
    private static int[] diagonalPositions(Csr m) {
        int[] d = new int[m.rows];
        for (int i = 0; i < m.rows; i++) {
            d[i] = -1;
            for (int q = m.rp[i]; q < m.rp[i + 1]; q++) {
                if (q > m.rp[i] && m.ci[q] <= m.ci[q - 1]) {
                    return null;
                }
                if (m.ci[q] == i) {
                    d[i] = q;
                }
            }
            if (d[i] < 0) {
                return null;
            }
        }
        return d;
    }

    /** One Gauss–Seidel sweep, forward or backward. */
    private static void sweep(Csr m, double[] invD, double[] b, double[] x, boolean forward) {
        int n = m.rows;
        for (int t = 0; t < n; t++) {
            int i = forward ? t : n - 1 - t;
            double s = b[i];
            double diag = 0;
            for (int q = m.rp[i]; q < m.rp[i + 1]; q++) {
                int j = m.ci[q];
                if (j == i) {
                    diag += m.v[q];
                } else {
                    s -= m.v[q] * x[j];
                }
            }
            x[i] = s * invD[i];
        }
    }

    /** The rigid-body modes (n × modes, row-major), zero on dofs whose row holds only the diagonal. */
    private static double[] nearNullSpace(Csr a, double[] coords, int dim, int modes) {
        int n = a.rows;
        double[] b = rigidBodyModes(n, coords, dim, modes);
        for (int i = 0; i < n; i++) {
            boolean onlyDiagonal = true;
            for (int q = a.rp[i]; q < a.rp[i + 1]; q++) {
                if (a.ci[q] != i && a.v[q] != 0) {
                    onlyDiagonal = false;
                    break;
                }
            }
            if (onlyDiagonal) {
                Arrays.fill(b, i * modes, (i + 1) * modes, 0);
            }
        }
        return b;
    }

    /**
     * The rigid-body modes (n × modes, row-major) of nodes at coords (node-major, dim each)
     * about their centroid: translations, and with coordinates the rotations; translations
     * only (modes = dim) if coords is null.
     */
    static double[] rigidBodyModes(int n, double[] coords, int dim, int modes) {
        int nodes = n / dim;
        double[] c = new double[3];
        if (coords != null) {
            for (int i = 0; i < nodes; i++) {
                for (int k = 0; k < dim; k++) {
                    c[k] += coords[i * dim + k] / nodes;
                }
            }
        }
        double[] b = new double[n * modes];
        for (int i = 0; i < nodes; i++) {
            double x = coords == null ? 0 : coords[i * dim] - c[0];
            double y = coords == null ? 0 : coords[i * dim + 1] - c[1];
            double z = coords == null || dim == 2 ? 0 : coords[i * dim + 2] - c[2];
            for (int k = 0; k < dim; k++) {
                int row = (i * dim + k) * modes;
                b[row + k] = 1;
                if (coords == null) {
                    continue;
                }
                if (dim == 2) {
                    // rotation about z: (−y, x)
                    b[row + 2] = k == 0 ? -y : x;
                } else {
                    // rotations about x (0, −z, y), y (z, 0, −x), z (−y, x, 0)
                    b[row + 3] = k == 0 ? 0 : (k == 1 ? -z : y);
                    b[row + 4] = k == 0 ? z : (k == 1 ? 0 : -x);
                    b[row + 5] = k == 0 ? -y : (k == 1 ? x : 0);
                }
            }
        }
        return b;
    }

    private record Level(Csr p, double[] b, int[] blockStart) {
    }

    /** Rows per chunk of the Galerkin product (A P is formed a chunk of rows at a time). */
    private static final int RAP_CHUNK_ROWS = 8192;

    /**
     * The coarse matrix Pᵀ A P, summed over chunks of fine rows R (aligned with A's row groups):
     * Pᵀ A P = Σ_R (P_R)ᵀ (A_R P), so A P, the largest intermediate (a row of a smoothed P times
     * A reaches the second neighbours' aggregates), never exists whole: its peak is one chunk's.
     * The partial products are added in chunk order, so the result does not depend on the
     * thread count. Pᵀ A P is symmetric: only its blocks on and above the diagonal (blocks of
     * {@code coarseBlocks}, a coarse node's kept modes) are computed, the others mirrored.
     */
    static Csr galerkin(Csr a, Csr p, int[] coarseBlocks) {
        return galerkin(a, p, coarseBlocks, RAP_CHUNK_ROWS);
    }

    /** {@link #galerkin(Csr, Csr, int[])} with chunks of about {@code chunkRows} fine rows. */
    static Csr galerkin(Csr a, Csr p, int[] coarseBlocks, int chunkRows) {
        int[] groups = a.rowGroups();
        java.util.List<Csr> parts = new java.util.ArrayList<>();
        int g = 0;
        while (g < groups.length - 1) {
            int r0 = groups[g];
            while (g < groups.length - 1 && groups[g + 1] - r0 <= chunkRows) {
                g++;
            }
            if (groups[g] == r0) {
                g++; // a single group larger than a chunk
            }
            int r1 = groups[g];
            Csr apr = a.rowRange(r0, r1).times(p);
            parts.add(p.rowRange(r0, r1).transposeInto(p.cols).times(apr, coarseBlocks));
        }
        return (parts.size() == 1 ? parts.get(0) : Csr.sum(parts)).mirrorUpper(coarseBlocks);
    }

    /*
     * The set-up runs once per solve, so its cost includes the JIT's: it is split into small
     * methods (one loop each, most called per block or per aggregate) that compile quickly,
     * instead of one long method that the JIT compiles on-stack-replacement again and again.
     */

    /** Aggregates the blocks of a, builds the smoothed prolongator and the coarse near-null space. */
    private static Level coarsen(Csr a, int[] blockStart, double[] b, int modes, boolean smooth) {
        int nb = blockStart.length - 1;
        int[] blockOf = blockOf(a.rows, blockStart);
        int[][] graph = blockGraph(a, blockStart, blockOf);
        int[] agg = new int[nb];
        int na = aggregate(graph[0], graph[1], agg);
        if (na == 0) {
            return null;
        }
        int[] aStart = new int[na + 1];
        int[] aDofs = aggregateDofs(agg, na, blockStart, aStart);
        // tentative prolongator: orthonormal basis Q of the near-null space on each aggregate
        // (modified Gram–Schmidt, twice, dropping dependent columns), coarse B = Qᵀ B
        double[][] qs = new double[na][];
        double[][] rs = new double[na][];
        int[] kept = new int[na];
        int[] cStart = new int[na + 1];
        for (int k = 0; k < na; k++) {
            int m = aStart[k + 1] - aStart[k];
            qs[k] = new double[m * modes];
            kept[k] = orthonormalize(b, aDofs, aStart[k], m, modes, qs[k]);
            rs[k] = projectModes(b, aDofs, aStart[k], m, modes, qs[k], kept[k]);
            cStart[k + 1] = cStart[k] + kept[k];
        }
        int nc = cStart[na];
        if (nc == 0) {
            return null;
        }
        Csr tent = tentative(a.rows, na, aStart, aDofs, kept, cStart, qs, modes);
        double[] bc = new double[nc * modes];
        for (int k = 0; k < na; k++) {
            System.arraycopy(rs[k], 0, bc, cStart[k] * modes, kept[k] * modes);
        }
        return new Level(smooth ? smoothProlongator(a, tent) : tent, bc, cStart);
    }

    private static int[] blockOf(int n, int[] blockStart) {
        int[] blockOf = new int[n];
        for (int i = 0; i + 1 < blockStart.length; i++) {
            Arrays.fill(blockOf, blockStart[i], blockStart[i + 1], i);
        }
        return blockOf;
    }

    /** The block graph (neighbours through non-zero entries) in CSR: {start, adjacency}. */
    private static int[][] blockGraph(Csr a, int[] blockStart, int[] blockOf) {
        int nb = blockStart.length - 1;
        int[] gStart = new int[nb + 1];
        int[] marker = new int[nb];
        Arrays.fill(marker, -1);
        // a block's neighbours are at most its first row's entries (rows of a block share a
        // pattern on every level); grow if a matrix breaks that
        int[] gAdj = new int[Math.max(16, 8 * nb)];
        int cnt = 0;
        for (int i = 0; i < nb; i++) {
            int room = Math.min(nb, a.rp[blockStart[i + 1]] - a.rp[blockStart[i]]);
            if (gAdj.length - cnt < room) {
                gAdj = Arrays.copyOf(gAdj, Math.max(gAdj.length + gAdj.length / 2, cnt + room));
            }
            cnt = blockNeighbours(a, blockStart, blockOf, i, marker, gAdj, cnt);
            gStart[i + 1] = cnt;
        }
        return new int[][] {gStart, Arrays.copyOf(gAdj, cnt)};
    }

    /** Appends the neighbours of block i (room for the block's entries is guaranteed); returns the new count. */
    private static int blockNeighbours(Csr a, int[] blockStart, int[] blockOf, int i, int[] marker, int[] gAdj, int cnt) {
        marker[i] = i;
        for (int d = blockStart[i]; d < blockStart[i + 1]; d++) {
            for (int q = a.rp[d]; q < a.rp[d + 1]; q++) {
                if (a.v[q] == 0) {
                    continue;
                }
                int j = blockOf[a.ci[q]];
                if (marker[j] != i) {
                    marker[j] = i;
                    gAdj[cnt++] = j;
                }
            }
        }
        return cnt;
    }

    /**
     * Greedy aggregation (Vaněk et al. §3): roots whose neighbours are all free take them; the
     * rest join a neighbouring aggregate of the first pass; leftovers group with their free
     * neighbours. Isolated blocks (all dofs constrained) stay out (−2). Returns the aggregate
     * count; agg[i] receives the aggregate of block i.
     */
    static int aggregate(int[] gStart, int[] gAdj, int[] agg) {
        int nb = agg.length;
        Arrays.fill(agg, -1);
        int na = 0;
        for (int i = 0; i < nb; i++) {
            if (gStart[i + 1] == gStart[i]) {
                agg[i] = -2;
            }
        }
        for (int i = 0; i < nb; i++) {
            if (agg[i] == -1 && allFree(gStart, gAdj, agg, i)) {
                agg[i] = na;
                for (int q = gStart[i]; q < gStart[i + 1]; q++) {
                    agg[gAdj[q]] = na;
                }
                na++;
            }
        }
        int[] first = agg.clone();
        for (int i = 0; i < nb; i++) {
            if (agg[i] == -1) {
                for (int q = gStart[i]; q < gStart[i + 1]; q++) {
                    if (first[gAdj[q]] >= 0) {
                        agg[i] = first[gAdj[q]];
                        break;
                    }
                }
            }
        }
        for (int i = 0; i < nb; i++) {
            if (agg[i] == -1) {
                agg[i] = na;
                for (int q = gStart[i]; q < gStart[i + 1]; q++) {
                    if (agg[gAdj[q]] == -1) {
                        agg[gAdj[q]] = na;
                    }
                }
                na++;
            }
        }
        return na;
    }

    private static boolean allFree(int[] gStart, int[] gAdj, int[] agg, int i) {
        for (int q = gStart[i]; q < gStart[i + 1]; q++) {
            if (agg[gAdj[q]] != -1) {
                return false;
            }
        }
        return true;
    }

    /** The dofs of each aggregate, grouped (aStart receives the group starts). */
    static int[] aggregateDofs(int[] agg, int na, int[] blockStart, int[] aStart) {
        int nb = agg.length;
        for (int i = 0; i < nb; i++) {
            if (agg[i] >= 0) {
                aStart[agg[i] + 1] += blockStart[i + 1] - blockStart[i];
            }
        }
        for (int k = 0; k < na; k++) {
            aStart[k + 1] += aStart[k];
        }
        int[] aDofs = new int[aStart[na]];
        int[] fill = Arrays.copyOf(aStart, na);
        for (int i = 0; i < nb; i++) {
            if (agg[i] >= 0) {
                for (int d = blockStart[i]; d < blockStart[i + 1]; d++) {
                    aDofs[fill[agg[i]]++] = d;
                }
            }
        }
        return aDofs;
    }

    /**
     * Orthonormalises the near-null space restricted to one aggregate's m dofs into q (m ×
     * modes, row-major; modified Gram–Schmidt twice, dependent columns dropped); returns the
     * number of columns kept.
     */
    static int orthonormalize(double[] b, int[] aDofs, int first, int m, int modes, double[] q) {
        int cols = 0;
        for (int j = 0; j < modes; j++) {
            double norm0 = 0;
            for (int r = 0; r < m; r++) {
                double val = b[aDofs[first + r] * modes + j];
                q[r * modes + cols] = val;
                norm0 += val * val;
            }
            norm0 = Math.sqrt(norm0);
            for (int pass = 0; pass < 2; pass++) {
                for (int c = 0; c < cols; c++) {
                    double dot = 0;
                    for (int r = 0; r < m; r++) {
                        dot += q[r * modes + c] * q[r * modes + cols];
                    }
                    for (int r = 0; r < m; r++) {
                        q[r * modes + cols] -= dot * q[r * modes + c];
                    }
                }
            }
            double norm = 0;
            for (int r = 0; r < m; r++) {
                norm += q[r * modes + cols] * q[r * modes + cols];
            }
            norm = Math.sqrt(norm);
            boolean keep = norm > 1e-8 * norm0 && norm > 0;
            for (int r = 0; r < m; r++) {
                q[r * modes + cols] = keep ? q[r * modes + cols] / norm : 0;
            }
            if (keep) {
                cols++;
            }
        }
        return cols;
    }

    /** R = Qᵀ B on one aggregate (cols × modes): the coarse near-null space. */
    static double[] projectModes(double[] b, int[] aDofs, int first, int m, int modes, double[] q, int cols) {
        double[] rr = new double[cols * modes];
        for (int c = 0; c < cols; c++) {
            for (int j = 0; j < modes; j++) {
                double s = 0;
                for (int r = 0; r < m; r++) {
                    s += q[r * modes + c] * b[aDofs[first + r] * modes + j];
                }
                rr[c * modes + j] = s;
            }
        }
        return rr;
    }

    /** The tentative prolongator P̂ (n × nc): row d holds Q's row of d in its aggregate's columns. */
    private static Csr tentative(int n, int na, int[] aStart, int[] aDofs, int[] kept, int[] cStart, double[][] qs,
            int modes) {
        int[] dofAgg = new int[n];
        int[] dofRow = new int[n];
        Arrays.fill(dofAgg, -1);
        for (int k = 0; k < na; k++) {
            for (int r = 0; r < aStart[k + 1] - aStart[k]; r++) {
                dofAgg[aDofs[aStart[k] + r]] = k;
                dofRow[aDofs[aStart[k] + r]] = r;
            }
        }
        int[] trp = new int[n + 1];
        for (int d = 0; d < n; d++) {
            trp[d + 1] = trp[d] + (dofAgg[d] >= 0 ? kept[dofAgg[d]] : 0);
        }
        int[] tci = new int[trp[n]];
        double[] tv = new double[trp[n]];
        for (int d = 0; d < n; d++) {
            int k = dofAgg[d];
            for (int c = 0; k >= 0 && c < kept[k]; c++) {
                tci[trp[d] + c] = cStart[k] + c;
                tv[trp[d] + c] = qs[k][dofRow[d] * modes + c];
            }
        }
        return new Csr(n, cStart[na], trp, tci, tv);
    }

    /** P = P̂ − ω D⁻¹ A P̂ with ω = 4/(3 ρ(D⁻¹A)) (Vaněk et al., eq. 3.6). */
    private static Csr smoothProlongator(Csr a, Csr tent) {
        int n = a.rows;
        double[] invD = inverseDiagonal(a, false);
        double omega = 4.0 / (3.0 * spectralRadius(a, invD));
        Csr ap = a.times(tent);
        for (int i = 0; i < n; i++) {
            smoothRow(ap, tent, i, -omega * invD[i]);
        }
        return ap;
    }

    /** Row i of AP̂ scaled by f, plus P̂'s row (its columns are among AP̂'s: A has a non-zero diagonal). */
    private static void smoothRow(Csr ap, Csr tent, int i, double f) {
        for (int q = ap.rp[i]; q < ap.rp[i + 1]; q++) {
            ap.v[q] *= f;
        }
        for (int q = tent.rp[i]; q < tent.rp[i + 1]; q++) {
            int col = tent.ci[q];
            for (int t = ap.rp[i]; t < ap.rp[i + 1]; t++) {
                if (ap.ci[t] == col) {
                    ap.v[t] += tent.v[q];
                    break;
                }
            }
        }
    }

    /**
     * 1/a_ii per row; a non-positive diagonal gives 0 (strict = false, the smoothing of P) or a
     * {@link ConvergenceException} (strict = true: the smoother needs a positive diagonal).
     */
    static double[] inverseDiagonal(Csr a, boolean strict) {
        double[] invD = new double[a.rows];
        for (int i = 0; i < a.rows; i++) {
            double d = 0;
            for (int q = a.rp[i]; q < a.rp[i + 1]; q++) {
                if (a.ci[q] == i) {
                    d += a.v[q];
                }
            }
            if (strict && !(d > 0)) {
                throw new ConvergenceException("AMG: non-positive diagonal " + d + " at unknown " + i
                        + "; the matrix is not positive definite");
            }
            invD[i] = d > 0 ? 1 / d : 0;
        }
        return invD;
    }

    /** ρ(D⁻¹A) by 12 power iterations (the estimate only sets the smoothing damping). */
    static double spectralRadius(Csr a, double[] invD) {
        return spectralRadius(a.rows, a::multiply, invD);
    }

    /** {@link #spectralRadius(Csr, double[])} for any symmetric operator y = A x of size n. */
    static double spectralRadius(int n, java.util.function.BiConsumer<double[], double[]> a, double[] invD) {
        double[] x = new double[n];
        double[] y = new double[n];
        java.util.Random rnd = new java.util.Random(12345);
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() - 0.5;
        }
        double lambda = 1;
        for (int it = 0; it < 12; it++) {
            a.accept(x, y);
            double norm = 0;
            double dot = 0;
            for (int i = 0; i < n; i++) {
                y[i] *= invD[i];
                norm += y[i] * y[i];
                dot += x[i] * y[i];
            }
            double xx = 0;
            for (int i = 0; i < n; i++) {
                xx += x[i] * x[i];
            }
            lambda = Math.sqrt(norm / xx);
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                x[i] = y[i] / norm;
            }
        }
        // power iteration approaches ρ from below; a margin keeps ω inside the smoothing range
        return 1.1 * lambda;
    }

    private static double[] denseCholesky(Csr m) {
        int n = m.rows;
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int q = m.rp[i]; q < m.rp[i + 1]; q++) {
                l[i * n + m.ci[q]] += m.v[q];
            }
        }
        return choleskyInPlace(l, n);
    }

    /**
     * The Cholesky factor L (lower triangle, row-major) of the dense SPD n × n matrix in l,
     * computed in place; a non-positive pivot is a {@link ConvergenceException}.
     */
    static double[] choleskyInPlace(double[] l, int n) {
        for (int j = 0; j < n; j++) {
            double d = l[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (!(d > 0)) {
                throw new ConvergenceException("AMG: the coarsest matrix (" + n + " unknowns) is not positive definite");
            }
            d = Math.sqrt(d);
            l[j * n + j] = d;
            for (int i = j + 1; i < n; i++) {
                double s = l[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / d;
            }
        }
        return l;
    }

    private void choleskySolve(double[] b, double[] x) {
        choleskySolve(coarseFactor, coarseN, b, x);
    }

    /** x = (L Lᵀ)⁻¹ b for a factor from {@link #choleskyInPlace}. */
    static void choleskySolve(double[] l, int n, double[] b, double[] x) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
    }
}
