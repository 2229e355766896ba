package org.isthmus.coupling.fracture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.isthmus.continuum.ConvergenceException;
import org.junit.jupiter.api.Test;

/** The RCM-ordered envelope Cholesky solves sparse SPD systems exactly and refuses indefinite ones. */
class SkylineCholeskyTest {

    @Test
    void solvesAScrambledSparseSpdSystem() {
        // a 2D grid Laplacian plus a diagonal shift, its unknowns numbered at random (so RCM has work to do)
        int nx = 17;
        int ny = 13;
        int n = nx * ny;
        Random rnd = new Random(7);
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = label[i];
            label[i] = label[j];
            label[j] = t;
        }
        double[][] a = new double[n][n];
        SkylineCholesky.Builder b = new SkylineCholesky.Builder(n);
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                int p = label[i * ny + j];
                double shift = 0.1 + rnd.nextDouble();
                a[p][p] += shift;
                b.add(p, p, shift);
                for (int[] d : new int[][] {{1, 0}, {0, 1}}) {
                    if (i + d[0] < nx && j + d[1] < ny) {
                        int q = label[(i + d[0]) * ny + j + d[1]];
                        double k = 1 + rnd.nextDouble();
                        // spring: +k on both diagonals, −k off the diagonal (added in two halves: duplicates sum)
                        a[p][p] += k;
                        a[q][q] += k;
                        a[p][q] -= k;
                        a[q][p] -= k;
                        b.add(p, p, k);
                        b.add(q, q, k);
                        b.add(q, p, -0.5 * k);
                        b.add(p, q, -0.5 * k);
                    }
                }
            }
        }
        SkylineCholesky f = b.factor();
        assertTrue(f.envelope() < (long) n * n / 4, "RCM keeps the envelope small: " + f.envelope());
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(i);
        }
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rhs[i] += a[i][j] * x[j];
            }
        }
        double[] sol = new double[n];
        f.solve(rhs, sol);
        for (int i = 0; i < n; i++) {
            assertEquals(x[i], sol[i], 1e-10, "x_" + i);
        }
    }

    @Test
    void refusesAnIndefiniteMatrix() {
        SkylineCholesky.Builder b = new SkylineCholesky.Builder(2);
        b.add(0, 0, 1);
        b.add(1, 1, 1);
        b.add(1, 0, 2);
        assertThrows(ConvergenceException.class, b::factor);
    }
}
