package org.isthmus.coupling.adhesion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.coupling.cohesive.CohesiveLawDerivation;
import org.isthmus.coupling.cohesive.DerivedCohesiveLaw;
import org.isthmus.coupling.cohesive.SeparationTable;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.isthmus.coupling.handshake.AtomRole;
import org.junit.jupiter.api.Test;

/**
 * Two Zhou-EAM Cu blocks bonded across (111), atomistic about the edge of contact, pulled apart
 * under grip control (coarse steps: the test is about the end states). The energy of the separated
 * state over the bonded one, per bonded area, is the law's work of separation within 2 % (the
 * mask, the surface-layer law and the blended cohesive line count the interface once); the grip's
 * work is at least that (a snap only loses energy); the blocks end apart, force-free.
 */
class EdgeOfContactPullOffTest {

    @Test
    void separatedMinusBondedEnergyIsTheWorkOfSeparation() {
        Element cu = Element.of("Cu");
        Potential eam = ZhouEam.of(cu);
        OrientedCrystal c = OrientedCrystal.of("fcc", cu, 3.615, "111", "1-10");
        DerivedCohesiveLaw law = CohesiveLawDerivation.cleavage(eam, c).build().derive(8, 81);
        EdgeOfContactPullOff pull = new EdgeOfContactPullOff(eam, c, law,
                EdgeOfContactPullOff.Options.defaults().withBondedLength(28).withGrip(1.0, 6));
        assertTrue(pull.partition().count(AtomRole.ATOMISTIC) > 0 && pull.surfaceLaw().surfaceAtomCount() > 0);
        EdgeOfContactPullOff.Result r = pull.run();
        List<EdgeOfContactPullOff.Point> path = r.path();
        EdgeOfContactPullOff.Point last = path.get(path.size() - 1);
        System.out.printf(Locale.ROOT, "%s%nΔE/area %.5f J/m² (law %.5f), ∫F dU/area %.5f J/m², snap loss %.5f J/m²; peak %.3f eV/Å at %.2f Å%n",
                pull, r.energyChange() * SeparationTable.J_PER_M2, r.lawWork() * SeparationTable.J_PER_M2,
                r.workOfAdhesion() * SeparationTable.J_PER_M2, r.snapLoss() * SeparationTable.J_PER_M2, r.peakForce(),
                r.peakGrip());
        assertEquals(r.lawWork(), r.energyChange(), 0.02 * r.lawWork());
        assertTrue(r.snapLoss() > -0.01 * r.lawWork(), "the grip's work falls short of the energy change");
        assertTrue(Math.abs(last.force()) < 1e-2 * r.peakForce(), "separated at the end: F = " + last.force());
        assertTrue(last.edgeOpening() > 5 && last.meanOpening() > 5);
    }
}
