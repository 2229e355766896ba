package org.isthmus.atomistic.neighbor;

import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;

/**
 * Linked-cell (binning) neighbour search, O(N) for a fixed density and cutoff: the list
 * {@link BruteForceNeighbors} builds, entry for entry, in time linear in the number of atoms.
 *
 * <p>Algorithm (Allen &amp; Tildesley, <i>Computer Simulation of Liquids</i>, §5.3.2, generalised
 * to triclinic cells):
 * <ol>
 * <li>Fractional coordinates are wrapped into [0, 1] on periodic axes; each atom's integer
 * lattice offset w is kept, so images refer to the positions as given (unwrapped coordinates
 * from dynamics are fine).</li>
 * <li>Atoms are counting-sorted into bins bounded by lattice planes, about two bins per cutoff of
 * plane spacing (non-periodic axes: over the span of the atoms; {@link Cell#none()}: Cartesian
 * bins over the bounding box).</li>
 * <li>For each atom, every bin whose lattice-plane distance from the atom is below the cutoff is
 * scanned, on periodic axes across as many periodic repeats as the cutoff spans (so cells
 * thinner than the cutoff give several images of an atom, and an atom may be its own
 * neighbour). A candidate j found through repeat s has image {@code n = s − w_j + w_i}.</li>
 * <li>The bond vector is then evaluated as {@code d = (x_j − x_i) + n·cell}, exactly as the brute
 * force does, so the two agree on pairs at the cutoff to the last bit; this order of operations
 * is exactly antisymmetric in floating point, so a pair at the cutoff is listed in both
 * directions or in neither. {@code |d| < cutoff} and the {@link InteractionMask} decide.</li>
 * </ol>
 *
 * <p>Cost: O(N + N ρ (2 r_c + w)³ + M) time for N atoms at number density ρ, bin width
 * w ≈ r_c/2 and M entries: about (2.5 r_c)³ / (4/3 π r_c³) ≈ 3.7 candidates per neighbour in a
 * dense bulk, each a few flops; the rows are then ordered by a transposition, not a comparison
 * sort ({@link NeighborList}). Memory: the list's 12 bytes per entry, about as much again while
 * building, and O(N). Bins are capped at about 2 per atom, so sparse or far-flung atoms cost
 * coarser bins, never a huge grid. Single-threaded and deterministic.
 */
public final class LinkedCellNeighbors implements NeighborListBuilder {

    /** Bins per cutoff length: 2 tests (2.5/3)³ ≈ 58% of the candidates that 1 does, for more bin visits. */
    private static final int BINS_PER_CUTOFF = 2;

