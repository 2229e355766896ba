package org.isthmus.atomistic.structure;

import org.isthmus.atomistic.InvalidInputException;

/**
 * A periodic cell of a cubic crystal oriented on a lattice plane (hkl): its first two vectors
 * are the two shortest independent lattice translations of the conventional cubic cell lying in
 * the plane, its third is [hkl] itself (reduced), normal to the plane. Opening the third axis
 * (as {@code SolidSamples.slab} and {@code cleaved} do) therefore exposes two (hkl) surfaces;
 * the atoms are shifted along the normal so that the cell boundary lies in a cleavage gap
 * ({@link AtomicLayers}), and such a slab's surfaces are the ones the crystal cleaves on.
 * For fcc: (100) 4 atoms, (110) 8, (111) 12 per cell; diamond twice as many. Lengths in Å.
 */
public final class PlaneCell {

    private static final int RANGE = 4;

    private PlaneCell() {
    }

    /**
     * The (hkl)-oriented cell of a crystal given as one conventional cubic cell (for instance
     * {@code Lattices.fcc(e, a, 1, 1, 1)}), repeated n0 × n1 × n2.
     *
     * @throws InvalidInputException for hkl = (000), a cell that is not one cubic conventional cell
     *                               or repeats below one
     */
    public static Configuration of(Configuration conventional, int[] hkl, int n0, int n1, int n2) {
        double[][] a = conventional.cell().matrix();
        double edge = a[0][0];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                if (Math.abs(a[i][k] - (i == k ? edge : 0)) > 1e-9 * edge) {
                    throw new InvalidInputException("an (hkl) plane cell needs one conventional cubic cell; got cell "
                            + conventional.cell());
                }
            }
        }
        if (n0 < 1 || n1 < 1 || n2 < 1) {
            throw new InvalidInputException("plane cell repeats must be ≥ 1, got " + n0 + "×" + n1 + "×" + n2);
        }
        int[][] m = matrix(hkl);
        int[][] rep = {{n0 * m[0][0], n0 * m[0][1], n0 * m[0][2]}, {n1 * m[1][0], n1 * m[1][1], n1 * m[1][2]},
            {n2 * m[2][0], n2 * m[2][1], n2 * m[2][2]}};
        return atCleavagePlane(Supercell.of(conventional, rep));
    }

    /**
     * The cell with its atoms shifted along the third vector so that the periodic boundary there
     * lies in the middle of a widest gap between atomic layers: a slab made by opening that axis
     * then has cleavage surfaces (diamond (111): shuffle, not glide).
     */
    static Configuration atCleavagePlane(Configuration c) {
        double shift = AtomicLayers.of(c, 2).cleavagePlane(0.0);
        double[] p = c.positions();
        Cell cell = c.cell();
        for (int i = 0; i < c.size(); i++) {
            double[] f = cell.toFractional(p[3 * i], p[3 * i + 1], p[3 * i + 2]);
            f[2] -= shift;
            for (int k = 0; k < 3; k++) {
                f[k] -= Math.floor(f[k]);
                if (f[k] > 1 - 1e-12) {
                    f[k] = 0;
                }
            }
            double[] x = cell.toCartesian(f[0], f[1], f[2]);
            System.arraycopy(x, 0, p, 3 * i, 3);
        }
        return c.withPositions(p);
    }

    /**
     * The integer cell matrix for (hkl): rows u, v (shortest in-plane translations, u × v along
     * +[hkl]) and [hkl]/gcd.
     */
    public static int[][] matrix(int[] hkl) {
        if (hkl.length != 3 || (hkl[0] == 0 && hkl[1] == 0 && hkl[2] == 0)) {
            throw new InvalidInputException("a plane needs Miller indices [h, k, l], not all zero; got "
                    + java.util.Arrays.toString(hkl));
        }
        int g = gcd(gcd(Math.abs(hkl[0]), Math.abs(hkl[1])), Math.abs(hkl[2]));
        int[] n = {hkl[0] / g, hkl[1] / g, hkl[2] / g};
        int[] u = null;
        int[] v = null;
        // u: the shortest integer vector in the plane; v: the shortest one independent of u that
        // together with u spans the smallest area (a reduced in-plane basis).
        for (int len = 1; len <= 3 * RANGE * RANGE && v == null; len++) {
            for (int x = -RANGE; x <= RANGE; x++) {
                for (int y = -RANGE; y <= RANGE; y++) {
                    for (int z = -RANGE; z <= RANGE; z++) {
                        if (x * x + y * y + z * z != len || x * n[0] + y * n[1] + z * n[2] != 0) {
                            continue;
                        }
                        int[] w = {x, y, z};
                        if (u == null) {
                            u = w;
                        } else if (v == null) {
                            int[] c = cross(u, w);
                            if (dot(c, c) != 0 && dot(c, c) == minimalArea2(u, n)) {
                                v = dot(c, n) > 0 ? w : new int[] {-x, -y, -z};
                            }
                        }
                    }
                }
            }
        }
        if (v == null) {
            throw new InvalidInputException("no in-plane lattice translations with components up to " + RANGE
                    + " for plane " + java.util.Arrays.toString(hkl) + "; use lower Miller indices");
        }
        return new int[][] {u, v, n};
    }

    /** The smallest |u × w|² over integer w in the plane independent of u. */
    private static int minimalArea2(int[] u, int[] n) {
        int best = Integer.MAX_VALUE;
        for (int x = -RANGE; x <= RANGE; x++) {
            for (int y = -RANGE; y <= RANGE; y++) {
                for (int z = -RANGE; z <= RANGE; z++) {
                    if (x * n[0] + y * n[1] + z * n[2] != 0) {
                        continue;
                    }
                    int[] c = cross(u, new int[] {x, y, z});
                    int a = dot(c, c);
                    if (a != 0 && a < best) {
                        best = a;
                    }
                }
            }
        }
        return best;
    }

    private static int[] cross(int[] a, int[] b) {
        return new int[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static int dot(int[] a, int[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
