package org.isthmus.coupling.cohesive;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
