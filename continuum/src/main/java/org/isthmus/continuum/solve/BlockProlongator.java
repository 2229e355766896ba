package org.isthmus.continuum.solve;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The prolongator P of one level of {@link NodeBlockAmg}, stored by (node, aggregate) blocks of
 * d × modes single-precision values: the tentative prolongator P̂ (the near-null space
 * orthonormalised on each aggregate) smoothed by one damped-Jacobi step,
 * P = (I − ω D⁻¹A) P̂ (Vaněk, Mandel &amp; Brezina, Computing 56 (1996) 179, eq. 3.6), or P̂
 * itself (plain aggregation). Node i's block row holds the aggregates of its structural
 * neighbours (its own only when plain); aggregate k's coarse unknowns are k·modes + 0 ..
 * kept[k] − 1, and its columns past kept[k] are zero.
 */
final class BlockProlongator {
    private final NodeBlockMatrix a;
    private final int d;
    private final int nodes;
    final int modes;
    /** Modes kept by each aggregate. */
    final int[] kept;
    /** P's block rows (node), block columns (aggregate) and values (d × modes per block, row-major). */
    final int[] prp;
    final int[] pagg;
    final float[] pv;

    /**
     * P for the level matrix a: agg the aggregate of each node (negative: none), tent the
     * tentative rows (n × modes, row-major), invD the inverse diagonal, ω the damping (0 and
     * smooth false: P = P̂).
     */
    BlockProlongator(NodeBlockMatrix a, int[][] lower, int[] agg, int[] kept, int modes, double[] tent,
            double[] invD, double omega, boolean smooth) {
        this.a = a;
        this.d = a.d;
        this.nodes = a.nodes;
        this.modes = modes;
        this.kept = kept;
        int[][] pattern = prolongatorPattern(lower, agg, smooth);
        this.prp = pattern[0];
        this.pagg = pattern[1];
        this.pv = new float[pagg.length * d * modes];
        fillProlongator(lower, agg, tent, invD, omega);
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
    private void fillProlongator(int[][] lower, int[] agg, double[] tent, double[] invD, double omega) {
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

    /** out = Pᵀ r (scattered by P's block rows). */
    void restrict(double[] r, double[] out) {
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
    void prolongAdd(double[] e, double[] x) {
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
