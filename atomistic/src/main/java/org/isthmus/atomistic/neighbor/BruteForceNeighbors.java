package org.isthmus.atomistic.neighbor;

import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;

/**
 * All-pairs neighbour search over every periodic image that can lie within the cutoff: O(N²)
 * times the number of images. The oracle that the linked-cell builder is tested against, and
 * fine for a few hundred atoms. Images per periodic axis: n ∈ [−p, p] with
 * p = floor(r_c / h) + 1, h the lattice-plane spacing (as n2p2, SPEC.md §12).
 */
public final class BruteForceNeighbors implements NeighborListBuilder {

    @Override
    public NeighborList build(Configuration c, double cutoff, InteractionMask mask) {
        int n = c.size();
        Cell cell = c.cell();
        int[] p = new int[3];
        for (int k = 0; k < 3; k++) {
            p[k] = cell.isPeriodic(k) ? (int) Math.floor(cutoff / cell.planeSpacing(k)) + 1 : 0;
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
                            double dx = c.x(j, 0) + t[0] - c.x(i, 0);
                            double dy = c.x(j, 1) + t[1] - c.x(i, 1);
                            double dz = c.x(j, 2) + t[2] - c.x(i, 2);
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
}
