package org.isthmus.atomistic.neighbor;

import static org.isthmus.atomistic.neighbor.NeighborAssertions.randomAtoms;
import static org.isthmus.atomistic.neighbor.NeighborAssertions.randomCell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.api.Test;

/** The guarantees of {@link NeighborList}: reverse index, row order, shifts, input checks. */
class NeighborListTest {

    private static final NeighborListBuilder LINKED = new LinkedCellNeighbors();

    /** Lists over random cells of every periodicity, tiny ones included, and a cluster. */
    private static List<Object[]> samples() {
        SplittableRandom r = new SplittableRandom(21);
        List<Object[]> out = new ArrayList<>();
        for (int t = 0; t < 24; t++) {
            boolean[] p = {(t & 1) != 0, (t & 2) != 0, (t & 4) != 0};
            Cell cell = randomCell(r, t < 16 ? 7 : 1.5, 0.7, p);
            Configuration c = randomAtoms(r, cell, 2 + r.nextInt(25), 0, 1);
            out.add(new Object[] {c, LINKED.build(c, 3 + 2 * r.nextDouble(), InteractionMask.NONE)});
        }
        Configuration cluster = randomAtoms(r, Cell.orthorhombic(9, 9, 9), 40, 0, 1).withCell(Cell.none());
        out.add(new Object[] {cluster, LINKED.build(cluster, 4, InteractionMask.NONE)});
        return out;
    }

    private static int rowOf(NeighborList l, int e) {
        int i = 0;
        while (l.end(i) <= e) {
            i++;
        }
        return i;
    }

    @Test
    void reverseIsAnInvolutionWithOppositeImagesAndBondVectors() {
        for (Object[] s : samples()) {
            Configuration c = (Configuration) s[0];
            NeighborList l = (NeighborList) s[1];
            for (int i = 0; i < l.atoms(); i++) {
                for (int e = l.start(i); e < l.end(i); e++) {
                    int j = l.neighbor(e);
                    int r = l.reverse(e);
                    assertEquals(e, l.reverse(r), "reverse(reverse(e)) == e");
                    assertTrue(r >= l.start(j) && r < l.end(j), "the reverse entry lies in row j");
                    assertEquals(i, l.neighbor(r));
                    for (int k = 0; k < 3; k++) {
                        assertEquals(-l.image(e, k), l.image(r, k));
                        assertEquals(-l.shift(e, k), l.shift(r, k), 0.0);
                        // d = (x_j − x_i) + shift is exactly antisymmetric
                        double d = (c.x(j, k) - c.x(i, k)) + l.shift(e, k);
                        double back = (c.x(i, k) - c.x(j, k)) + l.shift(r, k);
                        assertEquals(-d, back, 0.0);
                    }
                }
            }
        }
    }

    @Test
    void rowsAreSortedByNeighbourThenImageAndShiftsAreTranslations() {
        for (Object[] s : samples()) {
            Configuration c = (Configuration) s[0];
            NeighborList l = (NeighborList) s[1];
            for (int i = 0; i < l.atoms(); i++) {
                for (int e = l.start(i); e < l.end(i); e++) {
                    if (e > l.start(i)) {
                        assertTrue(compare(l, e - 1, e) < 0, "row " + i + " strictly increasing at entry " + e);
                    }
                    double[] t = c.cell().isNone() ? new double[3]
                            : c.cell().translation(l.image(e, 0), l.image(e, 1), l.image(e, 2));
                    for (int k = 0; k < 3; k++) {
                        assertEquals(t[k], l.shift(e, k), 0.0);
                    }
                }
            }
        }
    }

    private static int compare(NeighborList l, int e, int f) {
        int c = Integer.compare(l.neighbor(e), l.neighbor(f));
        for (int k = 0; c == 0 && k < 3; k++) {
            c = Integer.compare(l.image(e, k), l.image(f, k));
        }
        return c;
    }

