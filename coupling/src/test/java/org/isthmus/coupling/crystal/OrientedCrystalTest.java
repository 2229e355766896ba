package org.isthmus.coupling.crystal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;

/**
 * Oriented crystals: an oriented periodic bulk cell (in-plane periods × the normal translation)
 * has the density and the energy per atom of the cubic supercell of {@link Lattices} (so the
 * periods are lattice translations and no atom is missing or doubled), and the stacking periods
 * and cleavage gaps are the textbook ones.
 */
class OrientedCrystalTest {

    private static final Request R = Request.defaults().withThreads(1).withGradient(false);

    private static void sameBulk(Potential p, OrientedCrystal c, Configuration cubic) {
        double l1 = c.period1();
        double l2 = c.period2();
        double l3 = c.normalTranslation();
        double[][] atoms = c.atoms(l1, l2, 0, l3);
        assertEquals(c.density() * l1 * l2 * l3, atoms.length, 1e-9, c.toString());
        double[] pos = new double[3 * atoms.length];
        Element[] s = new Element[atoms.length];
        for (int i = 0; i < atoms.length; i++) {
            System.arraycopy(atoms[i], 0, pos, 3 * i, 3);
            s[i] = c.element();
        }
        Configuration oriented = Configuration.of(s, pos, Cell.orthorhombic(l1, l2, l3));
        assertEquals(p.compute(cubic, R).energy() / cubic.size(), p.compute(oriented, R).energy() / atoms.length, 1e-10,
                c.toString());
    }

    @Test
    void orientedBulkCellsAreTheCubicCrystal() {
        Element si = Element.of("Si");
        Element cu = Element.of("Cu");
        Element fe = Element.of("Fe");
        Potential sw = StillingerWeber.silicon1985();
        Potential zcu = ZhouEam.of(cu);
        Potential zfe = ZhouEam.of(fe);
        Configuration siBulk = Lattices.diamond(si, 5.431, 2, 2, 2);
        Configuration cuBulk = Lattices.fcc(cu, 3.615, 3, 3, 3);
        Configuration feBulk = Lattices.bcc(fe, 2.87, 4, 4, 4);
        for (String[] pd : new String[][] {{"111", "1-10"}, {"100", "011"}, {"110", "001"}, {"112", "1-10"}}) {
            sameBulk(sw, OrientedCrystal.of("diamond", si, 5.431, pd[0], pd[1]), siBulk);
            sameBulk(zcu, OrientedCrystal.of("fcc", cu, 3.615, pd[0], pd[1]), cuBulk);
            sameBulk(zfe, OrientedCrystal.of("bcc", fe, 2.87, pd[0], pd[1]), feBulk);
        }
    }

    @Test
    void stackingPeriodsAndCleavageGaps() {
        Element si = Element.of("Si");
        double a = 5.431;
        OrientedCrystal d111 = OrientedCrystal.of("diamond", si, a, "111", "1-10");
        assertEquals(a / Math.sqrt(3), d111.stackingPeriod(), 1e-12);
        assertEquals(a * Math.sqrt(3) / 4, d111.cleavageGap(), 1e-12, "shuffle gap");
        assertEquals(2, d111.layerHeights().length);
        assertEquals(a / Math.sqrt(2), d111.period1(), 1e-12);
        assertEquals(a * Math.sqrt(6) / 2, d111.period2(), 1e-12);
        OrientedCrystal d100 = OrientedCrystal.of("diamond", si, a, "100", "011");
        assertEquals(a / 2, d100.stackingPeriod(), 1e-12);
        assertEquals(a / 4, d100.cleavageGap(), 1e-12);
        OrientedCrystal d110 = OrientedCrystal.of("diamond", si, a, "110", "001");
        assertEquals(a / (2 * Math.sqrt(2)), d110.stackingPeriod(), 1e-12);
        assertEquals(1, d110.layerHeights().length);
        OrientedCrystal b110 = OrientedCrystal.of("bcc", Element.of("Fe"), 2.87, "110", "001");
        assertEquals(2.87 / Math.sqrt(2), b110.stackingPeriod(), 1e-12);
        OrientedCrystal f111 = OrientedCrystal.of("fcc", Element.of("Cu"), 3.615, "111", "11-2");
        assertEquals(3.615 * Math.sqrt(3), f111.normalTranslation(), 1e-12, "ABC stacking");
    }

