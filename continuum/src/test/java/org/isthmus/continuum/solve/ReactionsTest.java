package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;

/** Support reactions against statics: a stretched plate and a block loaded on its top face. */
class ReactionsTest {

    @Test
    void stretchedPlateReactionIsStressTimesArea() {
        // Plane stress, E = 100, ε = 1e-3: σ_xx = 0.1 on a 1 × 0.5 (height × thickness) section.
        Mesh mesh = StructuredMeshes.rectangle(2, 1, 4, 2, ElementType.QUAD4);
        FeModel model = new FeModel(mesh, Section.planeStress(0.5), LinearElastic.isotropic(100, 0.3));
        Loading loading = new Loading(model).displacement("xmin", 0, 0).displacementOfNode(mesh.nearestNode(0, 0), 1, 0)
                .displacement("xmax", 0, 2e-3);
        double[] u = LinearStatic.solve(model, loading, new LinearSolver()).displacement();
        assertArrayEquals(new double[] {0.05, 0}, Reactions.total(model, loading, u, "xmax"), 1e-14);
        assertArrayEquals(new double[] {-0.05, 0}, Reactions.total(model, loading, u, "xmin"), 1e-14);
        double[] r = Reactions.nodal(model, loading, u);
        boolean[] fixed = loading.fixedDofs();
        for (int i = 0; i < r.length; i++) {
            if (!fixed[i]) {
                assertEquals(0, r[i], 1e-14, "free dof " + i);
            }
        }
    }

    @Test
    void clampedBlockCarriesTheAppliedLoad() {
        Mesh mesh = StructuredMeshes.box(1, 2, 1, 2, 2, 2, ElementType.HEX8);
        FeModel model = new FeModel(mesh, Section.solid(), LinearElastic.isotropic(50, 0.25));
        Loading loading = new Loading(model).clamp("zmin").traction("zmax", 0.1, 0, -0.3);
        double[] u = LinearStatic.solve(model, loading, new LinearSolver()).displacement();
        // The clamp holds the resultant of the traction over the 1 × 2 face: r = f_int = −F on zmin.
        assertArrayEquals(new double[] {-0.2, 0, 0.6}, Reactions.total(model, loading, u, "zmin"), 1e-12);
        // Over the whole body f_int − f_ext sums to zero only with the reactions included:
        // Σ r = (reactions) + (free-dof residuals ≈ 0).
        assertArrayEquals(new double[] {-0.2, 0, 0.6}, Reactions.total(model, loading, u, "all"), 1e-12);
        // Half way through a load ramp, the residual at free dofs is the unbalanced half load.
        double[] half = Reactions.nodal(model, loading, u, 0.5);
        double[] ext = loading.externalForces();
        int top = mesh.nearestNode(0.5, 1, 1);
        assertEquals(0.5 * ext[3 * top + 2], half[3 * top + 2], 1e-12);
    }
}
