package org.isthmus.continuum.material;

import org.isthmus.continuum.InvalidInputException;

/**
 * Small helpers for 3×3 tensors stored row-major in {@code double[9]} and fourth-order tensors
 * in {@code double[81]} (index 9(3i+j) + (3k+l)), and the Voigt map (11, 22, 33, 23, 13, 12).
 */
public final class Tensors {
    private static final int[][] VOIGT = {{0, 5, 4}, {5, 1, 3}, {4, 3, 2}};

    private Tensors() {
    }

    /** The identity, row-major. */
    public static double[] identity() {
        return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }

    /** det(m). */
    public static double det(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    /** inv = m⁻¹; returns det m (inv is filled with non-finite values when det = 0). */
    public static double inverse(double[] m, double[] inv) {
        double c00 = m[4] * m[8] - m[5] * m[7];
        double c01 = m[5] * m[6] - m[3] * m[8];
        double c02 = m[3] * m[7] - m[4] * m[6];
        double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
        double r = 1 / det;
        inv[0] = c00 * r;
        inv[1] = (m[2] * m[7] - m[1] * m[8]) * r;
        inv[2] = (m[1] * m[5] - m[2] * m[4]) * r;
        inv[3] = c01 * r;
        inv[4] = (m[0] * m[8] - m[2] * m[6]) * r;
        inv[5] = (m[2] * m[3] - m[0] * m[5]) * r;
        inv[6] = c02 * r;
        inv[7] = (m[1] * m[6] - m[0] * m[7]) * r;
        inv[8] = (m[0] * m[4] - m[1] * m[3]) * r;
        return det;
    }

    /** c = a·b. */
    public static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += a[3 * i + k] * b[3 * k + j];
                }
                c[3 * i + j] = s;
            }
        }
        return c;
    }

    /** aᵀ. */
    public static double[] transpose(double[] a) {
        return new double[] {a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]};
    }

    /** Voigt index (0..5) of the symmetric pair (i, j). */
    public static int voigt(int i, int j) {
        return VOIGT[i][j];
    }

    /** The full fourth-order tensor C_ijkl of a symmetric 6×6 Voigt stiffness matrix. */
    public static double[] fromVoigt(double[][] c) {
        if (c.length != 6) {
            throw new InvalidInputException("Voigt stiffness must be 6×6, got " + c.length + " rows");
        }
        double[] t = new double[81];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        t[9 * (3 * i + j) + 3 * k + l] = c[VOIGT[i][j]][VOIGT[k][l]];
                    }
                }
            }
        }
        return t;
    }

    /** The 6×6 Voigt matrix of a fourth-order tensor with minor symmetries (entries C_iijj, C_ijkl...). */
    public static double[][] toVoigt(double[] t) {
        int[][] pairs = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
        double[][] c = new double[6][6];
        for (int p = 0; p < 6; p++) {
            for (int q = 0; q < 6; q++) {
                c[p][q] = t[9 * (3 * pairs[p][0] + pairs[p][1]) + 3 * pairs[q][0] + pairs[q][1]];
            }
        }
        return c;
    }

    /** C'_ijkl = R_ia R_jb R_kc R_ld C_abcd: a fourth-order tensor rotated by R. */
    public static double[] rotate(double[] c, double[] r) {
        // Rotate one index at a time: four passes of 81·3 operations instead of 81·81.
        double[] a = c.clone();
        double[] b = new double[81];
        int[] stride = {27, 9, 3, 1};
        for (int pass = 0; pass < 4; pass++) {
            int s = stride[pass];
            java.util.Arrays.fill(b, 0);
            for (int idx = 0; idx < 81; idx++) {
                int digit = (idx / s) % 3;
                int base = idx - digit * s;
                for (int m = 0; m < 3; m++) {
                    b[idx] += r[3 * digit + m] * a[base + m * s];
                }
            }
            double[] tmp = a;
            a = b;
            b = tmp;
        }
        return a;
    }

    /** Checks that r is a proper rotation (RᵀR = I, det R = +1) to 1e-8. */
    public static void checkRotation(double[] r) {
        double[] rtr = multiply(transpose(r), r);
        double err = 0;
        for (int k = 0; k < 9; k++) {
            err = Math.max(err, Math.abs(rtr[k] - (k % 4 == 0 ? 1 : 0)));
        }
        if (err > 1e-8 || Math.abs(det(r) - 1) > 1e-8) {
            throw new InvalidInputException("orientation is not a proper rotation (|RᵀR − I| = " + err
                    + ", det R = " + det(r) + ")");
        }
    }
}
