package org.isthmus.atomistic.neighbor;

import java.util.Arrays;

import org.isthmus.atomistic.structure.Cell;

/**
 * A full neighbour list in compressed-row form: for atom i, the entries {@code start(i) …
 * start(i+1)−1}, each a neighbour index j and an integer image (n₀, n₁, n₂) such that the bond
 * vector is {@code d = x_j + n₀a + n₁b + n₂c − x_i}. Every pair appears in both directions, and
 * {@link #reverse(int)} gives the index of the opposite entry (j → i with the opposite image).
 * Within an atom's row entries are sorted by neighbour index, then image (lexicographically):
 * the list is deterministic for a given configuration.
 *
 * <p>Holds every pair with {@code |d| < cutoff()} at the time it was built ({@code cutoff()}
 * includes any Verlet skin), except pairs an {@link InteractionMask} forbids. The builders of
 * this package evaluate {@code d = (x_j − x_i) + shift}, which is exactly antisymmetric in
 * floating point, so a pair at the cutoff is in both directions or in neither. Immutable; arrays
 * are shared with the caller only through the read-only accessors.
 *
 * <p>Storage: 12 bytes per entry (neighbour, image code, reverse index). An entry refers to its
 * image through a code into a table of the distinct images and their Cartesian shifts, which
 * holds a few dozen rows for ordinary cells. {@link #shift(int, int)} is the translation
 * {@code n₀a + n₁b + n₂c} computed exactly as {@link Cell#translation(int, int, int)} does.
 */
public final class NeighborList {

    private final int atoms;
    private final double cutoff;
    private final int[] start;
    private final int[] neighbor;
    private final int[] code;      // image code per entry; codes ordered as the images, lexicographically
    private final int[] images;    // 3 per code
    private final double[] shifts; // 3 per code: Cartesian translation n·cell (Å)
    private final int[] reverse;

    /**
     * Builds a list from per-atom rows in any order. Rows are sorted here and the reverse index is
     * computed here; the arrays are copied.
     *
     * @param cell     the cell the images refer to
     * @param cutoff   the list cutoff (Å), skin included
     * @param start    row offsets, length atoms + 1, non-decreasing from 0 to the number of entries
     * @param neighbor neighbour index per entry, each in [0, atoms)
     * @param image    three image integers per entry
     * @throws IllegalArgumentException if the arrays are inconsistent, an entry appears twice in a
     *                                  row, or some entry has no opposite entry
     */
    public NeighborList(Cell cell, double cutoff, int[] start, int[] neighbor, int[] image) {
        this(cell, cutoff, checkedStart(start, neighbor.length), neighbor.clone(), internAll(neighbor, image));
    }

    private NeighborList(Cell cell, double cutoff, int[] start, int[] neighbor, Interned interned) {
        this(cell, cutoff, start, neighbor, interned.code, interned.table);
    }

    /**
     * Builds a list from rows whose images are already codes of {@code table}; takes ownership of
     * the arrays ({@code neighbor} and {@code code} may be longer than {@code start[atoms]}).
     */
    NeighborList(Cell cell, double cutoff, int[] start, int[] neighbor, int[] code, ImageTable table) {
        this.atoms = start.length - 1;
        this.cutoff = cutoff;
        this.start = start;
        int m = start[atoms];
        checkNeighbors(neighbor, m, atoms);

        // Renumber the codes so that their order is the lexicographic order of the images.
        int k = table.size();
        Integer[] byImage = new Integer[k];
        for (int c = 0; c < k; c++) {
            byImage[c] = c;
        }
        Arrays.sort(byImage, (p, q) -> compareImages(table, p, q));
        int[] renumber = new int[k];
        this.images = new int[3 * k];
        this.shifts = new double[3 * k];
        for (int c = 0; c < k; c++) {
            int old = byImage[c];
            renumber[old] = c;
            for (int a = 0; a < 3; a++) {
                images[3 * c + a] = table.image(old, a);
            }
            if (!cell.isNone()) {
                double[] t = cell.translation(images[3 * c], images[3 * c + 1], images[3 * c + 2]);
                System.arraycopy(t, 0, shifts, 3 * c, 3);
            }
        }

        int[] opposite = opposites();
        this.neighbor = new int[m];
        this.code = new int[m];
        transpose(neighbor, code, renumber, opposite);
        sortRuns();
        this.reverse = reverseIndex(opposite);
    }

