package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.NeoHookean;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;

/**
 * Finite-strain uniaxial tension of a compressible neo-Hookean bar (Hex8, stretch 1.5, free
 * lateral faces, symmetry planes at x = 0, y = 0, z = 0) against the closed form: with the
 * axial stretch λ₁ and lateral stretch λ₂, J = λ₁λ₂², the lateral stress vanishes when
 * μ(λ₂ − 1/λ₂) + λ ln J / λ₂ = 0 (solved here for λ₂ by a scalar Newton iteration), and the
 * nominal axial stress is P₁₁ = μ(λ₁ − 1/λ₁) + λ ln J / λ₁ (Bonet &amp; Wood, eq. 6.28 specialised).
 * The homogeneous solution is exact for any mesh, so the tolerances are tight.
 */
class UniaxialNeoHookeanTest {

    @Test
    void stretchAndForceMatchClosedForm() {
        double mu = 40;
        double lam = 60;
        double stretch = 1.5;
        Mesh mesh = StructuredMeshes.box(2, 1, 1, 2, 2, 2, ElementType.HEX8);
        FeModel model = new FeModel(mesh, Section.solid(), new NeoHookean(mu, lam));
        Loading loading = new Loading(model).displacement("xmin", 0, 0).displacement("ymin", 1, 0)
                .displacement("zmin", 2, 0).displacement("xmax", 0, (stretch - 1) * 2);
        double[] u = new double[model.dofCount()];
        SolveReport report = new NewtonSolver(model, loading, NewtonOptions.defaults().withLoadSteps(4),
                new LinearSolver()).solve(u);
        // closed form
        double l2 = 1;
        for (int it = 0; it < 50; it++) {
            double j = stretch * l2 * l2;
            double g = mu * (l2 - 1 / l2) + lam * Math.log(j) / l2;
            double dg = mu * (1 + 1 / (l2 * l2)) + lam * (2 - Math.log(j)) / (l2 * l2);
            l2 -= g / dg;
        }
        double p11 = mu * (stretch - 1 / stretch) + lam * Math.log(stretch * l2 * l2) / stretch;
        int corner = mesh.nearestNode(2, 1, 1);
        assertEquals(l2 - 1, u[3 * corner + 1], 1e-10);
        assertEquals(l2 - 1, u[3 * corner + 2], 1e-10);
        double[] f = new double[model.dofCount()];
        model.internalForce(u, f);
        double reaction = 0;
        for (int a : mesh.nodeSet("xmax")) {
            reaction += f[3 * a];
        }
        assertEquals(p11 * 1.0, reaction, 1e-9 * p11);
        assertEquals(4, report.steps().size());
    }
}
