package org.isthmus.continuum.solve;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The Galerkin coarse matrix PᵀAP of one level of {@link NodeBlockAmg}, from the level's
 * {@link NodeBlockMatrix} A and its {@link BlockProlongator} P, as a symmetric block matrix over
 * the aggregates (Vaněk, Mandel &amp; Brezina, Computing 56 (1996) 179, §2).
 */
final class BlockGalerkin {
    /** Coarse rows (aggregates) per partition of the product. */
    private static final int GALERKIN_ROWS = 512;

    private final NodeBlockMatrix a;
    private final int d;
    private final int nodes;
    private final int modes;
    private final int[] kept;
    private final int[] prp;
    private final int[] pagg;
    private final float[] pv;

    private BlockGalerkin(NodeBlockMatrix a, BlockProlongator p) {
        this.a = a;
        this.d = a.d;
        this.nodes = a.nodes;
        this.modes = p.modes;
        this.kept = p.kept;
        this.prp = p.prp;
        this.pagg = p.pagg;
        this.pv = p.pv;
    }

    /** PᵀAP; lower is A's index of the blocks below the diagonal ({@link NodeBlockAmg}). */
    static NodeBlockMatrix product(NodeBlockMatrix a, int[][] lower, BlockProlongator p) {
        return new BlockGalerkin(a, p).galerkin(lower, p.kept.length);
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
            int at = SmoothedAggregation.Csr.column(pagg[p], i, m, marker, slot, list);
            if (at == m) {
                m++;
            }
            int wo = at * blockLen;
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
            int at = SmoothedAggregation.Csr.column(pagg[p], i, m, marker, slot, list);
            if (at == m) {
                m++;
            }
            int wo = at * blockLen;
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

}
