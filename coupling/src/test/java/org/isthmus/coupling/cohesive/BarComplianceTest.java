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
 * Acceptance test 2, third part (the elastic part is not counted twice): a bar of 2 × 20
 * stacking periods of Zhou-EAM Cu along [111] (continuum blocks of modulus C⊥, ν = 0) with a
 * cohesive interface in the middle, pulled well below the peak traction. With the decohesion
 * form its compliance is the fully atomistic one of 40 periods, 40 d₀/C⊥ (uniaxial strain: the
 * definition of C⊥), within 1 %; with the rigid-separation form it is not (one layer's
 * compliance is counted twice).
 */
class BarComplianceTest {

    private static double compliance(CohesiveLaw law, double modulus, double height) {
        double side = 10;
        Mesh mesh = StructuredMeshes.stackedBlocks(side, height);
        Material[] m = new Material[2];
        Arrays.fill(m, LinearElastic.isotropic(modulus, 0));
        FeModel model = new FeModel(mesh, Section.solid(), m, 1,
                new CohesiveInterface(mesh, Section.solid(), "upperBottom", "lowerTop", law));
        double[] u = new double[model.dofCount()];
        double pull = 1e-5 * 2 * height; // strain 1e-5: T ≈ 1.5e-5 eV/Å³, far below the peak 0.12
        Loading loading = new Loading(model).clamp("bottom").clamp("top").displacement("top", 2, pull);
        new NewtonSolver(model, loading, new NewtonOptions(1, 30, 1e-12, 1e-16, 8, true), new LinearSolver()).solve(u);
        double[] f = new double[model.dofCount()];
        model.internalForce(u, f);
        double force = 0;
        for (int a = 12; a < 16; a++) {
            force += f[3 * a + 2];
        }
        return pull / (force / (side * side)); // Å per (eV/Å³)
    }

    @Test
    void decohesionFormGivesTheAtomisticCompliance() {
        Element cu = Element.of("Cu");
        Potential eam = ZhouEam.of(cu);
        OrientedCrystal c = OrientedCrystal.of("fcc", cu, 3.615, "111", "1-10");
        DerivedCohesiveLaw law = CohesiveLawDerivation.cleavage(eam, c).build().derive(8, 161);
        double d0 = c.stackingPeriod();
        double modulus = d0 / law.layerCompliance();
        assertEquals(law.layerCompliance(), law.effectiveCompliance(), 0, "Cu (111): the whole layer compliance is removed");
        double atomistic = 40 * d0 / modulus;
        double decohesion = compliance(law.decohesionLaw(), modulus, 20 * d0);
        double rigid = compliance(law.rigidLaw(), modulus, 20 * d0);
        assertEquals(atomistic, decohesion, 0.01 * atomistic);
        assertTrue(Math.abs(rigid / atomistic - 1) > 0.015, "the rigid form counts a layer twice: " + rigid / atomistic);
    }
}
