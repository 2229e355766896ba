package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.NeoHookean;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;

/**
 * A solve that continues from an earlier load step ramps the external forces from where that step
 * left them (f0 + λ (f − f0)), also inside cut-back increments, and reaches the same state as a
 * solve from zero.
 */
class StartingForcesTest {

    private static final double MU = 40;
    private static final double LAMBDA = 60;

    private static Loading pulled(FeModel model, double force) {
        return new Loading(model).displacement("xmin", 0, 0).displacement("ymin", 1, 0).displacement("zmin", 2, 0)
                .nodalForce("xmax", force, 0, 0);
    }

    @Test
    void forcesRampFromTheStartingForces() {
        Mesh mesh = StructuredMeshes.box(2, 1, 1, 2, 2, 2, ElementType.HEX8);
        FeModel model = new FeModel(mesh, Section.solid(), new NeoHookean(MU, LAMBDA));
        double[] f0 = pulled(model, 1.0).externalForces();
        Loading full = pulled(model, 3.0);
        NewtonSolver s = new NewtonSolver(model, full, NewtonOptions.defaults(), new LinearSolver())
                .withStartingForces(f0);
        double[] half = s.forcesAt(0.5, full.externalForces());
        double[] want = pulled(model, 2.0).externalForces();
        assertArrayEquals(want, half, 1e-14);
        assertArrayEquals(f0, s.forcesAt(0.0, full.externalForces()), 0.0);
        assertArrayEquals(full.externalForces(), s.forcesAt(1.0, full.externalForces()), 1e-14);
    }

    @Test
    void continuingFromAStepReachesTheSameState() {
        Mesh mesh = StructuredMeshes.box(2, 1, 1, 2, 2, 2, ElementType.HEX8);
        FeModel model = new FeModel(mesh, Section.solid(), new NeoHookean(MU, LAMBDA));
        double[] direct = new double[model.dofCount()];
        new NewtonSolver(model, pulled(model, 3.0), NewtonOptions.defaults(), new LinearSolver()).solve(direct);
        double[] u = new double[model.dofCount()];
        new NewtonSolver(model, pulled(model, 1.0), NewtonOptions.defaults(), new LinearSolver()).solve(u);
        SolveReport r = new NewtonSolver(model, pulled(model, 3.0), NewtonOptions.defaults().withLoadSteps(3),
                new LinearSolver()).withStartingForces(pulled(model, 1.0).externalForces()).solve(u);
        assertEquals(3, r.steps().size());
        assertArrayEquals(direct, u, 1e-9);
    }
}
