package org.isthmus.coupling.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.EnergyModel;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.minimize.MinimizationResult;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.coupling.cohesive.CohesiveLawDerivation;
import org.isthmus.coupling.cohesive.DerivedCohesiveLaw;
import org.isthmus.coupling.cohesive.HalfCrystals;
import org.isthmus.coupling.cohesive.SeparationTable;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.junit.jupiter.api.Test;

/**
 * Acceptance test 2 of issue 6 (no double counting) with the interface carried inside the atoms:
 * two half-crystals, every A–B pair masked out of the potential and the rigid-separation law
 * acting between the facing surface layers ({@link SurfaceLayerCohesion}, local openings), against
 * the fully atomistic energy. The law is derived on the smallest cell (1 × 1 periods), the check
 * runs on 2 × 2 periods with thicker halves, rigidly separated by 0 … 3 stacking periods on and
 * between the table's points: |E_full − E_model| ≤ 1e-4 · W · area (the identity that
 * {@code RigidSeparationIdentityTest} checks for the law alone, here through the term's own
 * openings and the {@link MaskedCohesionModel}). Then relaxed: at fixed openings (the outer
 * stacking period of each half held, B's moved by δ) both models are minimised and the difference
 * of their relaxed energies per area is reported (it is the relaxation the rigid law cannot see:
 * the law acts on the surface layers only, while the real bonds also pull the second layers).
 */
class MaskedSeparationTest {

    private static void check(String name, Potential p, OrientedCrystal c, double maxOpening, int points,
            double[] relaxAt, double relaxedBound) {
        CohesiveLawDerivation small = CohesiveLawDerivation.cleavage(p, c).build();
        DerivedCohesiveLaw law = DerivedCohesiveLaw.of(small.normalTable(maxOpening, points), Double.NaN);
        double w = law.workOfSeparation();
        HalfCrystals big = HalfCrystals.cleavage(c, 2, 2, 2.5 * p.cutoff());
        BodyInterface iface = BodyInterface.between(HalfCrystals.BODY_A, HalfCrystals.BODY_B, new double[] {0, 0, 1});
        SurfaceLayerCohesion term = SurfaceLayerCohesion.builder(big.reference(), iface, law.rigidLaw())
                .area(big.area()).build();
        MaskedCohesionModel model = MaskedCohesionModel.of(p, big.reference(), iface, term, null);
        Request r = Request.defaults().withThreads(1).withGradient(false);
        double d0 = c.stackingPeriod();
        double worst = 0;
        for (int k = 0; k <= 24; k++) {
            double delta = 3 * d0 * k / 24 + (k % 2 == 1 ? 0.013 : 0);
            Configuration open = big.separated(delta, 0);
            double full = p.compute(open, r).energy();
            double masked = model.energy(open.positions());
            worst = Math.max(worst, Math.abs(full - masked) / (w * big.area()));
            assertEquals(full, masked, 1e-4 * w * big.area(), name + ": opening " + delta + " Å");
        }
        System.out.printf(Locale.ROOT, "%s rigid: largest |E_full − E_masked+law| / (W·area) = %.2e over 0…3 d0 (W = %.5f J/m²)%n",
                name, worst, w * SeparationTable.J_PER_M2);

        // relaxed at fixed openings: outer stacking period of each half held
        double zmin = Double.POSITIVE_INFINITY;
        double zmax = Double.NEGATIVE_INFINITY;
        Configuration ref = big.reference();
        for (int i = 0; i < ref.size(); i++) {
            zmin = Math.min(zmin, ref.x(i, 2));
            zmax = Math.max(zmax, ref.x(i, 2));
        }
        boolean[] held = new boolean[ref.size()];
        for (int i = 0; i < ref.size(); i++) {
            held[i] = ref.x(i, 2) < zmin + d0 - 1e-6 || ref.x(i, 2) > zmax - d0 + 1e-6;
        }
        Lbfgs min = Lbfgs.defaults().withTolerance(1e-4).withMaxIterations(2000);
        for (double delta : relaxAt) {
            Configuration open = big.separated(delta, 0);
            AtomisticModel full = AtomisticModel.builder(p, open).request(Request.defaults().withThreads(1))
                    .fixAtoms(held).build();
            MaskedCohesionModel masked = MaskedCohesionModel.of(p, open, iface, term, held);
            double[] start = full.initialPoint();
            double e0Full = full.energy(start);
            double e0Model = masked.energy(start);
            MinimizationResult rf = relax(min, full, start);
            MinimizationResult rm = relax(min, masked, start);
            double diff = (rf.energy() - rm.energy()) / big.area();
            System.out.printf(Locale.ROOT, "%s relaxed at δ = %.3f Å: full %.6f, masked+law %.6f eV/Å² (relaxation %.2e / %.2e); "
                    + "difference %.3e J/m² = %.2f %% of W%n", name, delta, rf.energy() / big.area(), rm.energy() / big.area(),
                    (e0Full - rf.energy()) / big.area(), (e0Model - rm.energy()) / big.area(),
                    diff * SeparationTable.J_PER_M2, 100 * diff / w);
            assertTrue(Math.abs(diff) < relaxedBound * w, name + ": relaxed difference " + diff / w + " W at δ = " + delta);
        }
    }

    private static MinimizationResult relax(Lbfgs min, EnergyModel m, double[] start) {
        MinimizationResult r = min.minimize(m, start);
        assertTrue(r.converged(), r.status());
        return r;
    }

    @Test
    void zhouCopper111() {
        Element cu = Element.of("Cu");
        OrientedCrystal c = OrientedCrystal.of("fcc", cu, 3.615, "111", "1-10");
        check("Zhou Cu (111)", ZhouEam.of(cu), c, 8, 161, new double[] {0.5, 1.5}, 0.05);
    }

    @Test
    void stillingerWeberSilicon111() {
        OrientedCrystal c = OrientedCrystal.of("diamond", Element.of("Si"), 5.431, "111", "1-10");
        check("SW Si (111)", StillingerWeber.silicon1985(), c, 4, 161, new double[] {0.5, 1.0}, 0.05);
    }
}
