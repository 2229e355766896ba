package org.isthmus.atomistic.structure;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.InvalidInputException;

/**
 * Supercells of a periodic crystal whose cell vectors are integer combinations of the crystal's:
 * row i of the new cell is Σ_j m_ij a_j, with det m > 0. Every atom of the crystal is translated
 * by the lattice vectors that bring it inside the new cell, so the supercell holds det m times
 * the atoms, each exactly once (fractional coordinates in [0, 1), wrapped to within 1e-9).
 * Species, masses and labels are carried with their atoms. Lengths in Å.
 */
public final class Supercell {

    private static final double WRAP = 1e-9;

    private Supercell() {
    }

    /**
     * The supercell of {@code crystal} spanned by the integer combinations in the rows of {@code m}.
     *
     * @throws InvalidInputException when the crystal is not periodic on every axis or det m ≤ 0
     */
    public static Configuration of(Configuration crystal, int[][] m) {
        Cell cell = crystal.cell();
        if (!cell.isFullyPeriodic()) {
            throw new InvalidInputException("a supercell needs a crystal periodic on every axis; got periodicity "
                    + java.util.Arrays.toString(cell.periodicity()));
        }
        long det = determinant(m);
        if (det <= 0) {
            throw new InvalidInputException("supercell matrix " + java.util.Arrays.deepToString(m)
                    + " has determinant " + det + "; expected a positive integer (right-handed, non-degenerate)");
        }
        double[][] a = cell.matrix();
        double[][] v = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    v[i][k] += m[i][j] * a[j][k];
                }
            }
        }
        Cell sc = Cell.of(v, true, true, true);
        // The translations n·a that can land inside the new cell lie within the bounding box of the
        // corners of m in lattice coordinates.
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int c = 0; c < 8; c++) {
            for (int j = 0; j < 3; j++) {
                int s = 0;
                for (int i = 0; i < 3; i++) {
                    if ((c >> i & 1) == 1) {
                        s += m[i][j];
                    }
                }
                lo[j] = Math.min(lo[j], s);
                hi[j] = Math.max(hi[j], s);
            }
        }
        List<double[]> pos = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        double[] p = crystal.positions();
        for (int i = 0; i < crystal.size(); i++) { // wrap into the crystal's own cell first
            double[] f = cell.toFractional(p[3 * i], p[3 * i + 1], p[3 * i + 2]);
            double[] w = cell.toCartesian(f[0] - Math.floor(f[0]), f[1] - Math.floor(f[1]), f[2] - Math.floor(f[2]));
            System.arraycopy(w, 0, p, 3 * i, 3);
        }
        for (int n0 = lo[0] - 1; n0 <= hi[0]; n0++) {
            for (int n1 = lo[1] - 1; n1 <= hi[1]; n1++) {
                for (int n2 = lo[2] - 1; n2 <= hi[2]; n2++) {
                    double[] t = cell.translation(n0, n1, n2);
                    for (int i = 0; i < crystal.size(); i++) {
                        double[] f = sc.toFractional(p[3 * i] + t[0], p[3 * i + 1] + t[1], p[3 * i + 2] + t[2]);
                        boolean inside = true;
                        for (int k = 0; k < 3; k++) {
                            if (f[k] > 1 - WRAP || f[k] < -WRAP) {
                                inside = false;
                            }
                            f[k] = Math.max(0, f[k]);
                        }
                        if (inside) {
                            pos.add(sc.toCartesian(f[0], f[1], f[2]));
                            from.add(i);
                        }
                    }
                }
            }
        }
        if (pos.size() != det * crystal.size()) {
            throw new IllegalStateException("supercell filled with " + pos.size() + " atoms; expected det m × n = "
                    + det * crystal.size() + " (atoms of the crystal closer than 1e-9 to each other?)");
        }
        int n = pos.size();
        Element[] species = new Element[n];
        double[] xyz = new double[3 * n];
        double[] masses = new double[n];
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            int i = from.get(k);
            species[k] = crystal.species(i);
            masses[k] = crystal.mass(i);
            labels[k] = crystal.label(i);
            System.arraycopy(pos.get(k), 0, xyz, 3 * k, 3);
        }
        return Configuration.of(species, xyz, sc).withMasses(masses).withLabels(labels).withInfo(crystal.info());
    }

    /** The supercell with the cell repeated n0 × n1 × n2 times (a diagonal matrix). */
    public static Configuration repeated(Configuration crystal, int n0, int n1, int n2) {
        return of(crystal, new int[][] {{n0, 0, 0}, {0, n1, 0}, {0, 0, n2}});
    }

    static long determinant(int[][] m) {
        if (m.length != 3 || m[0].length != 3 || m[1].length != 3 || m[2].length != 3) {
            throw new InvalidInputException("a supercell matrix must be 3 × 3 integers");
        }
        return (long) m[0][0] * ((long) m[1][1] * m[2][2] - (long) m[1][2] * m[2][1])
                - (long) m[0][1] * ((long) m[1][0] * m[2][2] - (long) m[1][2] * m[2][0])
                + (long) m[0][2] * ((long) m[1][0] * m[2][1] - (long) m[1][1] * m[2][0]);
    }
}
