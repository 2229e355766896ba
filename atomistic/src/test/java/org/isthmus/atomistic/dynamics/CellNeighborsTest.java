package org.isthmus.atomistic.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.isthmus.atomistic.neighbor.InteractionMask;
import org.isthmus.atomistic.neighbor.LinkedCellNeighbors;
import org.isthmus.atomistic.neighbor.NeighborList;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;

/**
 * The list that follows a deforming cell holds every pair within r_c that a fresh search finds,
 * with the same bond vectors, while the deformation and displacements stay within the skin
 * criterion; past it, it searches again.
 */
class CellNeighborsTest {

    private static Set<String> pairsWithin(NeighborList list, Configuration c, double rc) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < c.size(); i++) {
            for (int e = list.start(i); e < list.end(i); e++) {
                int j = list.neighbor(e);
                double dx = c.x(j, 0) - c.x(i, 0) + list.shift(e, 0);
                double dy = c.x(j, 1) - c.x(i, 1) + list.shift(e, 1);
                double dz = c.x(j, 2) - c.x(i, 2) + list.shift(e, 2);
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (r < rc) {
                    out.add(i + ">" + j + "@" + Math.round(dx * 1e8) + "," + Math.round(dy * 1e8) + "," + Math.round(dz * 1e8));
                }
            }
        }
        return out;
    }

    @Test
    void followsTheCellWithinTheSkinAndSearchesBeyondIt() {
        double rc = 4.0;
        Configuration crystal = Lattices.fcc(Element.of("Cu"), 3.615, 2, 2, 2);
        Random rnd = new Random(2);
        CellNeighbors cn = new CellNeighbors(rc, 1.0, InteractionMask.NONE);
        cn.update(crystal);
        double[][] strains = {{1.01, 0.995, 1.0}, {1.02, 0.99, 1.005}, {0.985, 1.0, 1.01}, {0.8, 1.0, 1.0}};
        int[] expectedSearches = {1, 1, 1, 2};
        for (int s = 0; s < strains.length; s++) {
            double[][] f = {{strains[s][0], 0, 0}, {0, strains[s][1], 0}, {0, 0, strains[s][2]}};
            Configuration c = crystal.deformed(f);
            double[] p = c.positions();
            for (int k = 0; k < p.length; k++) {
                p[k] += 0.05 * rnd.nextGaussian();
            }
            c = c.withPositions(p);
            NeighborList followed = cn.update(c);
            NeighborList fresh = new LinkedCellNeighbors().build(c, rc, InteractionMask.NONE);
            assertEquals(pairsWithin(fresh, c, rc), pairsWithin(followed, c, rc), "strain " + s);
            assertEquals(expectedSearches[s], cn.searches(), "searches after strain " + s);
        }
        assertTrue(cn.searches() < strains.length);
    }
}
