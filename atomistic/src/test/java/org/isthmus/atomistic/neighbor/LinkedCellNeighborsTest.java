package org.isthmus.atomistic.neighbor;

import static org.isthmus.atomistic.neighbor.NeighborAssertions.assertSameEntries;
import static org.isthmus.atomistic.neighbor.NeighborAssertions.of;
import static org.isthmus.atomistic.neighbor.NeighborAssertions.randomAtoms;
import static org.isthmus.atomistic.neighbor.NeighborAssertions.randomCell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.TreeSet;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;

/**
 * The linked-cell builder against the brute-force oracle: the same (i, j, image) entries, exactly,
 * over random triclinic cells, every periodicity, tiny cells, atoms on faces and corners,
 * unwrapped atoms, clusters and masks. Both builders evaluate d = x_j + n·cell − x_i with the
 * same floating-point operations, so even pairs at the cutoff must agree.
 */
class LinkedCellNeighborsTest {

    private static final NeighborListBuilder LINKED = new LinkedCellNeighbors();
    private static final NeighborListBuilder BRUTE = new BruteForceNeighbors();

    private static void assertMatchesOracle(Configuration c, double cutoff, InteractionMask mask, String what) {
        assertSameEntries(BRUTE.build(c, cutoff, mask), LINKED.build(c, cutoff, mask), what);
    }

