package org.isthmus.atomistic.structure;

import org.isthmus.atomistic.InvalidInputException;

/**
 * Periodic supercells of cubic crystals (fcc, bcc, diamond, simple cubic) with lattice constant a
 * (Å), repeated nx × ny × nz conventional cells, periodic on every axis.
 */
public final class Lattices {

    private static final double[][] FCC = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
    private static final double[][] BCC = {{0, 0, 0}, {0.5, 0.5, 0.5}};
    private static final double[][] SC = {{0, 0, 0}};
    private static final double[][] DIAMOND = {
        {0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5},
        {0.25, 0.25, 0.25}, {0.75, 0.75, 0.25}, {0.75, 0.25, 0.75}, {0.25, 0.75, 0.75}};

    private Lattices() {
    }

    public static Configuration fcc(Element e, double a, int nx, int ny, int nz) {
        return cubic(FCC, e, a, nx, ny, nz);
    }

    public static Configuration bcc(Element e, double a, int nx, int ny, int nz) {
        return cubic(BCC, e, a, nx, ny, nz);
    }

    public static Configuration diamond(Element e, double a, int nx, int ny, int nz) {
        return cubic(DIAMOND, e, a, nx, ny, nz);
    }

    public static Configuration simpleCubic(Element e, double a, int nx, int ny, int nz) {
        return cubic(SC, e, a, nx, ny, nz);
    }

    /** A cubic crystal from a basis in fractional coordinates of the conventional cell. */
    public static Configuration cubic(double[][] basis, Element e, double a, int nx, int ny, int nz) {
        if (!(a > 0) || nx < 1 || ny < 1 || nz < 1) {
            throw new InvalidInputException("a crystal needs a positive lattice constant and at least one cell per axis, got a="
                    + a + ", repeats " + nx + "×" + ny + "×" + nz);
        }
        int n = basis.length * nx * ny * nz;
        double[] p = new double[3 * n];
        Element[] s = new Element[n];
        int k = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                for (int l = 0; l < nz; l++) {
                    for (double[] b : basis) {
                        p[3 * k] = (i + b[0]) * a;
                        p[3 * k + 1] = (j + b[1]) * a;
                        p[3 * k + 2] = (l + b[2]) * a;
                        s[k++] = e;
                    }
                }
            }
        }
        return Configuration.of(s, p, Cell.orthorhombic(nx * a, ny * a, nz * a));
    }
}
