package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import no.uib.cipr.matrix.sparse.CompRowMatrix;

import org.isthmus.continuum.solve.SmoothedAggregation.Csr;
import org.junit.jupiter.api.Test;

/**
 * The sparse products of the AMG set-up against dense products: the grouped product (rows with
 * equal patterns share their column look-ups), and the Galerkin product Pᵀ A P formed in
 * chunks of fine rows with only its upper blocks computed and the rest mirrored, for chunk sizes
 * from a few rows to all of them and for coarse blocks of uneven sizes.
 */
class SparseProductsTest {

    /** The constrained stiffness of a clamped Hex8 cantilever (432 unknowns, node rows share patterns). */
    private static Csr stiffness() {
        LinearSolverTest.Problem p = LinearSolverTest.problem(LinearSolverTest.Kind.SPD);
        CompRowMatrix k = p.k();
        return new Csr(k.numRows(), k.numColumns(), k.getRowPointers(), k.getColumnIndices(), k.getData());
    }

    /** A random sparse n × nc matrix; rows come in runs of 3 with one pattern (as a prolongator's node rows). */
    private static Csr randomProlongator(int n, int nc, long seed) {
        Random rnd = new Random(seed);
        return nodeRows(n, nc, rnd, i -> {
            java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
            int center = (int) ((long) i * nc / n);
            for (int t = 0; t < 6; t++) {
                set.add(Math.floorMod(center + rnd.nextInt(9) - 4, nc));
            }
            return set;
        });
    }

    /**
     * A random n × nc matrix whose rows come in runs of 3 sharing the columns that
     * {@code pattern} gives for the run's first row; values uniform in [−0.5, 0.5) from rnd.
     */
    private static Csr nodeRows(int n, int nc, Random rnd,
            java.util.function.IntFunction<java.util.SortedSet<Integer>> pattern) {
        int[] rp = new int[n + 1];
        java.util.List<Integer> cols = new java.util.ArrayList<>();
        java.util.List<Double> vals = new java.util.ArrayList<>();
        int[] columns = null;
        for (int i = 0; i < n; i++) {
            if (i % 3 == 0) {
                columns = pattern.apply(i).stream().mapToInt(Integer::intValue).toArray();
            }
            for (int j : columns) {
                cols.add(j);
                vals.add(rnd.nextDouble() - 0.5);
            }
            rp[i + 1] = cols.size();
        }
        return new Csr(n, nc, rp, cols.stream().mapToInt(Integer::intValue).toArray(),
                vals.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double[][] dense(Csr m) {
        double[][] d = new double[m.rows][m.cols];
        for (int i = 0; i < m.rows; i++) {
            for (int q = m.rp[i]; q < m.rp[i + 1]; q++) {
                d[i][m.ci[q]] += m.v[q];
            }
        }
        return d;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        double[][] z = new double[x.length][y[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < y.length; k++) {
                if (x[i][k] != 0) {
                    for (int j = 0; j < y[0].length; j++) {
                        z[i][j] += x[i][k] * y[k][j];
                    }
                }
            }
        }
        return z;
    }

    private static double[][] transpose(double[][] x) {
        double[][] t = new double[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                t[j][i] = x[i][j];
            }
        }
        return t;
    }

    private static void assertClose(double[][] expected, double[][] actual) {
        double max = 0;
        for (double[] row : expected) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                assertEquals(expected[i][j], actual[i][j], 1e-12 * max, "entry (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void groupedProductEqualsDenseProduct() {
        Csr a = stiffness();
        Csr p = randomProlongator(a.rows, 40, 1);
        assertTrue(a.rowGroups().length - 1 <= a.rows / 3 + 1, "node rows share patterns");
        assertClose(multiply(dense(a), dense(p)), dense(a.times(p)));
    }

    @Test
    void chunkedUpperGalerkinProductEqualsDenseTripleProduct() {
        Csr a = stiffness();
        int nc = 40;
        Csr p = randomProlongator(a.rows, nc, 2);
        double[][] pd = dense(p);
        double[][] expected = multiply(transpose(pd), multiply(dense(a), pd));
        // coarse blocks of uneven sizes (an aggregate's kept modes: 6, fewer where modes drop out)
        int[] blocks = {0, 6, 12, 15, 21, 22, 28, 34, 40};
        for (int chunk : new int[] {5, 37, 100, a.rows}) {
            Csr c = SmoothedAggregation.galerkin(a, p, blocks, chunk);
            assertClose(expected, dense(c));
        }
    }

    /**
     * A random prolongator shaped like a real one: node rows (runs of 3) share a pattern, and the
     * columns come in aggregates of 6 modes that appear together, so the rows of Pᵀ of one
     * aggregate share their columns (the groups of 6 of the upper Galerkin product).
     */
    private static Csr aggregateProlongator(int n, int aggregates, long seed) {
        Random rnd = new Random(seed);
        return nodeRows(n, 6 * aggregates, rnd, i -> {
            java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
            int center = (int) ((long) i * aggregates / n);
            for (int t = 0; t < 3; t++) {
                int agg = Math.floorMod(center + rnd.nextInt(5) - 2, aggregates);
                for (int mode = 0; mode < 6; mode++) {
                    set.add(6 * agg + mode);
                }
            }
            return set;
        });
    }

    @Test
    void galerkinOverAggregatesOfSixModesEqualsDenseTripleProduct() {
        Csr a = stiffness();
        int aggregates = 12;
        Csr p = aggregateProlongator(a.rows, aggregates, 3);
        double[][] pd = dense(p);
        double[][] expected = multiply(transpose(pd), multiply(dense(a), pd));
        int[] blocks = new int[aggregates + 1];
        for (int k = 0; k <= aggregates; k++) {
            blocks[k] = 6 * k;
        }
        Csr pt = p.transposeInto(p.cols);
        int[] groups = pt.rowGroups(blocks);
        assertTrue(groups.length - 1 < p.cols, "rows of Pᵀ of one aggregate share their columns");
        for (int chunk : new int[] {7, 60, a.rows}) {
            assertClose(expected, dense(SmoothedAggregation.galerkin(a, p, blocks, chunk)));
        }
        assertClose(multiply(dense(a), pd), dense(a.times(p)));
    }
}