    private static boolean[] pbc(int bits) {
        return new boolean[] {(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0};
    }

    @Test
    void randomTriclinicCellsInEveryPeriodicity() {
        SplittableRandom r = new SplittableRandom(11);
        for (int t = 0; t < 160; t++) {
            boolean[] p = pbc(t % 8);
            double skew = t % 3 == 0 ? 0 : (t % 3 == 1 ? 0.4 : 1.5);
            Cell cell = randomCell(r, 4 + 8 * r.nextDouble(), skew, p);
            // non-periodic axes: atoms may lie outside the box
            Configuration c = randomAtoms(r, cell, 1 + r.nextInt(40), p[0] && p[1] && p[2] ? 0 : -0.3, 1.2);
            double cutoff = 1 + 7 * r.nextDouble();
            assertMatchesOracle(c, cutoff, InteractionMask.NONE, "case " + t + " " + cell + " rc=" + cutoff);
        }
    }

    @Test
    void wrappedRandomAtomsInStronglySkewedCells() {
        SplittableRandom r = new SplittableRandom(12);
        for (int t = 0; t < 40; t++) {
            Cell cell = randomCell(r, 6, 3, true, true, true);
            Configuration c = randomAtoms(r, cell, 2 + r.nextInt(30), 0, 1);
            assertMatchesOracle(c, 2 + 5 * r.nextDouble(), InteractionMask.NONE, "case " + t + " " + cell);
        }
    }

    @Test
    void tinyCellsGiveManyImagesAndSelfNeighbours() {
        SplittableRandom r = new SplittableRandom(13);
        for (int t = 0; t < 40; t++) {
            boolean[] p = t % 4 == 0 ? pbc(1 + r.nextInt(7)) : pbc(7);
            double cutoff = 4 + 2 * r.nextDouble();
            Cell cell = randomCell(r, cutoff / 5, t % 2 == 0 ? 0 : 0.8, p); // orthorhombic: edges below r_c/3
            Configuration c = randomAtoms(r, cell, 1 + r.nextInt(3), 0, 1);
            NeighborList list = LINKED.build(c, cutoff, InteractionMask.NONE);
            assertSameEntries(BRUTE.build(c, cutoff, InteractionMask.NONE), list, "case " + t + " " + cell);
            if (p[0] && p[1] && p[2]) {
                boolean self = false;
                for (int e = list.start(0); e < list.end(0); e++) {
                    self |= list.neighbor(e) == 0;
                }
                assertTrue(self, "atom 0 sees its own images in a cell smaller than the cutoff");
            }
        }
    }

    @Test
    void singleAtomInACubeSeesTheSixNearestImagesOnly() {
        Configuration c = of(new double[] {0.3, 0.2, 0.1}, Cell.orthorhombic(2, 2, 2));
        NeighborList list = LINKED.build(c, 2.5, InteractionMask.NONE);
        assertEquals(6, list.entries()); // images at 2 Å; the next, at 2√2 Å, lie beyond
        assertMatchesOracle(c, 2.5, InteractionMask.NONE, "single atom");
    }

    @Test
    void atomsOnFacesEdgesAndCorners() {
        double[] fr = {0, 0.5, 1};
        SplittableRandom r = new SplittableRandom(14);
        for (int t = 0; t < 24; t++) {
            boolean[] p = pbc(t % 8);
            Cell cell = t < 8 ? Cell.orthorhombic(4, 4, 4).withPeriodicity(p) : randomCell(r, 4, 0.5, p);
            double[] x = new double[3 * 27];
            int k = 0;
            for (double a : fr) {
                for (double b : fr) {
                    for (double g : fr) {
                        System.arraycopy(cell.toCartesian(a, b, g), 0, x, 3 * k++, 3);
                    }
                }
            }
            Configuration c = of(x, cell);
            // the cubic cutoffs 2 and 4 equal distances between atoms: those pairs are excluded
            for (double cutoff : new double[] {2, 2.0000001, 4, 4.5}) {
                assertMatchesOracle(c, cutoff, InteractionMask.NONE, "lattice points, case " + t + ", rc=" + cutoff);
            }
        }
    }

    @Test
    void cutoffAtANeighbourShellOfFcc() {
        double a = 3.615;
        Configuration c = Lattices.fcc(NeighborAssertions.CU, a, 3, 3, 3);
        for (double cutoff : new double[] {a / Math.sqrt(2), a, a * Math.sqrt(1.5), 6}) {
            assertMatchesOracle(c, cutoff, InteractionMask.NONE, "fcc rc=" + cutoff);
        }
        NeighborList list = LINKED.build(c, 3, InteractionMask.NONE);
        for (int i = 0; i < c.size(); i++) {
            assertEquals(12, list.end(i) - list.start(i), "fcc nearest neighbours of atom " + i);
        }
    }

    @Test
    void unwrappedAtomsFarOutsideThePeriodicCell() {
        SplittableRandom r = new SplittableRandom(15);
        for (int t = 0; t < 30; t++) {
            boolean[] p = t % 3 == 0 ? pbc(1 + r.nextInt(7)) : pbc(7);
            Cell cell = randomCell(r, 5 + 5 * r.nextDouble(), 0.5, p);
            Configuration wrapped = randomAtoms(r, cell, 3 + r.nextInt(20), 0, 1);
            int n = wrapped.size();
            double[] x = wrapped.positions();
            int[][] w = new int[n][3];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 3; k++) {
                    w[i][k] = p[k] ? r.nextInt(-4, 5) : 0;
                }
                double[] s = cell.translation(w[i][0], w[i][1], w[i][2]);
                for (int k = 0; k < 3; k++) {
                    x[3 * i + k] += s[k];
                }
            }
            Configuration unwrapped = wrapped.withPositions(x);
            double cutoff = 2 + 6 * r.nextDouble();
            NeighborList list = LINKED.build(unwrapped, cutoff, InteractionMask.NONE);
            assertSameEntries(BRUTE.build(unwrapped, cutoff, InteractionMask.NONE), list, "unwrapped, case " + t);
            // the same pairs as the wrapped atoms, with images shifted by the wrap offsets
            TreeSet<String> expected = new TreeSet<>();
            NeighborList ref = LINKED.build(wrapped, cutoff, InteractionMask.NONE);
            for (int i = 0; i < n; i++) {
                for (int e = ref.start(i); e < ref.end(i); e++) {
                    int j = ref.neighbor(e);
                    expected.add(NeighborAssertions.key(i, j, ref.image(e, 0) - w[j][0] + w[i][0],
                            ref.image(e, 1) - w[j][1] + w[i][1], ref.image(e, 2) - w[j][2] + w[i][2]));
                }
            }
            assertEquals(expected, NeighborAssertions.entries(list), "unwrapped vs wrapped, case " + t);
        }
    }

    @Test
    void clustersWithoutACell() {
        SplittableRandom r = new SplittableRandom(16);
        for (int t = 0; t < 30; t++) {
            int n = 1 + r.nextInt(60);
            double[] x = new double[3 * n];
            for (int i = 0; i < 3 * n; i++) {
                x[i] = -10 + 20 * r.nextDouble();
            }
            if (t % 5 == 0) {
                x[0] = 1e4; // one atom far away: the grid must not grow with the bounding box
            }
            Configuration c = of(x, Cell.none());
            assertMatchesOracle(c, 1 + 6 * r.nextDouble(), InteractionMask.NONE, "cluster " + t);
        }
        Configuration flat = of(new double[] {0, 0, 0, 1, 0, 0, 2, 0, 0, 2.5, 0, 0}, Cell.none());
        assertMatchesOracle(flat, 1.2, InteractionMask.NONE, "atoms on a line");
    }

    @Test
    void masksAreHonoured() {
        SplittableRandom r = new SplittableRandom(17);
        for (int t = 0; t < 30; t++) {
            boolean[] p = pbc(t % 8);
            Cell cell = randomCell(r, 5, 0.5, p);
            Configuration c = randomAtoms(r, cell, 5 + r.nextInt(30), 0, 1);
            int[] labels = new int[c.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = r.nextInt(3);
            }
            double cutoff = 2 + 5 * r.nextDouble();
            assertMatchesOracle(c, cutoff, InteractionMask.withinBodies(labels), "withinBodies, case " + t);
            assertMatchesOracle(c, cutoff, InteractionMask.cutBetween(labels, 0, 2), "cutBetween, case " + t);
        }
    }

    @Test
    void emptyAndSingleAtomConfigurations() {
        Configuration empty = of(new double[0], Cell.orthorhombic(5, 5, 5));
        assertEquals(0, LINKED.build(empty, 3, InteractionMask.NONE).entries());
        assertEquals(0, LINKED.build(of(new double[0], Cell.none()), 3, InteractionMask.NONE).entries());
        assertEquals(0, LINKED.build(of(new double[] {1, 2, 3}, Cell.none()), 3, InteractionMask.NONE).entries());
    }

    @Test
    void sameListForAnyAtomOrderUpToRelabelling() {
        SplittableRandom r = new SplittableRandom(18);
        Cell cell = randomCell(r, 7, 0.5, true, true, true);
        Configuration c = randomAtoms(r, cell, 40, 0, 1);
        NeighborList a = LINKED.build(c, 4.5, InteractionMask.NONE);
        NeighborList b = LINKED.build(c, 4.5, InteractionMask.NONE);
        assertSameEntries(a, b, "two builds");
        for (int e = 0; e < a.entries(); e++) {
            assertEquals(a.neighbor(e), b.neighbor(e));
            assertEquals(a.reverse(e), b.reverse(e));
        }
    }

    @Test
    void rejectsBadCutoffsAndAtomsAbsurdlyFarAway() {
        Configuration c = of(new double[] {0, 0, 0}, Cell.orthorhombic(3, 3, 3));
        for (double rc : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> LINKED.build(c, rc, InteractionMask.NONE));
        }
        Configuration far = of(new double[] {0, 0, 0, 1e11, 0, 0}, Cell.orthorhombic(3, 3, 3));
        assertThrows(InvalidInputException.class, () -> LINKED.build(far, 2, InteractionMask.NONE));
    }
}