    /**
     * The crack frame (normal y, front z, advance x = y × z) and the surface frame (normal z) of
     * the same plane describe the same crystal: the same stacking period, layers and cleavage gap
     * along the normal; the crack frame's widest gap (from its sites) is the surface frame's
     * cleavage gap; a periodic box of the crack frame holds density × volume sites with the
     * crystal's energy per atom; and a bcc crack frame gets the bcc periods (a/2·|111| along ⟨111⟩).
     */
    @Test
    void crackAndSurfaceFramesAgree() {
        Element si = Element.of("Si");
        double a = 5.431;
        int[] n = {1, 1, 1};
        int[] f = {1, -1, 0};
        OrientedCrystal crack = OrientedCrystal.diamond(si, a, n, f);
        OrientedCrystal surface = OrientedCrystal.of("diamond", si, a, "111", "1-10");
        assertTrue(crack.crackFrame() && !surface.crackFrame());
        assertEquals(new MillerIndices(1, 1, 1), crack.normal());
        assertEquals(new MillerIndices(1, -1, 0), crack.front());
        assertEquals(crack.normal().cross(crack.front()), crack.advance());
        assertEquals(surface.stackingPeriod(), crack.stackingPeriod(), 1e-12);
        assertEquals(surface.cleavageGap(), crack.cleavageGap(), 1e-12);
        assertArrayEquals(surface.layerHeights(), crack.layerHeights(), 1e-12);
        assertEquals(a / Math.sqrt(2), crack.frontPeriod(), 1e-12);
        // the widest gap of the sites is centred between two planes a√3/4 apart: its midpoint sits half a gap from the nearest plane
        double mid = crack.widestGapMidpoint(new double[3]);
        double lx = crack.period(crack.advance());
        double ly = crack.period(crack.normal());
        double[] p = crack.sites(0, lx, 0, ly, 1, new double[3]);
        assertEquals(crack.density() * lx * ly * crack.frontPeriod(), p.length / 3, 1e-9);
        double nearest = Double.MAX_VALUE;
        double[] all = crack.sites(0, lx, mid - ly, mid + ly, 1, new double[3]);
        for (int i = 0; i < all.length / 3; i++) {
            nearest = Math.min(nearest, Math.abs(all[3 * i + 1] - mid));
        }
        assertEquals(surface.cleavageGap() / 2, nearest, 1e-9);
        Element[] s = new Element[p.length / 3];
        java.util.Arrays.fill(s, si);
        Configuration cell = Configuration.of(s, p, Cell.orthorhombic(lx, ly, crack.frontPeriod()));
        Potential sw = StillingerWeber.silicon1985();
        Configuration bulk = Lattices.diamond(si, a, 2, 2, 2);
        assertEquals(sw.compute(bulk, R).energy() / bulk.size(), sw.compute(cell, R).energy() / s.length, 1e-10);
        // a changed lattice constant keeps the frame
        OrientedCrystal bigger = crack.withLatticeConstant(1.01 * a);
        assertTrue(bigger.crackFrame());
        assertEquals(1.01 * crack.frontPeriod(), bigger.frontPeriod(), 1e-12);
        assertArrayEquals(crack.rotation(), bigger.rotation(), 0.0);
        OrientedCrystal bcc = OrientedCrystal.crack(CubicLattice.BCC, Element.of("Fe"), 2.87, new int[] {1, 1, 0}, new int[] {1, -1, 1});
        assertEquals(2.87 * Math.sqrt(3) / 2, bcc.frontPeriod(), 1e-12);
        assertThrows(IllegalStateException.class, surface::front);
    }
}
