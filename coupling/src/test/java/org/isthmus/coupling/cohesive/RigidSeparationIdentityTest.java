package org.isthmus.coupling.cohesive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.continuum.cohesive.TabulatedLaw;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.junit.jupiter.api.Test;

/**
 * Acceptance test 2 of issue 6 (no double counting, rigid separation): the law is derived on the
 * smallest cell (1 × 1 periods); the check runs on another cell (2 × 2 periods, thicker halves)
 * at openings 0 … 3 stacking periods, on and between the table's points:
 * E_masked(A∪B) + area·(φ_law(δ) − W) = E_{A∪B}(δ) within 1e-4 · W · area.
 */
class RigidSeparationIdentityTest {

    private static void check(Potential p, OrientedCrystal c, double maxOpening, int points) {
        CohesiveLawDerivation small = CohesiveLawDerivation.cleavage(p, c).build();
        DerivedCohesiveLaw law = DerivedCohesiveLaw.of(small.normalTable(maxOpening, points), Double.NaN);
        TabulatedLaw rigid = law.rigidLaw();
        double w = law.workOfSeparation();
        HalfCrystals big = HalfCrystals.cleavage(c, 2, 2, 2.5 * p.cutoff());
        Request r = Request.defaults().withThreads(1).withGradient(false);
        double masked = p.compute(big.reference(), r.withMask(big.mask())).energy();
        double d0 = c.stackingPeriod();
        for (int k = 0; k <= 24; k++) {
            double delta = 3 * d0 * k / 24 + (k % 2 == 1 ? 0.013 : 0);
            Configuration open = big.separated(delta, 0);
            double full = p.compute(open, r).energy();
            double phi = rigid.evaluate(new double[] {delta, 0, 0}, 0, null, null) - w;
            assertEquals(full, masked + big.area() * phi, 1e-4 * w * big.area(), "opening " + delta + " Å");
        }
        // the masked energy does not depend on the opening
        assertEquals(masked, p.compute(big.separated(2.5, 0.7), r.withMask(big.mask())).energy(), 1e-9);
    }

    @Test
    void stillingerWeberSilicon111() {
        check(StillingerWeber.silicon1985(), OrientedCrystal.of("diamond", Element.of("Si"), 5.431, "111", "1-10"), 4, 161);
    }

    @Test
    void zhouCopper111() {
        Element cu = Element.of("Cu");
        check(ZhouEam.of(cu), OrientedCrystal.of("fcc", cu, 3.615, "111", "1-10"), 8, 161);
    }
}
