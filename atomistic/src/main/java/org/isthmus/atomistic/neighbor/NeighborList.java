package org.isthmus.atomistic.neighbor;

import java.util.Arrays;

import org.isthmus.atomistic.structure.Cell;

/**
 * A full neighbour list in compressed-row form: for atom i, the entries {@code start(i) …
 * start(i+1)−1}, each a neighbour index j and an integer image (n₀, n₁, n₂) such that the bond
 * vector is {@code d = x_j + n₀a + n₁b + n₂c − x_i}. Every pair appears in both directions, and
 * {@link #reverse(int)} gives the index of the opposite entry (j → i with the opposite image).
 * Within an atom's row entries are sorted by neighbour index, then image: the list is
 * deterministic for a given configuration.
 *
 * <p>Holds every pair with {@code |d| < cutoff()} at the time it was built ({@code cutoff()}
 * includes any Verlet skin), except pairs an {@link InteractionMask} forbids. Immutable; arrays
 * are shared with the caller only through the read-only accessors.
 */
public final class NeighborList {

    private final int atoms;
    private final double cutoff;
    private final int[] start;
    private final int[] neighbor;
    private final int[] image;     // 3 per entry
    private final double[] shift;  // 3 per entry: Cartesian translation n·cell
    private final int[] reverse;

    /**
     * Builds a list from per-atom rows. Rows are sorted here; the reverse index is computed here.
     *
     * @param cell     the cell the images refer to
     * @param cutoff   the list cutoff (Å), skin included
     * @param start    row offsets, length atoms + 1
     * @param neighbor neighbour index per entry
     * @param image    three image integers per entry
     */
    public NeighborList(Cell cell, double cutoff, int[] start, int[] neighbor, int[] image) {
        this.atoms = start.length - 1;
        this.cutoff = cutoff;
        this.start = start;
        int m = neighbor.length;
        // sort each row by (j, n0, n1, n2)
        Integer[] order = new Integer[0];
        int[] sortedJ = new int[m];
        int[] sortedImg = new int[3 * m];
        for (int i = 0; i < atoms; i++) {
            int s = start[i];
            int len = start[i + 1] - s;
            if (order.length < len) {
                order = new Integer[len];
            }
            for (int k = 0; k < len; k++) {
                order[k] = s + k;
            }
            Arrays.sort(order, 0, len, (x, y) -> compareEntry(neighbor, image, x, y));
            for (int k = 0; k < len; k++) {
                int e = order[k];
                sortedJ[s + k] = neighbor[e];
                sortedImg[3 * (s + k)] = image[3 * e];
                sortedImg[3 * (s + k) + 1] = image[3 * e + 1];
                sortedImg[3 * (s + k) + 2] = image[3 * e + 2];
            }
        }
        this.neighbor = sortedJ;
        this.image = sortedImg;
        this.shift = new double[3 * m];
        if (!cell.isNone()) {
            for (int e = 0; e < m; e++) {
                double[] t = cell.translation(sortedImg[3 * e], sortedImg[3 * e + 1], sortedImg[3 * e + 2]);
                shift[3 * e] = t[0];
                shift[3 * e + 1] = t[1];
                shift[3 * e + 2] = t[2];
            }
        }
        this.reverse = new int[m];
        for (int i = 0; i < atoms; i++) {
            for (int e = start[i]; e < start[i + 1]; e++) {
                reverse[e] = findReverse(i, e);
            }
        }
    }

    private static int compareEntry(int[] nb, int[] img, int x, int y) {
        int c = Integer.compare(nb[x], nb[y]);
        for (int k = 0; c == 0 && k < 3; k++) {
            c = Integer.compare(img[3 * x + k], img[3 * y + k]);
        }
        return c;
    }

    private int findReverse(int i, int e) {
        int j = neighbor[e];
        int lo = start[j];
        int hi = start[j + 1] - 1;
        while (lo <= hi) { // first entry of row j with neighbour >= i
            int mid = (lo + hi) >>> 1;
            if (neighbor[mid] < i) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        for (int f = lo; f < start[j + 1] && neighbor[f] == i; f++) {
            if (image[3 * f] == -image[3 * e] && image[3 * f + 1] == -image[3 * e + 1]
                    && image[3 * f + 2] == -image[3 * e + 2]) {
                return f;
            }
        }
        throw new IllegalStateException("neighbour list is not symmetric: entry " + i + "→" + j
                + " has no reverse (is the interaction mask symmetric?)");
    }

    /** Number of atoms. */
    public int atoms() {
        return atoms;
    }

    /** Number of entries (twice the number of pairs). */
    public int entries() {
        return neighbor.length;
    }

    /** List cutoff in Å (skin included). */
    public double cutoff() {
        return cutoff;
    }

    /** First entry of atom i's row. */
    public int start(int i) {
        return start[i];
    }

    /** One past the last entry of atom i's row. */
    public int end(int i) {
        return start[i + 1];
    }

    public int neighbor(int e) {
        return neighbor[e];
    }

    /** Image integer {@code k} (0, 1, 2) of entry e. */
    public int image(int e, int k) {
        return image[3 * e + k];
    }

    /** Cartesian translation component {@code k} of entry e (Å). */
    public double shift(int e, int k) {
        return shift[3 * e + k];
    }

    /** Index of the opposite entry (j → i with the opposite image). */
    public int reverse(int e) {
        return reverse[e];
    }
}