    /**
     * Fills the rows with the transpose of the input: input entry i → j with image n becomes
     * j → i with image −n. For a symmetric list the transpose is the list itself, and walking the
     * input rows in order leaves every row sorted by neighbour index without a sort (a counting
     * sort by row). An asymmetric input is caught here or by {@link #reverseIndex(int[])}.
     */
    private void transpose(int[] inNeighbor, int[] inCode, int[] renumber, int[] opposite) {
        int m = neighbor.length;
        int[] count = new int[atoms];
        for (int e = 0; e < m; e++) {
            count[inNeighbor[e]]++;
        }
        for (int i = 0; i < atoms; i++) {
            if (count[i] != start[i + 1] - start[i]) {
                throw new IllegalArgumentException("neighbour list is not symmetric: atom " + i + " has "
                        + (start[i + 1] - start[i]) + " entries but is the neighbour in " + count[i]
                        + " (is the interaction mask symmetric?)");
            }
        }
        int[] fill = Arrays.copyOf(start, atoms);
        for (int i = 0; i < atoms; i++) {
            for (int e = start[i]; e < start[i + 1]; e++) {
                int c = renumber[inCode[e]];
                int j = inNeighbor[e];
                if (opposite[c] < 0) {
                    throw asymmetric(i, j, c);
                }
                int p = fill[j]++;
                neighbor[p] = i;
                code[p] = opposite[c];
            }
        }
    }

    /** Sorts the runs of equal neighbour index in each row by image code; rejects duplicates. */
    private void sortRuns() {
        for (int i = 0; i < atoms; i++) {
            int end = start[i + 1];
            for (int e = start[i] + 1; e < end; e++) {
                int j = neighbor[e];
                int c = code[e];
                int f = e - 1;
                while (f >= start[i] && neighbor[f] == j && code[f] > c) {
                    code[f + 1] = code[f];
                    f--;
                }
                code[f + 1] = c;
                if (f >= start[i] && neighbor[f] == j && code[f] == c) {
                    throw new IllegalArgumentException("neighbour list has the entry " + i + "→" + j + " with image ("
                            + images[3 * c] + ", " + images[3 * c + 1] + ", " + images[3 * c + 2] + ") twice");
                }
            }
        }
    }

    /** For each image code, the code of the opposite image, or −1 if the list lacks it. */
    private int[] opposites() {
        ImageTable sorted = new ImageTable();
        int k = images.length / 3;
        for (int c = 0; c < k; c++) {
            sorted.intern(images[3 * c], images[3 * c + 1], images[3 * c + 2]);
        }
        int[] opposite = new int[k];
        for (int c = 0; c < k; c++) {
            opposite[c] = sorted.find(-images[3 * c], -images[3 * c + 1], -images[3 * c + 2]);
        }
        return opposite;
    }

    /**
     * The reverse index in one pass. Rows are sorted by (neighbour, image), and negating images
     * reverses their lexicographic order, so walking rows i = 0, 1, … the entries i → j with the
     * same j are matched, in reverse order, by the next unmatched entries j → i of row j: a cursor
     * per row suffices. Every match is checked, so an asymmetric list is reported, not mislinked.
     */
    private int[] reverseIndex(int[] opposite) {
        int[] rev = new int[neighbor.length];
        int[] cursor = Arrays.copyOf(start, atoms);
        for (int i = 0; i < atoms; i++) {
            int e = start[i];
            int end = start[i + 1];
            while (e < end) {
                int j = neighbor[e];
                int g = e + 1;
                while (g < end && neighbor[g] == j) {
                    g++;
                }
                int len = g - e;
                int r0 = cursor[j];
                for (int t = 0; t < len; t++) {
                    int f = e + t;
                    int r = r0 + len - 1 - t;
                    if (r >= start[j + 1] || neighbor[r] != i || code[r] != opposite[code[f]]) {
                        throw asymmetric(i, neighbor[f], code[f]);
                    }
                    rev[f] = r;
                }
                cursor[j] = r0 + len;
                e = g;
            }
        }
        return rev;
    }

