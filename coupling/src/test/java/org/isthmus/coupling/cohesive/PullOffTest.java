package org.isthmus.coupling.cohesive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.continuum.cohesive.CohesiveLaw;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.continuum.solve.CohesiveInterface;
import org.isthmus.continuum.solve.FeModel;
import org.isthmus.continuum.solve.LinearSolver;
import org.isthmus.continuum.solve.Loading;
import org.isthmus.continuum.solve.NewtonOptions;
import org.isthmus.continuum.solve.NewtonSolver;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.junit.jupiter.api.Test;

/**
 * Acceptance test 5 of issue 6 (adhesion): two elastic blocks (Hex8, C⊥ of the crystal,
 * ν = 0) joined by a cohesive interface carrying the decohesion form of the law derived for
 * Zhou-EAM Cu (111), pulled apart under displacement control in small increments (Newton at each
 * increment): the pull-off work ∫ F du equals the law's work of separation × area within 2 %.
 * Blocks 0.5 Å tall keep the pull stable through softening: their stiffness per area,
 * C⊥/(2 · 0.5 Å), exceeds the steepest softening slope of the decohesion law, which is below 1/s.
 */
class PullOffTest {

    @Test
    void pullOffWorkEqualsTheWorkOfSeparation() {
        Element cu = Element.of("Cu");
        Potential eam = ZhouEam.of(cu);
        OrientedCrystal c = OrientedCrystal.of("fcc", cu, 3.615, "111", "1-10");
        DerivedCohesiveLaw derived = CohesiveLawDerivation.cleavage(eam, c).build().derive(8, 81);
        CohesiveLaw law = derived.decohesionLaw();
        double modulus = c.stackingPeriod() / derived.layerCompliance();
        double side = 10;
        double area = side * side;
        Mesh mesh = StructuredMeshes.stackedBlocks(side, 0.5);
        Material[] m = new Material[2];
        Arrays.fill(m, LinearElastic.isotropic(modulus, 0));
        CohesiveInterface ci = new CohesiveInterface(mesh, Section.solid(), "upperBottom", "lowerTop", law);
        FeModel model = new FeModel(mesh, Section.solid(), m, 1, ci);
        double[] u = new double[model.dofCount()];
        double[] f = new double[model.dofCount()];
        int steps = 300;
        double end = 9;
        double work = 0;
        double previousForce = 0;
        double peak = 0;
        for (int s = 1; s <= steps; s++) {
            double du = end / steps;
            Loading step = new Loading(model).clamp("bottom").clamp("top").displacement("top", 2, du);
            new NewtonSolver(model, step, new NewtonOptions(1, 30, 1e-10, 1e-12, 8, true), new LinearSolver()).solve(u);
            model.internalForce(u, f);
            double force = 0;
            for (int a = 12; a < 16; a++) {
                force += f[3 * a + 2];
            }
            work += 0.5 * (force + previousForce) * du; // trapezoid rule, eV
            previousForce = force;
            peak = Math.max(peak, force / area);
        }
        assertEquals(0, previousForce, 1e-9, "separated at the end");
        assertEquals(derived.workOfSeparation() * area, work, 0.02 * derived.workOfSeparation() * area);
        assertEquals(derived.peakTraction(), peak, 0.02 * derived.peakTraction());
        assertTrue(work > 0);
    }
}
