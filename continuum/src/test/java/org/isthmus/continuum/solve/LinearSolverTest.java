package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import no.uib.cipr.matrix.sparse.CompRowMatrix;

import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;

/** MTJ's CG+ICC, the module's PCG+ICC and the dense fallback solve the same constrained stiffness system to their tolerances. */
class LinearSolverTest {

    @Test
    void iterativeAndDirectAgree() {
        Mesh mesh = StructuredMeshes.box(4, 1, 1, 8, 3, 3, ElementType.HEX8);
        FeModel model = new FeModel(mesh, Section.solid(), LinearElastic.isotropic(1000, 0.3));
        Loading loading = new Loading(model).clamp("xmin").traction("xmax", 0, 0, -1);
        int n = model.dofCount();
        CompRowMatrix k = model.newStiffnessMatrix();
        model.assemble(new double[n], null, k);
        NewtonSolver.constrain(k, loading.fixedDofs());
        double[] b = loading.externalForces();
        boolean[] fixed = loading.fixedDofs();
        for (int i = 0; i < n; i++) {
            if (fixed[i]) {
                b[i] = 0;
            }
        }
        double[] xi = new double[n];
        LinearSolveReport it = new LinearSolver(0, 1e-12, 5000).solve(k, b, xi);
        double[] xp = new double[n];
        LinearSolveReport own = new LinearSolver(0, 1e-12, 5000).withMethod(LinearSolver.Method.PCG_ICC).withThreads(2).solve(k, b, xp);
        assertEquals("PCG+ICC(0)", own.solver());
        assertTrue(own.iterations() > 0 && own.relativeResidual() < 1e-10, own.toString());
        double[] xd = new double[n];
        LinearSolveReport dir = new LinearSolver(n, 1e-12, 5000).solve(k, b, xd);
        assertEquals("CG+ICC(0)", it.solver());
        assertTrue(it.iterations() > 0 && it.relativeResidual() < 1e-10, it.toString());
        assertEquals("dense Cholesky", dir.solver());
        assertTrue(dir.relativeResidual() < 1e-10, dir.toString());
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(xd[i]));
        }
        for (int i = 0; i < n; i++) {
            assertEquals(xd[i], xi[i], 1e-9 * max);
            assertEquals(xd[i], xp[i], 1e-9 * max);
        }
    }
}
