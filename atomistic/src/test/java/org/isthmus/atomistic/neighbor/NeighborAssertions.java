package org.isthmus.atomistic.neighbor;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/** Helpers for the neighbour tests: entry sets, random cells and configurations. */
final class NeighborAssertions {

    static final Element CU = Element.of("Cu");

    private NeighborAssertions() {
    }

    /** The entries of a list as "i j n0 n1 n2", sorted. */
    static TreeSet<String> entries(NeighborList list) {
        TreeSet<String> s = new TreeSet<>();
        for (int i = 0; i < list.atoms(); i++) {
            for (int e = list.start(i); e < list.end(i); e++) {
                s.add(key(i, list.neighbor(e), list.image(e, 0), list.image(e, 1), list.image(e, 2)));
            }
        }
        return s;
    }

    static String key(int i, int j, int a, int b, int c) {
        return i + " " + j + " " + a + " " + b + " " + c;
    }

    /** Fails with the first differences if the two lists do not hold exactly the same entries. */
    static void assertSameEntries(NeighborList expected, NeighborList actual, String what) {
        TreeSet<String> e = entries(expected);
        TreeSet<String> a = entries(actual);
        if (expected.entries() != e.size() || actual.entries() != a.size()) {
            fail(what + ": a list holds a duplicate entry");
        }
        if (!e.equals(a)) {
            List<String> missing = new ArrayList<>(e);
            missing.removeAll(a);
            List<String> extra = new ArrayList<>(a);
            extra.removeAll(e);
            fail(what + ": " + missing.size() + " entries missing " + head(missing) + ", " + extra.size()
                    + " extra " + head(extra) + " (of " + e.size() + " expected)");
        }
    }

    private static List<String> head(List<String> l) {
        return l.subList(0, Math.min(5, l.size()));
    }

    /**
     * A random triclinic cell with edges around {@code length} Å; {@code skew} scales the
     * off-diagonal parts (0: orthorhombic, 1 and above: strongly skewed).
     */
    static Cell randomCell(SplittableRandom r, double length, double skew, boolean... pbc) {
        double[][] h = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                h[i][k] = i == k ? length * (0.6 + 0.8 * r.nextDouble()) : skew * length * (2 * r.nextDouble() - 1);
            }
        }
        // keep the volume away from zero: dependent rows would be rejected by Cell
        if (Math.abs(det(h)) < 0.05 * length * length * length) {
            return randomCell(r, length, skew, pbc);
        }
        return Cell.of(h, pbc);
    }

    /** Atoms at random fractional coordinates in [lo, hi) along each axis. */
    static Configuration randomAtoms(SplittableRandom r, Cell cell, int n, double lo, double hi) {
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double[] p = cell.toCartesian(lo + (hi - lo) * r.nextDouble(), lo + (hi - lo) * r.nextDouble(),
                    lo + (hi - lo) * r.nextDouble());
            System.arraycopy(p, 0, x, 3 * i, 3);
        }
        return of(x, cell);
    }

    /** Copper atoms at positions x (flat, Å). */
    static Configuration of(double[] x, Cell cell) {
        Element[] s = new Element[x.length / 3];
        java.util.Arrays.fill(s, CU);
        return Configuration.of(s, x, cell);
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
