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
import org.isthmus.coupling.cohesive.InterfaceLaw;
import org.isthmus.coupling.cohesive.InterfaceRepeats;
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
        CopperCleavage cu = CopperCleavage.get();
        EdgeOfContactPullOff pull = new EdgeOfContactPullOff(cu.eam(), cu.crystal(), cu.law(),
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

    /**
     * Cu on Ni (Zhou Cu–Ni EAM, (111)/(111), 1×1 periods, Ni strained +2.7 % in-plane): the law of
     * the A/B interface at its equilibrium gap, each block with its own elastic constants. The
     * energy of separation per bonded area is the law's work of adhesion within 2 %, and the dead
     * load that holds the coherent misfit (the reference ghost correction) does a negligible share
     * of it.
     */
    @Test
    void copperOnNickelSeparatesWithTheWorkOfAdhesion() {
        Element cu = Element.of("Cu");
        Element ni = Element.of("Ni");
        Potential eam = ZhouEam.of(cu, ni);
        OrientedCrystal a = OrientedCrystal.of("fcc", cu, 3.615, "111", "1-10");
        OrientedCrystal b = OrientedCrystal.of("fcc", ni, 3.52, "111", "1-10");
        InterfaceRepeats rep = InterfaceRepeats.match(a, b, 0.05, 4);
        InterfaceLaw in = InterfaceLaw.derive(eam, a, b, rep, false, CohesiveLawDerivation.grid(8, 81), 1, null);
        DerivedCohesiveLaw law = in.law();
        double gap = in.gap();
        EdgeOfContactPullOff pull = new EdgeOfContactPullOff(eam, a, new EdgeOfContactPullOff.Upper(b, rep, gap), law,
                EdgeOfContactPullOff.Options.defaults().withBondedLength(28).withGrip(1.0, 6));
        EdgeOfContactPullOff.Result r = pull.run();
        List<EdgeOfContactPullOff.Point> path = r.path();
        EdgeOfContactPullOff.Point first = path.get(0);
        EdgeOfContactPullOff.Point last = path.get(path.size() - 1);
        double ghost = (last.ledger().ghostCorrectionWork() - first.ledger().ghostCorrectionWork()) / r.area();
        System.out.printf(Locale.ROOT, "%s%nCu/Ni ΔE/area %.5f J/m² (law W_adh %.5f), ∫F dU/area %.5f J/m², ghost-correction "
                + "work %.5f J/m², reference residual %.4g eV/Å; peak %.3f eV/Å at %.2f Å%n", pull,
                r.energyChange() * SeparationTable.J_PER_M2, r.lawWork() * SeparationTable.J_PER_M2,
                r.workOfAdhesion() * SeparationTable.J_PER_M2, ghost * SeparationTable.J_PER_M2,
                pull.model().lastUncorrectedForceNorm(), r.peakForce(), r.peakGrip());
        long ni0 = java.util.stream.IntStream.range(0, pull.partition().size())
                .filter(i -> pull.partition().configuration().species(i) == ni).count();
        assertTrue(ni0 > 0 && ni0 < pull.partition().size(), "both species among the atoms");
        assertEquals(r.lawWork(), r.energyChange(), 0.02 * r.lawWork());
        assertTrue(Math.abs(ghost) < 0.005 * r.lawWork(), "the misfit's dead load did " + ghost + " eV/Å²");
        assertTrue(Math.abs(last.force()) < 1e-2 * r.peakForce(), "separated at the end: F = " + last.force());
    }
}
