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
 * entries of the two-triangle CRS form (on the 320×18×18 Hex8 cantilever, stored plainly:
 * 120 MB instead of 338 MB). The product y = A x runs in parallel over fixed partitions of the block rows, each
 * with a private buffer for the transposed blocks it sends past its own rows; the buffers are
 * added in partition order, so y does not depend on the thread count.
 *
 * <p>The values are held plainly (block q at q·d²) or, where many blocks are equal bit for bit
 * (a mesh of congruent linear elastic elements: interior nodes see the same element blocks, so
 * their rows repeat), as a dictionary of distinct blocks and one index per block
 * ({@link #deduplicated}); {@link #at(int)} hides the difference. On the 320×18×18 cantilever
 * 1,511,453 blocks then index 844 distinct ones, and the matrix with its pattern and buffers
 * takes 17 MB instead of 120 MB plain.
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
    /** Block values: block q at {@link #at(int) at(q)}. */
    double[] v;
    /** Per block, its slot in the dictionary v (null: plain storage, block q at q·d²). */
    final int[] index;
    /** The dictionary's hash table (null with plain storage). */
    private Dictionary dictionary;
    /** Partition starts (nodes) of the parallel product. */
    private final int[] part;
    /** Per partition: the transposed blocks' rows past its end, collected before they are added. */
    private final double[][] spill;

    /**
     * An empty (zero) matrix with the given pattern: {@code rp}, {@code col} as described above
     * (each row's first column its own node, the others larger and increasing).
     */
    NodeBlockMatrix(int nodes, int d, int[] rp, int[] col) {
        this(nodes, d, rp, col, null, null);
    }

    /**
     * A matrix whose block q holds the dictionary's block index[q]; null index and dictionary: a
     * plain zero matrix.
     */
    private NodeBlockMatrix(int nodes, int d, int[] rp, int[] col, int[] index, Dictionary dictionary) {
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
        this.index = index;
        this.dictionary = dictionary;
        this.v = dictionary != null ? dictionary.values() : new double[Math.multiplyExact(rp[nodes], dd)];
        this.part = partitions();
        this.spill = new double[part.length - 1][];
        for (int p = 0; p + 1 < part.length; p++) {
            spill[p] = new double[spillLength(p)];
        }
    }

    /**
     * A matrix with the pattern (rp, col) whose block q is the d × d block index[q] of the
     * dictionary (distinct blocks, d² values each, row-major).
     */
    static NodeBlockMatrix deduplicated(int nodes, int d, int[] rp, int[] col, int[] index, Dictionary dictionary) {
        if (index.length != rp[nodes] || dictionary.blockSize() != d * d) {
            throw new IllegalArgumentException("an index per block and blocks of d² values are needed");
        }
        return new NodeBlockMatrix(nodes, d, rp, col, index, dictionary);
    }

    /** Whether the values are a dictionary of distinct blocks. */
    boolean isDeduplicated() {
        return index != null;
    }

    /** Number of distinct blocks held (the block count with plain storage). */
    int storedBlocks() {
        return v.length / dd;
    }

    /** Offset in {@link #v} of block q's first value. */
    int at(int q) {
        return (index == null ? q : index[q]) * dd;
    }

    /**
     * Distinct blocks of a fixed size, found by their values (bit for bit, by an open-addressing
     * hash table); {@link #add} returns a block's slot, adding it if new.
     */
    static final class Dictionary {
        private final int size;
        private double[] values;
        private int count;
        private int[] table;

        Dictionary(int blockSize) {
            this.size = blockSize;
            this.values = new double[64 * blockSize];
            this.table = new int[256];
            Arrays.fill(table, -1);
        }

        int blockSize() {
            return size;
        }

        /** Number of distinct blocks. */
        int count() {
            return count;
        }

        /** The distinct blocks' values, trimmed. */
        double[] values() {
            return Arrays.copyOf(values, count * size);
        }

        /** The slot of the block a[off .. off + size), added if it is new. */
        int add(double[] a, int off) {
            int mask = table.length - 1;
            int t = hash(a, off) & mask;
            while (table[t] >= 0) {
                if (Arrays.equals(values, table[t] * size, (table[t] + 1) * size, a, off, off + size)) {
                    return table[t];
                }
                t = (t + 1) & mask;
            }
            if (count * size == values.length) {
                values = Arrays.copyOf(values, 2 * values.length);
            }
            System.arraycopy(a, off, values, count * size, size);
            table[t] = count;
            if (2 * (count + 1) > table.length) {
                rehash();
            }
            return count++;
        }

        private int hash(double[] a, int off) {
            long h = 1125899906842597L;
            for (int k = 0; k < size; k++) {
                h = 31 * h + Double.doubleToLongBits(a[off + k]);
            }
            return (int) (h ^ (h >>> 29) ^ (h >>> 47));
        }

        private void rehash() {
            int[] old = table;
            table = new int[2 * old.length];
            Arrays.fill(table, -1);
            int mask = table.length - 1;
            for (int slot : old) {
                if (slot >= 0) {
                    int t = hash(values, slot * size) & mask;
                    while (table[t] >= 0) {
                        t = (t + 1) & mask;
                    }
                    table[t] = slot;
                }
            }
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
        long s = 8L * v.length + 4L * (rp.length + col.length) + (index == null ? 0 : 4L * index.length);
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
        if (d == 3) {
            partitionProduct3(first, end, s, x, y, withUpper);
            return;
        }
        for (int i = first; i < end; i++) {
            int ri = i * d;
            int q0 = rp[i];
            if (withUpper) {
                addBlockTimes(q0, 1, x, ri, y, ri);
            }
            for (int q = q0 + 1; q < rp[i + 1]; q++) {
                int j = col[q];
                if (withUpper) {
                    addBlockTimes(q, 1, x, j * d, y, ri);
                }
                // the transposed block: row j gets Bᵀ x_i
                addTransposedBlockTimes(q, 1, x, ri, j < end ? y : s, j < end ? j * d : (j - end) * d);
            }
        }
    }

    /**
     * {@link #partitionProduct} for 3 × 3 blocks, the block and the vectors' entries in locals
     * (a row's own products are summed before the transposed terms of earlier rows are added).
     */
    private void partitionProduct3(int first, int end, double[] s, double[] x, double[] y, boolean withUpper) {
        double[] a = v;
        for (int i = first; i < end; i++) {
            int ri = 3 * i;
            double xi0 = x[ri];
            double xi1 = x[ri + 1];
            double xi2 = x[ri + 2];
            double y0 = 0;
            double y1 = 0;
            double y2 = 0;
            int q0 = rp[i];
            if (withUpper) {
                int o = at(q0);
                y0 = a[o] * xi0 + a[o + 1] * xi1 + a[o + 2] * xi2;
                y1 = a[o + 3] * xi0 + a[o + 4] * xi1 + a[o + 5] * xi2;
                y2 = a[o + 6] * xi0 + a[o + 7] * xi1 + a[o + 8] * xi2;
            }
            for (int q = q0 + 1; q < rp[i + 1]; q++) {
                int j = col[q];
                int rj = 3 * j;
                int o = at(q);
                double b0 = a[o];
                double b1 = a[o + 1];
                double b2 = a[o + 2];
                double b3 = a[o + 3];
                double b4 = a[o + 4];
                double b5 = a[o + 5];
                double b6 = a[o + 6];
                double b7 = a[o + 7];
                double b8 = a[o + 8];
                if (withUpper) {
                    double xj0 = x[rj];
                    double xj1 = x[rj + 1];
                    double xj2 = x[rj + 2];
                    y0 += b0 * xj0 + b1 * xj1 + b2 * xj2;
                    y1 += b3 * xj0 + b4 * xj1 + b5 * xj2;
                    y2 += b6 * xj0 + b7 * xj1 + b8 * xj2;
                }
                // the transposed block: row j gets Bᵀ x_i
                double[] target = j < end ? y : s;
                int t = j < end ? rj : 3 * (j - end);
                target[t] += b0 * xi0 + b3 * xi1 + b6 * xi2;
                target[t + 1] += b1 * xi0 + b4 * xi1 + b7 * xi2;
                target[t + 2] += b2 * xi0 + b5 * xi1 + b8 * xi2;
            }
            y[ri] += y0;
            y[ri + 1] += y1;
            y[ri + 2] += y2;
        }
    }

    /** y[yo + r] += sign · Σ_c B_q[r][c] x[xo + c]: block q times d entries of x (sign ±1). */
    void addBlockTimes(int q, double sign, double[] x, int xo, double[] y, int yo) {
        int o = at(q);
        for (int r = 0; r < d; r++) {
            double sum = 0;
            for (int c = 0; c < d; c++) {
                sum += v[o + r * d + c] * x[xo + c];
            }
            y[yo + r] += sign * sum;
        }
    }

    /** y[yo + c] += sign · Σ_r B_q[r][c] x[xo + r]: the transposed block q times d entries of x. */
    void addTransposedBlockTimes(int q, double sign, double[] x, int xo, double[] y, int yo) {
        int o = at(q);
        for (int c = 0; c < d; c++) {
            double sum = 0;
            for (int r = 0; r < d; r++) {
                sum += v[o + r * d + c] * x[xo + r];
            }
            y[yo + c] += sign * sum;
        }
    }

    /**
     * Zeroes the rows and columns of the fixed dofs and puts 1 on their diagonal (as
     * {@link NewtonSolver#constrain} does for CRS).
     */
    void constrain(boolean[] fixed) {
        double[] block = new double[dd];
        for (int i = 0; i < nodes; i++) {
            for (int q = rp[i]; q < rp[i + 1]; q++) {
                int j = col[q];
                boolean touched = false;
                for (int r = 0; r < d && !touched; r++) {
                    touched = fixed[i * d + r] || fixed[j * d + r];
                }
                if (!touched) {
                    continue;
                }
                // a dictionary block may be shared: the constrained one is a block of its own
                double[] target = index == null ? v : block;
                int o = index == null ? q * dd : 0;
                if (index != null) {
                    System.arraycopy(v, at(q), block, 0, dd);
                }
                for (int r = 0; r < d; r++) {
                    for (int c = 0; c < d; c++) {
                        if (fixed[i * d + r] || fixed[j * d + c]) {
                            target[o + r * d + c] = q == rp[i] && r == c ? 1 : 0;
                        }
                    }
                }
                if (index != null) {
                    index[q] = dictionary.add(block, 0);
                }
            }
        }
        if (index != null) {
            v = dictionary.values();
        }
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
                int o = at(q);
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
