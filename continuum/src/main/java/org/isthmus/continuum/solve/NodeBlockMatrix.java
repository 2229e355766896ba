package org.isthmus.continuum.solve;

import java.util.Arrays;
import java.util.stream.IntStream;

import no.uib.cipr.matrix.sparse.CompRowMatrix;

/**
 * A symmetric matrix over node blocks, stored by its blocks on and above the diagonal: block
 * (I, J), J ≥ I, is the d × d coupling of node I's dofs (rows I·d .. I·d + d − 1) with node J's
 * (row-major, d = dofs per node). Each block row holds its diagonal block first, then its other
 * blocks by increasing J. This is the memory-lean form of a finite-element stiffness for the
 * PCG + AMG solve of {@link LinearStatic}: one column index per d² entries and half the
 * entries of the two-triangle CRS form (on the 320×18×18 Hex8 cantilever: 119 MB instead of
 * 338 MB). The product y = A x runs in parallel over fixed partitions of the block rows, each
 * with a private buffer for the transposed blocks it sends past its own rows; the buffers are
 * added in partition order, so y does not depend on the thread count.
 */
final class NodeBlockMatrix {
    /** Block rows per partition of the parallel product (before merging partitions to bound the buffers). */
    private static final int PARTITION_NODES = 2048;

    final int nodes;
    final int d;
    final int dd;
    /** Block row pointers (nodes + 1). */
    final int[] rp;
    /** Block columns; the first of each row is the row's own node. */
    final int[] col;
    /** Block values, block q at q·d². */
    final double[] v;
    /** Partition starts (nodes) of the parallel product. */
    private final int[] part;
    /** Per partition: the transposed blocks' rows past its end, collected before they are added. */
    private final double[][] spill;

    /**
     * An empty (zero) matrix with the given pattern: {@code rp}, {@code col} as described above
     * (each row's first column its own node, the others larger and increasing).
     */
    NodeBlockMatrix(int nodes, int d, int[] rp, int[] col) {
        this.nodes = nodes;
        this.d = d;
        this.dd = d * d;
        this.rp = rp;
        this.col = col;
        for (int i = 0; i < nodes; i++) {
            if (rp[i + 1] <= rp[i] || col[rp[i]] != i) {
                throw new IllegalArgumentException("block row " + i + " does not start with its diagonal block");
            }
            for (int q = rp[i] + 1; q < rp[i + 1]; q++) {
                if (col[q] <= col[q - 1]) {
                    throw new IllegalArgumentException("block row " + i + ": columns not increasing");
                }
            }
        }
        this.v = new double[Math.multiplyExact(rp[nodes], dd)];
        this.part = partitions();
        this.spill = new double[part.length - 1][];
        for (int p = 0; p + 1 < part.length; p++) {
            spill[p] = new double[spillLength(p)];
        }
    }

    /** Number of unknowns, nodes × d. */
    int size() {
        return nodes * d;
    }

    /** Number of stored blocks. */
    int blockCount() {
        return rp[nodes];
    }

    /** Bytes held by the values, the pattern and the product's buffers. */
    long bytes() {
        long s = 8L * v.length + 4L * (rp.length + col.length);
        for (double[] b : spill) {
            s += 8L * b.length;
        }
        return s;
    }

    /** The position of block (i, j), j ≥ i, or a negative number if it is not in the pattern. */
    int find(int i, int j) {
        if (j == i) {
            return rp[i];
        }
        int q = Arrays.binarySearch(col, rp[i] + 1, rp[i + 1], j);
        return q >= 0 ? q : -1;
    }

    /**
     * Partitions of about {@value #PARTITION_NODES} block rows; fewer (halving their number) while
     * their buffers, which reach the largest column a partition touches, would exceed two vectors.
     */
    private int[] partitions() {
        int count = Math.max(1, (nodes + PARTITION_NODES - 1) / PARTITION_NODES);
        while (true) {
            int[] starts = new int[count + 1];
            for (int p = 0; p <= count; p++) {
                starts[p] = (int) ((long) nodes * p / count);
            }
            long total = 0;
            for (int p = 0; p < count; p++) {
                total += Math.max(0, maxColumn(starts[p], starts[p + 1]) + 1 - starts[p + 1]);
            }
            if (count == 1 || total <= 2L * nodes) {
                return starts;
            }
            count /= 2;
        }
    }

    private int maxColumn(int from, int to) {
        int m = -1;
        for (int i = from; i < to; i++) {
            m = Math.max(m, col[rp[i + 1] - 1]);
        }
        return m;
    }

    private int spillLength(int p) {
        return Math.max(0, maxColumn(part[p], part[p + 1]) + 1 - part[p + 1]) * d;
    }

    /** y = A x. */
    void multiply(double[] x, double[] y) {
        product(x, y, true);
    }

    /** y = L x with L the strict lower block triangle (the transposes of the blocks above the diagonal). */
    void multiplyLower(double[] x, double[] y) {
        product(x, y, false);
    }

