package org.isthmus.coupling.cohesive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.junit.jupiter.api.Test;

/** The in-plane match of two crystals: the fewest repeats within the strain allowance, per axis. */
class InterfaceRepeatsTest {

    private static OrientedCrystal fcc(String e, double a) {
        return OrientedCrystal.of("fcc", Element.of(e), a, "111", "1-10");
    }

    @Test
    void copperOnNickelMatchesOneToOne() {
        InterfaceRepeats r = InterfaceRepeats.match(fcc("Cu", 3.615), fcc("Ni", 3.52), 0.03, 8);
        assertEquals(1, r.a1() * r.a2() * r.b1() * r.b2());
        assertEquals(3.615 / 3.52 - 1, r.strain1(), 1e-12);
        assertEquals(3.615 / 3.52 - 1, r.strain2(), 1e-12);
    }

    @Test
    void largerMismatchTakesMorePeriodsAndTheStrainIsTheOneOnB() {
        // p_A / p_B = 4/3 · (1 + 0.005): 3 periods of A against 4 of B, B stretched by 0.5 %
        OrientedCrystal a = fcc("Cu", 4.0);
        OrientedCrystal b = fcc("Ni", 3.0 / 1.005);
        InterfaceRepeats r = InterfaceRepeats.match(a, b, 0.01, 8);
        assertEquals(3, r.a1());
        assertEquals(4, r.b1());
        assertEquals(3 * a.period1() / (4 * b.period1()) - 1, r.strain1(), 1e-15);
        assertEquals(0.005, r.strain1(), 1e-12);
        HalfCrystals h = HalfCrystals.adhesion(a, r.a1(), r.a2(), b, r.b1(), r.b2(), 5, Double.NaN);
        assertEquals(r.strain1(), h.strainB()[0], 1e-12);
        assertEquals(r.strain2(), h.strainB()[1], 1e-12);
    }

    @Test
    void noMatchWithinTheAllowanceIsAnErrorThatNamesTheBest() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> InterfaceRepeats.match(fcc("Cu", 3.615), fcc("Ni", 3.52), 0.001, 8));
        assertTrue(e.getMessage().contains("best 1:1 at 2.70 %"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> InterfaceRepeats.given(fcc("Cu", 3.615), fcc("Ni", 3.52), 0, 1, 1, 1));
    }
}
