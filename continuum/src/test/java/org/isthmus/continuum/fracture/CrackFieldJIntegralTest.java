package org.isthmus.continuum.fracture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Grading;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.continuum.solve.FeModel;
import org.isthmus.continuum.solve.JIntegral;
import org.isthmus.continuum.solve.LinearSolver;
import org.isthmus.continuum.solve.LinearStatic;
import org.isthmus.continuum.solve.Loading;
import org.junit.jupiter.api.Test;

/**
 * The energy release rate of the anisotropic field, G = Λ K², against the domain J-integral of a
 * finite-element solution: a plane-strain square [−1, 1]² of rotated cubic silicon with a slit
 * along y = 0 to the tip at the origin, the field's displacements prescribed on the outer edges
 * and the interior solved. Independent of the field's own stress and energy formulas.
 */
class CrackFieldJIntegralTest {

    private static final double K = 1.0;

    @Test
    void jIntegralOfTheLoadedMeshIsTheSihParisIrwinEnergyReleaseRate() {
        // Silicon (McSkimin 1964, GPa), (111) crack plane, [1−10] front: b16, b26 ≠ 0 (no y mirror).
        AnisotropicCrackField f = AnisotropicCrackField.cubic(165.7, 63.9, 79.6, new int[] {1, 1, 1},
                new int[] {1, -1, 0});
        double[] xs = Grading.towards(-1, 1, 32, 0, 2.5);
        double[] ys = Grading.towards(-1, 1, 32, 0, 2.5);
        Mesh mesh = StructuredMeshes.slitRectangle(xs, ys, 0, 0, ElementType.QUAD4);
        FeModel model = new FeModel(mesh, Section.planeStrain(1), new LinearElastic(f.stiffness()));
        Set<Integer> lower = new HashSet<>();
        for (int a : mesh.nodeSet("crackLower")) {
            lower.add(a);
        }
        Loading loading = new Loading(model);
        double[] u = new double[2];
        for (String side : new String[] {"xmin", "xmax", "ymin", "ymax"}) {
            for (int a : mesh.nodeSet(side)) {
                double x = mesh.x(a, 0);
                double y = mesh.x(a, 1);
                // Nodes on the slit: the lower face takes the θ = −π branch.
                f.displacement(K, x, y == 0 && x < 0 && lower.contains(a) ? -1e-300 : y, u);
                loading.displacementOfNode(a, 0, u[0]);
                loading.displacementOfNode(a, 1, u[1]);
            }
        }
        double[] sol = LinearStatic.solve(model, loading, new LinearSolver()).displacement();
        JIntegral j = new JIntegral(model, new double[] {0, 0}, new double[] {1, 0});
        double expected = f.energyReleaseRate(K);
        double inner = j.evaluate(sol, 0.1, 0.35);
        double outer = j.evaluate(sol, 0.35, 0.8);
        assertEquals(expected, inner, 0.02 * expected, "inner ring");
        assertEquals(expected, outer, 0.02 * expected, "outer ring");
    }
}