    @Override
    public NeighborList build(Configuration configuration, double cutoff, InteractionMask mask) {
        BruteForceNeighbors.requireCutoff(cutoff);
        if (mask == null) {
            throw new IllegalArgumentException("mask must not be null; use InteractionMask.NONE for none");
        }
        int n = configuration.size();
        Cell cell = configuration.cell();
        double[] x = configuration.positions();
        BinGrid grid = new BinGrid(configuration, x, cutoff, BINS_PER_CUTOFF);
        Search search = new Search(grid, cell, cutoff, mask, n);
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            search.row(i);
            start[i + 1] = search.neighbor.size();
        }
        return new NeighborList(cell, cutoff, start, search.neighbor.array(), search.code.array(), search.images);
    }

    /** The per-atom scan; holds the grid, the cell matrix and the growing output. */
    private static final class Search {
        private final BinGrid grid;
        private final double rc2;
        private final double filter2;
        private final InteractionMask mask;
        private final boolean masked;
        // lattice vectors of the cell as given (zero for no cell): translations in the exact test
        private final double h00;
        private final double h01;
        private final double h02;
        private final double h10;
        private final double h11;
        private final double h12;
        private final double h20;
        private final double h21;
        private final double h22;
        final IntList neighbor;
        final IntList code;
        final ImageTable images = new ImageTable();

        Search(BinGrid grid, Cell cell, double cutoff, InteractionMask mask, int atoms) {
            this.grid = grid;
            this.rc2 = cutoff * cutoff;
            double padded = cutoff + grid.tolerance;
            this.filter2 = padded * padded;
            this.mask = mask;
            this.masked = mask != InteractionMask.NONE;
            h00 = cell.get(0, 0);
            h01 = cell.get(0, 1);
            h02 = cell.get(0, 2);
            h10 = cell.get(1, 0);
            h11 = cell.get(1, 1);
            h12 = cell.get(1, 2);
            h20 = cell.get(2, 0);
            h21 = cell.get(2, 1);
            h22 = cell.get(2, 2);
            int guess = (int) Math.min(1 << 24, 32L * atoms);
            this.neighbor = new IntList(guess);
            this.code = new IntList(guess);
        }

        /** Appends atom i's neighbours (unsorted) to the output. */
        void row(int i) {
            BinGrid b = grid;
            double[] f = b.frame[0];
            double[] gv = b.frame[1];
            double[] hv = b.frame[2];
            int n0 = b.bins[0];
            int n1 = b.bins[1];
            int n2 = b.bins[2];
            boolean p0 = b.periodic[0];
            boolean p1 = b.periodic[1];
            boolean p2 = b.periodic[2];
            int si = b.slot[i];
            double xi = b.sorted[3 * si];
            double yi = b.sorted[3 * si + 1];
            double zi = b.sorted[3 * si + 2];
            int wi0 = b.wrap[3 * i];
            int wi1 = b.wrap[3 * i + 1];
            int wi2 = b.wrap[3 * i + 2];
            int lo0 = b.lower(0, b.g[3 * i]);
            int hi0 = b.upper(0, b.g[3 * i]);
            int lo1 = b.lower(1, b.g[3 * i + 1]);
            int hi1 = b.upper(1, b.g[3 * i + 1]);
            int lo2 = b.lower(2, b.g[3 * i + 2]);
            int hi2 = b.upper(2, b.g[3 * i + 2]);
            int[] head = b.head;
            double[] s = b.sorted;
            for (int c0 = lo0; c0 <= hi0; c0++) {
                int s0 = p0 ? Math.floorDiv(c0, n0) : 0;
                int b0 = c0 - s0 * n0;
                for (int c1 = lo1; c1 <= hi1; c1++) {
                    int s1 = p1 ? Math.floorDiv(c1, n1) : 0;
                    int b1 = c1 - s1 * n1;
                    int base = (b0 * n1 + b1) * n2;
                    // along axis 2, bins of one periodic repeat are contiguous: scan them as one run
                    int c2 = lo2;
                    while (c2 <= hi2) {
                        int s2 = p2 ? Math.floorDiv(c2, n2) : 0;
                        int last = p2 ? Math.min(hi2, (s2 + 1) * n2 - 1) : hi2;
                        int from = head[base + c2 - s2 * n2];
                        int to = head[base + last - s2 * n2 + 1];
                        // offset = s·frame − x_i, so that d' = x'_j + offset
                        double ox = s0 * f[0] + s1 * gv[0] + s2 * hv[0] - xi;
                        double oy = s0 * f[1] + s1 * gv[1] + s2 * hv[1] - yi;
                        double oz = s0 * f[2] + s1 * gv[2] + s2 * hv[2] - zi;
                        for (int p = from; p < to; p++) {
                            double dx = s[3 * p] + ox;
                            double dy = s[3 * p + 1] + oy;
                            double dz = s[3 * p + 2] + oz;
                            if (dx * dx + dy * dy + dz * dz < filter2) {
                                accept(i, si, p, s0 + wi0, s1 + wi1, s2 + wi2);
                            }
                        }
                        c2 = last + 1;
                    }
                }
            }
        }

        /**
         * The exact test for the atom at sorted position p, seen from atom i (sorted position si)
         * through repeat s of the wrapped cell; {@code ki = s + w_i}, so that n = ki − w_j.
         */
        private void accept(int i, int si, int p, int k0, int k1, int k2) {
            int[] w = grid.sortedWrap;
            int a = k0 - w[3 * p];
            int b = k1 - w[3 * p + 1];
            int c = k2 - w[3 * p + 2];
            if (p == si && a == 0 && b == 0 && c == 0) {
                return;
            }
            double[] x = grid.given;
            // d = (x_j − x_i) + n·cell, in the same operations as BruteForceNeighbors and
            // Cell.translation: exactly antisymmetric, so both directions pass or neither does
            double dx = (x[3 * p] - x[3 * si]) + (a * h00 + b * h10 + c * h20);
            double dy = (x[3 * p + 1] - x[3 * si + 1]) + (a * h01 + b * h11 + c * h21);
            double dz = (x[3 * p + 2] - x[3 * si + 2]) + (a * h02 + b * h12 + c * h22);
            if (dx * dx + dy * dy + dz * dz < rc2) {
                int j = grid.order[p];
                if (!masked || mask.allows(i, j)) {
                    neighbor.add(j);
                    code.add(images.intern(a, b, c));
                }
            }
        }
    }
}