    private void product(double[] x, double[] y, boolean withUpper) {
        int np = part.length - 1;
        IntStream.range(0, np).parallel().forEach(p -> partitionProduct(p, x, y, withUpper));
        for (int p = 0; p < np; p++) {
            double[] s = spill[p];
            int base = part[p + 1] * d;
            for (int k = 0; k < s.length; k++) {
                y[base + k] += s[k];
            }
        }
    }

    private void partitionProduct(int p, double[] x, double[] y, boolean withUpper) {
        int first = part[p];
        int end = part[p + 1];
        double[] s = spill[p];
        Arrays.fill(s, 0);
        Arrays.fill(y, first * d, end * d, 0);
        for (int i = first; i < end; i++) {
            int ri = i * d;
            int q0 = rp[i];
            if (withUpper) {
                int o = q0 * dd;
                for (int r = 0; r < d; r++) {
                    double sum = 0;
                    for (int c = 0; c < d; c++) {
                        sum += v[o + r * d + c] * x[ri + c];
                    }
                    y[ri + r] += sum;
                }
            }
            for (int q = q0 + 1; q < rp[i + 1]; q++) {
                int j = col[q];
                int rj = j * d;
                int o = q * dd;
                if (withUpper) {
                    for (int r = 0; r < d; r++) {
                        double sum = 0;
                        for (int c = 0; c < d; c++) {
                            sum += v[o + r * d + c] * x[rj + c];
                        }
                        y[ri + r] += sum;
                    }
                }
                // the transposed block: row j gets Bᵀ x_i
                double[] target = j < end ? y : s;
                int t = j < end ? rj : (j - end) * d;
                for (int c = 0; c < d; c++) {
                    double sum = 0;
                    for (int r = 0; r < d; r++) {
                        sum += v[o + r * d + c] * x[ri + r];
                    }
                    target[t + c] += sum;
                }
            }
        }
    }

    /**
     * Zeroes the rows and columns of the fixed dofs and puts 1 on their diagonal (as
     * {@link NewtonSolver#constrain} does for CRS).
     */
    void constrain(boolean[] fixed) {
        for (int i = 0; i < nodes; i++) {
            for (int q = rp[i]; q < rp[i + 1]; q++) {
                int j = col[q];
                int o = q * dd;
                for (int r = 0; r < d; r++) {
                    for (int c = 0; c < d; c++) {
                        if (fixed[i * d + r] || fixed[j * d + c]) {
                            v[o + r * d + c] = q == rp[i] && r == c ? 1 : 0;
                        }
                    }
                }
            }
        }
    }

    /** Whether every diagonal block is symmetric to 1e-12 of its largest entry. */
    boolean diagonalBlocksSymmetric() {
        for (int i = 0; i < nodes; i++) {
            int o = rp[i] * dd;
            double m = 0;
            for (int k = 0; k < dd; k++) {
                m = Math.max(m, Math.abs(v[o + k]));
            }
            for (int r = 0; r < d; r++) {
                for (int c = r + 1; c < d; c++) {
                    if (Math.abs(v[o + r * d + c] - v[o + c * d + r]) > 1e-12 * m) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The same matrix in two-triangle CRS form (for the solvers that need it). */
    CompRowMatrix toCompRow() {
        int n = size();
        int[] cnt = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            cnt[i] += rp[i + 1] - rp[i];
            for (int q = rp[i] + 1; q < rp[i + 1]; q++) {
                cnt[col[q]]++;
            }
        }
        int[][] nz = new int[n][];
        int[][] nodeCols = new int[nodes][];
        for (int i = 0; i < nodes; i++) {
            nodeCols[i] = new int[cnt[i]];
        }
        int[] fill = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            for (int q = rp[i]; q < rp[i + 1]; q++) {
                nodeCols[i][fill[i]++] = col[q];
                if (q > rp[i]) {
                    nodeCols[col[q]][fill[col[q]]++] = i;
                }
            }
        }
        for (int i = 0; i < nodes; i++) {
            Arrays.sort(nodeCols[i]);
            int[] cols = new int[nodeCols[i].length * d];
            for (int k = 0; k < nodeCols[i].length; k++) {
                for (int c = 0; c < d; c++) {
                    cols[k * d + c] = nodeCols[i][k] * d + c;
                }
            }
            for (int r = 0; r < d; r++) {
                nz[i * d + r] = cols;
            }
        }
        CompRowMatrix k = new CompRowMatrix(n, n, nz);
        for (int i = 0; i < nodes; i++) {
            for (int q = rp[i]; q < rp[i + 1]; q++) {
                int j = col[q];
                int o = q * dd;
                for (int r = 0; r < d; r++) {
                    for (int c = 0; c < d; c++) {
                        k.set(i * d + r, j * d + c, v[o + r * d + c]);
                        if (j != i) {
                            k.set(j * d + c, i * d + r, v[o + r * d + c]);
                        }
                    }
                }
            }
        }
        return k;
    }
}
