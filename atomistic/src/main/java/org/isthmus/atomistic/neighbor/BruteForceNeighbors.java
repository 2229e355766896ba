package org.isthmus.atomistic.neighbor;

import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;

/**
 * All-pairs neighbour search over every periodic image that can lie within the cutoff: O(N²)
 * times the number of images. The oracle that the linked-cell builder is tested against, and
 * fine for a few hundred atoms. Images per periodic axis: n ∈ [−p, p] with
 * p = floor(r_c / h) + max(1, ⌈S⌉), h the lattice-plane spacing and S the spread of the atoms'
 * fractional coordinates along the axis. For atoms inside the cell (S &lt; 1) this is n2p2's
 * p = floor(r_c / h) + 1 (SPEC.md §12); atoms outside it (unwrapped coordinates) widen the range
 * so that no image is missed.
 */
public final class BruteForceNeighbors implements NeighborListBuilder {

    @Override
    public NeighborList build(Configuration c, double cutoff, InteractionMask mask) {
        requireCutoff(cutoff);
        int n = c.size();
        Cell cell = c.cell();
        int[] p = new int[3];
        for (int k = 0; k < 3; k++) {
            p[k] = cell.isPeriodic(k) ? (int) Math.floor(cutoff / cell.planeSpacing(k)) + imageSlack(c, k) : 0;
        }
        double rc2 = cutoff * cutoff;
        IntList nb = new IntList();
        IntList img = new IntList();
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i] = nb.size();
            for (int j = 0; j < n; j++) {
                if (!mask.allows(i, j)) {
                    continue;
                }
                for (int a = -p[0]; a <= p[0]; a++) {
                    for (int b = -p[1]; b <= p[1]; b++) {
                        for (int g = -p[2]; g <= p[2]; g++) {
                            if (i == j && a == 0 && b == 0 && g == 0) {
                                continue;
                            }
                            double[] t = cell.isNone() ? new double[3] : cell.translation(a, b, g);
                            // (x_j − x_i) + t is exactly antisymmetric in floating point: the
                            // pair is kept in both directions or in neither
                            double dx = (c.x(j, 0) - c.x(i, 0)) + t[0];
                            double dy = (c.x(j, 1) - c.x(i, 1)) + t[1];
                            double dz = (c.x(j, 2) - c.x(i, 2)) + t[2];
                            if (dx * dx + dy * dy + dz * dz < rc2) {
                                nb.add(j);
                                img.add(a);
                                img.add(b);
                                img.add(g);
                            }
                        }
                    }
                }
            }
        }
        start[n] = nb.size();
        return new NeighborList(cell, cutoff, start, nb.toArray(), img.toArray());
    }

    /**
     * max(1, ⌈S⌉) for the spread S of fractional coordinates along periodic axis k: a pair within
     * r_c has |Δf + n| &lt; r_c/h, hence |n| &lt; r_c/h + S, so |n| ≤ floor(r_c/h) + ⌈S⌉ (the 1e-9
     * absorbs round-off in S).
     */
    private static int imageSlack(Configuration c, int k) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c.size(); i++) {
            double f = c.cell().toFractional(c.x(i, 0), c.x(i, 1), c.x(i, 2))[k];
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        return c.size() == 0 ? 1 : (int) Math.max(1, Math.ceil(hi - lo + 1e-9));
    }

    /** Rejects a cutoff that is not a positive finite length. */
    static void requireCutoff(double cutoff) {
        if (!(cutoff > 0 && cutoff < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("neighbour cutoff must be a positive finite length in Å, got " + cutoff);
        }
    }
}
