package org.isthmus.atomistic.structure;

import java.util.Arrays;

import org.isthmus.atomistic.InvalidInputException;

/**
 * A simulation cell: three lattice vectors a, b, c (Å; rows of {@link #matrix()}, any triclinic
 * shape) and a periodicity flag per axis. A fully non-periodic configuration (a cluster) may have
 * no cell at all: {@link #none()}, all vectors zero. Immutable.
 *
 * <p>Fractional coordinates f relate to Cartesian r by {@code r = f₀ a + f₁ b + f₂ c}.
 */
public final class Cell {

    private static final Cell NONE = new Cell(new double[3][3], new boolean[3]);

    private final double[][] h;        // rows: a, b, c
    private final double[][] inverse;  // columns map Cartesian to fractional: f = r · inverse
    private final boolean[] pbc;
    private final double volume;

    private Cell(double[][] h, boolean[] pbc) {
        this.h = new double[3][];
        for (int i = 0; i < 3; i++) {
            this.h[i] = h[i].clone();
        }
        this.pbc = pbc.clone();
        this.volume = det(this.h);
        boolean anyPeriodic = pbc[0] || pbc[1] || pbc[2];
        boolean zero = isZero(this.h);
        if (zero) {
            if (anyPeriodic) {
                throw new InvalidInputException("a periodic cell needs three lattice vectors; all are zero");
            }
            this.inverse = null;
        } else {
            double scale = Math.pow(norm(this.h[0]) * norm(this.h[1]) * norm(this.h[2]), 1.0);
            if (!(Math.abs(volume) > 1e-12 * scale) || !Double.isFinite(volume)) {
                throw new InvalidInputException("the cell vectors " + Arrays.deepToString(this.h)
                        + " are linearly dependent or not finite (expected three independent lattice vectors)");
            }
            this.inverse = invert(this.h, volume);
        }
    }

    /** A cell with lattice vectors as rows of {@code vectors} (Å) and periodicity per axis. */
    public static Cell of(double[][] vectors, boolean... pbc) {
        if (vectors.length != 3 || vectors[0].length != 3 || vectors[1].length != 3 || vectors[2].length != 3) {
            throw new InvalidInputException("a cell needs a 3×3 matrix of lattice vectors");
        }
        if (pbc.length != 3) {
            throw new InvalidInputException("a cell needs three periodicity flags, got " + pbc.length);
        }
        return new Cell(vectors, pbc);
    }

    /** An orthorhombic cell with edges lx, ly, lz (Å), periodic on every axis. */
    public static Cell orthorhombic(double lx, double ly, double lz) {
        return of(new double[][] {{lx, 0, 0}, {0, ly, 0}, {0, 0, lz}}, true, true, true);
    }

    /** No cell: a cluster in free space, non-periodic on every axis. */
    public static Cell none() {
        return NONE;
    }

    /** True if there are no lattice vectors (a cluster). */
    public boolean isNone() {
        return inverse == null;
    }

    /** Lattice vector {@code i} (0 = a, 1 = b, 2 = c), a copy. */
    public double[] vector(int i) {
        return h[i].clone();
    }

    /** Component {@code k} of lattice vector {@code i}. */
    public double get(int i, int k) {
        return h[i][k];
    }

    /** The lattice vectors as rows, a copy. */
    public double[][] matrix() {
        double[][] m = new double[3][];
        for (int i = 0; i < 3; i++) {
            m[i] = h[i].clone();
        }
        return m;
    }

    public boolean isPeriodic(int axis) {
        return pbc[axis];
    }

    /** Periodicity flags, a copy. */
    public boolean[] periodicity() {
        return pbc.clone();
    }

    public boolean isFullyPeriodic() {
        return pbc[0] && pbc[1] && pbc[2];
    }

    /** |a · (b × c)| in Å³ (0 for no cell). */
    public double volume() {
        return Math.abs(volume);
    }

    /**
     * Distance between neighbouring lattice planes spanned by the two other vectors, for axis
     * {@code i}: {@code V / |b × c|} for a. Infinity for no cell.
     */
    public double planeSpacing(int i) {
        if (isNone()) {
            return Double.POSITIVE_INFINITY;
        }
        double[] cr = cross(h[(i + 1) % 3], h[(i + 2) % 3]);
        return Math.abs(volume) / norm(cr);
    }

    /** Fractional coordinates of a Cartesian point (requires a cell). */
    public double[] toFractional(double x, double y, double z) {
        requireCell();
        return new double[] {
            x * inverse[0][0] + y * inverse[1][0] + z * inverse[2][0],
            x * inverse[0][1] + y * inverse[1][1] + z * inverse[2][1],
            x * inverse[0][2] + y * inverse[1][2] + z * inverse[2][2]};
    }

    /** Cartesian point of fractional coordinates (requires a cell). */
    public double[] toCartesian(double f0, double f1, double f2) {
        requireCell();
        return new double[] {
            f0 * h[0][0] + f1 * h[1][0] + f2 * h[2][0],
            f0 * h[0][1] + f1 * h[1][1] + f2 * h[2][1],
            f0 * h[0][2] + f1 * h[1][2] + f2 * h[2][2]};
    }

    /** The Cartesian translation {@code n₀ a + n₁ b + n₂ c}. */
    public double[] translation(int n0, int n1, int n2) {
        return new double[] {
            n0 * h[0][0] + n1 * h[1][0] + n2 * h[2][0],
            n0 * h[0][1] + n1 * h[1][1] + n2 * h[2][1],
            n0 * h[0][2] + n1 * h[1][2] + n2 * h[2][2]};
    }

    /** This cell deformed by {@code F}: every lattice vector v becomes F v. Periodicity kept. */
    public Cell deformed(double[][] f) {
        if (isNone()) {
            return this;
        }
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int r = 0; r < 3; r++) {
                m[i][r] = f[r][0] * h[i][0] + f[r][1] * h[i][1] + f[r][2] * h[i][2];
            }
        }
        return new Cell(m, pbc);
    }

    /** The same lattice vectors with other periodicity flags. */
    public Cell withPeriodicity(boolean... flags) {
        return of(h, flags);
    }

    private void requireCell() {
        if (isNone()) {
            throw new IllegalStateException("this configuration has no cell");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cell c && Arrays.deepEquals(h, c.h) && Arrays.equals(pbc, c.pbc);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(h) * 31 + Arrays.hashCode(pbc);
    }

    @Override
    public String toString() {
        return "Cell" + Arrays.deepToString(h) + " pbc=" + Arrays.toString(pbc);
    }

    static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static double[][] invert(double[][] m, double d) {
        double[][] r = new double[3][3];
        r[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / d;
        r[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / d;
        r[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / d;
        r[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / d;
        r[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / d;
        r[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / d;
        r[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / d;
        r[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / d;
        r[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / d;
        return r;
    }

    private static boolean isZero(double[][] m) {
        for (double[] row : m) {
            for (double v : row) {
                if (v != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