    /** The raw arrays of a list, each row's entries shuffled. */
    private static int[][] shuffledArrays(NeighborList l, SplittableRandom r) {
        int m = l.entries();
        int[] start = new int[l.atoms() + 1];
        int[] nb = new int[m];
        int[] img = new int[3 * m];
        for (int i = 0; i < l.atoms(); i++) {
            start[i + 1] = l.end(i);
            int s = l.start(i);
            int len = l.end(i) - s;
            int[] perm = new int[len];
            for (int t = 0; t < len; t++) {
                int u = r.nextInt(t + 1);
                perm[t] = perm[u];
                perm[u] = t;
            }
            for (int t = 0; t < len; t++) {
                int e = s + perm[t];
                nb[s + t] = l.neighbor(e);
                for (int k = 0; k < 3; k++) {
                    img[3 * (s + t) + k] = l.image(e, k);
                }
            }
        }
        return new int[][] {start, nb, img};
    }

    @Test
    void constructorSortsRowsGivenInAnyOrderAndCopiesItsInput() {
        SplittableRandom r = new SplittableRandom(22);
        for (Object[] s : samples()) {
            Configuration c = (Configuration) s[0];
            NeighborList l = (NeighborList) s[1];
            int[][] a = shuffledArrays(l, r);
            NeighborList rebuilt = new NeighborList(c.cell(), l.cutoff(), a[0], a[1], a[2]);
            java.util.Arrays.fill(a[1], 0);
            java.util.Arrays.fill(a[2], 7);
            assertEquals(l.entries(), rebuilt.entries());
            for (int e = 0; e < l.entries(); e++) {
                assertEquals(l.neighbor(e), rebuilt.neighbor(e));
                assertEquals(l.reverse(e), rebuilt.reverse(e));
                for (int k = 0; k < 3; k++) {
                    assertEquals(l.image(e, k), rebuilt.image(e, k));
                    assertEquals(l.shift(e, k), rebuilt.shift(e, k), 0.0);
                }
            }
        }
    }

    @Test
    void rejectsAsymmetricDuplicateAndMalformedInput() {
        Cell cell = Cell.orthorhombic(3, 3, 3);
        // 0→1 without 1→0
        assertThrows(IllegalArgumentException.class,
                () -> new NeighborList(cell, 2, new int[] {0, 1, 1}, new int[] {1}, new int[] {0, 0, 0}));
        // 0→1 image (1,0,0) and 1→0 image (1,0,0): the opposite image is missing
        assertThrows(IllegalArgumentException.class, () -> new NeighborList(cell, 2, new int[] {0, 1, 2},
                new int[] {1, 0}, new int[] {1, 0, 0, 1, 0, 0}));
        // 0→0 image (1,0,0) without (−1,0,0)
        assertThrows(IllegalArgumentException.class,
                () -> new NeighborList(cell, 2, new int[] {0, 1}, new int[] {0}, new int[] {1, 0, 0}));
        // the pair twice
        assertThrows(IllegalArgumentException.class, () -> new NeighborList(cell, 2, new int[] {0, 2, 4},
                new int[] {1, 1, 0, 0}, new int[12]));
        // offsets, indices, image length
        assertThrows(IllegalArgumentException.class,
                () -> new NeighborList(cell, 2, new int[] {0, 2, 1}, new int[] {1}, new int[3]));
        assertThrows(IllegalArgumentException.class,
                () -> new NeighborList(cell, 2, new int[] {0, 1, 2}, new int[] {1, 5}, new int[6]));
        assertThrows(IllegalArgumentException.class,
                () -> new NeighborList(cell, 2, new int[] {0, 1, 2}, new int[] {1, 0}, new int[5]));
        // a valid pair through images (0,0,1) and (0,0,−1)
        NeighborList ok = new NeighborList(cell, 2, new int[] {0, 1, 2}, new int[] {1, 0}, new int[] {0, 0, 1, 0, 0, -1});
        assertEquals(1, ok.reverse(0));
        assertEquals(-3, ok.shift(1, 2), 0.0);
    }
}