    private IllegalArgumentException asymmetric(int i, int j, int c) {
        return new IllegalArgumentException("neighbour list is not symmetric: entry " + i + "→" + j
                + " with image (" + images[3 * c] + ", " + images[3 * c + 1] + ", " + images[3 * c + 2]
                + ") has no opposite entry (is the interaction mask symmetric?)");
    }

    private static int compareImages(ImageTable t, int p, int q) {
        int c = 0;
        for (int a = 0; c == 0 && a < 3; a++) {
            c = Integer.compare(t.image(p, a), t.image(q, a));
        }
        return c;
    }

    private static int[] checkedStart(int[] start, int entries) {
        if (start.length < 1 || start[0] != 0 || start[start.length - 1] != entries) {
            throw new IllegalArgumentException("row offsets must run from 0 to the number of entries (" + entries
                    + "), got " + (start.length == 0 ? "none" : start[0] + " … " + start[start.length - 1]));
        }
        for (int i = 1; i < start.length; i++) {
            if (start[i] < start[i - 1]) {
                throw new IllegalArgumentException("row offsets decrease at atom " + (i - 1));
            }
        }
        return start.clone();
    }

    private static void checkNeighbors(int[] neighbor, int m, int atoms) {
        for (int e = 0; e < m; e++) {
            if (neighbor[e] < 0 || neighbor[e] >= atoms) {
                throw new IllegalArgumentException("entry " + e + " names neighbour " + neighbor[e] + "; expected 0…"
                        + (atoms - 1));
            }
        }
    }

    private static Interned internAll(int[] neighbor, int[] image) {
        if (image.length != 3 * neighbor.length) {
            throw new IllegalArgumentException("expected 3 image integers per entry (" + 3 * neighbor.length
                    + "), got " + image.length);
        }
        ImageTable table = new ImageTable();
        int[] code = new int[neighbor.length];
        for (int e = 0; e < code.length; e++) {
            code[e] = table.intern(image[3 * e], image[3 * e + 1], image[3 * e + 2]);
        }
        return new Interned(code, table);
    }

    private record Interned(int[] code, ImageTable table) {
    }

    /** A copy with the shifts of {@code cell} (see {@link #withCell}); the index arrays are shared. */
    private NeighborList(NeighborList o, Cell cell) {
        this.atoms = o.atoms;
        this.cutoff = o.cutoff;
        this.start = o.start;
        this.neighbor = o.neighbor;
        this.code = o.code;
        this.images = o.images;
        this.reverse = o.reverse;
        this.shifts = new double[images.length];
        if (!cell.isNone()) {
            for (int c = 0; 3 * c < images.length; c++) {
                double[] t = cell.translation(images[3 * c], images[3 * c + 1], images[3 * c + 2]);
                System.arraycopy(t, 0, shifts, 3 * c, 3);
            }
        }
    }

    /**
     * The same entries (neighbours and integer images) with the Cartesian shifts of another
     * cell, in time proportional to the number of distinct images. For a cell that deformed since
     * the list was built (a barostat): the caller must know that the entries still hold every
     * pair it needs (see {@code org.isthmus.atomistic.dynamics.CellNeighbors}). Immutable; shares
     * the index arrays with this list.
     */
    public NeighborList withCell(Cell cell) {
        return new NeighborList(this, cell);
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

    /** Neighbour atom index j of entry e. */
    public int neighbor(int e) {
        return neighbor[e];
    }

    /** Image integer {@code k} (0, 1, 2) of entry e. */
    public int image(int e, int k) {
        return images[3 * code[e] + k];
    }

    /** Cartesian translation component {@code k} of entry e (Å). */
    public double shift(int e, int k) {
        return shifts[3 * code[e] + k];
    }

    /** Index of the opposite entry (j → i with the opposite image). */
    public int reverse(int e) {
        return reverse[e];
    }
}
