package org.isthmus.atomistic.neighbor;

import static org.isthmus.atomistic.neighbor.NeighborAssertions.entries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.TreeSet;

import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;

/**
 * The Verlet skin list: complete within r_c after small moves, rebuilt exactly when an atom has
 * moved more than half the skin, or the cell or atom count changed.
 */
class VerletNeighborsTest {

    private static final double RC = 4.2;
    private static final double SKIN = 0.6;

    private static Configuration crystal() {
        return Lattices.fcc(NeighborAssertions.CU, 3.615, 3, 3, 3);
    }

    @Test
    void holdsEveryPairWithinTheCutoffAndRebuildsExactlyWhenAnAtomMovedHalfTheSkin() {
        SplittableRandom r = new SplittableRandom(31);
        Configuration c = crystal();
        int[] labels = new int[c.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 5 == 0 ? 1 : 0;
        }
        InteractionMask mask = InteractionMask.withinBodies(labels);
        VerletNeighbors v = new VerletNeighbors(new LinkedCellNeighbors(), RC, SKIN, mask);
        double[] x = c.positions();
        double[] atBuild = null;
        int expectedBuilds = 0;
        for (int step = 0; step < 60; step++) {
            // a random walk; atoms on the cell faces walk out of the cell unwrapped
            for (int k = 0; k < x.length; k++) {
                x[k] += 0.05 * (2 * r.nextDouble() - 1);
            }
            Configuration now = c.withPositions(x);
            if (atBuild == null || maxDisplacement(x, atBuild) > SKIN / 2) {
                expectedBuilds++;
                atBuild = x.clone();
            }
            NeighborList list = v.update(now);
            assertEquals(expectedBuilds, v.rebuilds(), "builds after step " + step);
            assertEquals(RC + SKIN, list.cutoff(), 0.0);
            TreeSet<String> held = entries(list);
            TreeSet<String> needed = entries(new LinkedCellNeighbors().build(now, RC, mask));
            assertTrue(held.containsAll(needed), "step " + step + ": a pair within r_c is missing");
        }
        assertTrue(expectedBuilds > 2 && expectedBuilds < 40, "the walk should need a few rebuilds, not every step: "
                + expectedBuilds);
    }

    private static double maxDisplacement(double[] x, double[] y) {
        double max = 0;
        for (int i = 0; i < x.length; i += 3) {
            double dx = x[i] - y[i];
            double dy = x[i + 1] - y[i + 1];
            double dz = x[i + 2] - y[i + 2];
            max = Math.max(max, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
        return max;
    }

    @Test
    void rebuildsOnlyPastHalfTheSkinAndOnCellOrSizeChanges() {
        Configuration c = crystal();
        VerletNeighbors v = new VerletNeighbors(new LinkedCellNeighbors(), RC, SKIN, InteractionMask.NONE);
        NeighborList first = v.update(c);
        assertSame(first, v.update(c));
        assertSame(first, v.update(moved(c, 7, 0.99 * SKIN / 2)));
        assertEquals(1, v.rebuilds());
        v.update(moved(c, 7, 1.01 * SKIN / 2));
        assertEquals(2, v.rebuilds());

        v.update(c.withCell(c.cell().deformed(new double[][] {{1.001, 0, 0}, {0, 1, 0}, {0, 0, 1}})));
        assertEquals(3, v.rebuilds());
        v.update(c.append(NeighborAssertions.of(new double[] {1.1, 1.2, 1.3}, c.cell())));
        assertEquals(4, v.rebuilds());

        // wrapping an atom back into the cell moves it by a lattice vector: a rebuild, and images stay right
        VerletNeighbors w = new VerletNeighbors(new LinkedCellNeighbors(), RC, SKIN, InteractionMask.NONE);
        w.update(c);
        Configuration wrappedBack = moved(c, 3, 0).withPositions(shiftAtom(c.positions(), 3, c.cell().vector(0)));
        NeighborList after = w.update(wrappedBack);
        assertEquals(2, w.rebuilds());
        assertEquals(entries(new BruteForceNeighbors().build(wrappedBack, RC + SKIN, InteractionMask.NONE)),
                entries(after));
    }

    @Test
    void zeroSkinRebuildsOnAnyMove() {
        Configuration c = crystal();
        VerletNeighbors v = new VerletNeighbors(new LinkedCellNeighbors(), RC, 0, InteractionMask.NONE);
        v.update(c);
        v.update(c);
        assertEquals(1, v.rebuilds());
        v.update(moved(c, 0, 1e-9));
        assertEquals(2, v.rebuilds());
    }

    @Test
    void rejectsBadParameters() {
        LinkedCellNeighbors b = new LinkedCellNeighbors();
        assertThrows(IllegalArgumentException.class, () -> new VerletNeighbors(b, RC, -0.1, InteractionMask.NONE));
        assertThrows(IllegalArgumentException.class, () -> new VerletNeighbors(b, RC, Double.NaN, InteractionMask.NONE));
        assertThrows(IllegalArgumentException.class, () -> new VerletNeighbors(b, 0, SKIN, InteractionMask.NONE));
        assertThrows(IllegalArgumentException.class, () -> new VerletNeighbors(b, RC, SKIN, null));
        assertThrows(IllegalArgumentException.class, () -> new VerletNeighbors(null, RC, SKIN, InteractionMask.NONE));
    }

    /** c with atom i moved by {@code d} Å along x. */
    private static Configuration moved(Configuration c, int i, double d) {
        double[] x = c.positions();
        x[3 * i] += d;
        return c.withPositions(x);
    }

    private static double[] shiftAtom(double[] x, int i, double[] t) {
        for (int k = 0; k < 3; k++) {
            x[3 * i + k] += t[k];
        }
        return x;
    }
}
