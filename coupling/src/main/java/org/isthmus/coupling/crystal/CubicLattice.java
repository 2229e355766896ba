package org.isthmus.coupling.crystal;

import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;

/**
 * The cubic crystal structures a half-crystal can be cut from: face-centred cubic, body-centred
 * cubic and diamond, each as a basis in fractional coordinates of the conventional cubic cell of
 * edge a. Diamond is the fcc Bravais lattice with a two-atom basis (0, ¼¼¼).
 */
public enum CubicLattice {
    FCC(new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}},
            new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}}),
    BCC(new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}}, new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}}),
    DIAMOND(new double[][] {
        {0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5},
        {0.25, 0.25, 0.25}, {0.75, 0.75, 0.25}, {0.75, 0.25, 0.75}, {0.25, 0.75, 0.75}},
            new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}});

    private final double[][] basis;
    private final double[][] centring; // lattice translations inside the conventional cell

    CubicLattice(double[][] basis, double[][] centring) {
        this.basis = basis;
        this.centring = centring;
    }

    /** The basis in fractional coordinates of the conventional cell (a copy). */
    public double[][] basis() {
        double[][] c = new double[basis.length][];
        for (int i = 0; i < basis.length; i++) {
            c[i] = basis[i].clone();
        }
        return c;
    }

    /** Atoms per conventional cell. */
    public int atomsPerCell() {
        return basis.length;
    }

    /**
     * True if the fractional vector v (in units of a) is a translation of the Bravais lattice: an
     * integer vector plus one of the centring vectors.
     */
    public boolean isTranslation(double[] v) {
        for (double[] c : centring) {
            boolean ok = true;
            for (int k = 0; k < 3 && ok; k++) {
                double d = v[k] - c[k];
                ok = Math.abs(d - Math.rint(d)) < 1e-9;
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    /** The lattice by name ("fcc", "bcc", "diamond"; case-insensitive), naming {@code option} if unknown. */
    public static CubicLattice parse(String name, String option) {
        if (name != null) {
            switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "fcc":
                    return FCC;
                case "bcc":
                    return BCC;
                case "diamond":
                case "dia":
                    return DIAMOND;
                default:
                    break;
            }
        }
        throw new InvalidInputException(option + " '" + name + "' is not a lattice this toolkit can cut; expected fcc, bcc or diamond");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
