package org.isthmus.atomistic.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.Units;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.train.SolidSamples;
import org.junit.jupiter.api.Test;

/** Supercells, (hkl)-oriented cells and their atomic layers. */
class PlaneCellTest {

    private static final Element SI = Element.of("Si");
    private static final Element CU = Element.of("Cu");
    private static final double A_SI = 5.431;

    @Test
    void supercellHoldsDetTimesTheAtomsAndTheSameEnergyPerAtom() {
        Potential sw = StillingerWeber.silicon1985();
        Configuration unit = Lattices.diamond(SI, A_SI, 1, 1, 1);
        double e1 = sw.compute(Lattices.diamond(SI, A_SI, 2, 2, 2)).energy() / 64;
        int[][] skew = {{1, 1, 0}, {0, 1, 1}, {1, 0, 2}}; // det 3, a sheared cell
        Configuration s = Supercell.of(unit, skew);
        assertEquals(3 * 8, s.size());
        assertEquals(e1, sw.compute(s).energy() / s.size(), 1e-12);
        Configuration r = Supercell.repeated(unit, 2, 1, 3);
        assertEquals(48, r.size());
        assertEquals(e1, sw.compute(r).energy() / r.size(), 1e-12);
        assertThrows(InvalidInputException.class, () -> Supercell.of(unit, new int[][] {{1, 0, 0}, {0, 1, 0}, {1, 1, 0}}));
        assertThrows(InvalidInputException.class, () -> Supercell.of(unit, new int[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}}));
    }

    @Test
    void planeMatricesSpanThePlaneWithTheNormalAsThirdVector() {
        int[][] m111 = PlaneCell.matrix(new int[] {1, 1, 1});
        int[][] m110 = PlaneCell.matrix(new int[] {2, 2, 0}); // reduced to (110)
        int[][] m100 = PlaneCell.matrix(new int[] {0, 0, 1});
        assertArrayEquals(new int[] {1, 1, 1}, m111[2]);
        assertArrayEquals(new int[] {1, 1, 0}, m110[2]);
        assertEquals(3, Supercell.determinant(m111));
        assertEquals(2, Supercell.determinant(m110));
        assertEquals(1, Supercell.determinant(m100));
        for (int[][] m : new int[][][] {m111, m110, m100}) {
            for (int r = 0; r < 2; r++) {
                assertEquals(0, m[r][0] * m[2][0] + m[r][1] * m[2][1] + m[r][2] * m[2][2], "in-plane row " + r);
            }
        }
        assertThrows(InvalidInputException.class, () -> PlaneCell.matrix(new int[] {0, 0, 0}));
    }

    @Test
    void orientedCellsAreTheBulkCrystal() {
        Potential sw = StillingerWeber.silicon1985();
        double bulk = sw.compute(Lattices.diamond(SI, A_SI, 2, 2, 2)).energy() / 64;
        Configuration unit = Lattices.diamond(SI, A_SI, 1, 1, 1);
        for (int[] hkl : new int[][] {{1, 1, 1}, {1, 1, 0}, {1, 0, 0}, {1, 1, 2}}) {
            Configuration c = PlaneCell.of(unit, hkl, 1, 1, 2);
            assertEquals(2 * 8 * Supercell.determinant(PlaneCell.matrix(hkl)), c.size());
            assertEquals(bulk, sw.compute(c).energy() / c.size(), 1e-12, "plane " + java.util.Arrays.toString(hkl));
        }
    }

    @Test
    void diamond111CellCutsAtTheShufflePlane() {
        Configuration c = PlaneCell.of(Lattices.diamond(SI, A_SI, 1, 1, 1), new int[] {1, 1, 1}, 1, 1, 1);
        AtomicLayers layers = AtomicLayers.of(c, 2);
        assertEquals(6, layers.heights().length);
        // the widest gap (a√3/4 along a period a√3: a quarter) straddles the periodic boundary
        assertEquals(0.25, layers.widestGap(), 1e-9);
        assertEquals(0.0, Math.min(layers.cleavagePlane(0.0), 1 - layers.cleavagePlane(0.0)), 1e-9);
        // the unrelaxed SW shuffle surface cuts one bond per surface atom: γ = ε_bond / (2 · a²√3/4)
        Potential sw = StillingerWeber.silicon1985();
        Configuration thick = PlaneCell.of(Lattices.diamond(SI, A_SI, 1, 1, 1), new int[] {1, 1, 1}, 1, 1, 3);
        double bulk = sw.compute(thick).energy() / thick.size();
        Configuration slab = SolidSamples.slab(thick, 2, 10.0);
        double area = area(slab.cell());
        double gamma = (sw.compute(slab).energy() - thick.size() * bulk) / (2 * area);
        double perAtomArea = A_SI * A_SI * Math.sqrt(3) / 4;
        assertEquals(-bulk / 2 / (2 * perAtomArea), gamma, 1e-9);
        assertEquals(1.36, gamma * Units.EV_PER_A2_IN_J_PER_M2, 0.005);
    }

    @Test
    void thinOrientedCellsSeeEveryImage() {
        // (110) and (111) cells of fcc Cu are 3.6 and 5.1 Å across in-plane, below the EAM's 7 Å reach
        Potential eam = ZhouEam.of(CU);
        double a = 3.615;
        double bulk = eam.compute(Lattices.fcc(CU, a, 3, 3, 3)).energy() / 108;
        for (int[] hkl : new int[][] {{1, 1, 0}, {1, 1, 1}}) {
            Configuration c = PlaneCell.of(Lattices.fcc(CU, a, 1, 1, 1), hkl, 1, 1, 2);
            assertEquals(bulk, eam.compute(c).energy() / c.size(), 1e-10, java.util.Arrays.toString(hkl));
        }
    }

    @Test
    void fcc100SurfaceEqualsTheAxisAlignedSlab() {
        Potential eam = ZhouEam.of(CU);
        double a = 3.615;
        Configuration bulk = Lattices.fcc(CU, a, 2, 2, 4);
        double perAtom = eam.compute(bulk).energy() / bulk.size();
        double direct = (eam.compute(SolidSamples.slab(bulk, 2, 12.0)).energy() - bulk.size() * perAtom)
                / (2 * 4 * a * a);
        Configuration oriented = PlaneCell.of(Lattices.fcc(CU, a, 1, 1, 1), new int[] {0, 0, 1}, 2, 2, 4);
        double viaPlane = (eam.compute(SolidSamples.slab(oriented, 2, 12.0)).energy() - oriented.size() * perAtom)
                / (2 * area(oriented.cell()));
        assertEquals(direct, viaPlane, 1e-10);
        assertTrue(direct > 0);
    }

    private static double area(Cell c) {
        double[] u = c.vector(0);
        double[] v = c.vector(1);
        double x = u[1] * v[2] - u[2] * v[1];
        double y = u[2] * v[0] - u[0] * v[2];
        double z = u[0] * v[1] - u[1] * v[0];
        return Math.sqrt(x * x + y * y + z * z);
    }
}
