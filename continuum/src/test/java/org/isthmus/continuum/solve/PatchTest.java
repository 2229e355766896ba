package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.TreeSet;

import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.material.NeoHookean;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Patch tests (Zienkiewicz &amp; Taylor, vol. 1, ch. 10): on a patch with randomly distorted
 * interior nodes, an affine displacement u = H X prescribed on the boundary must be reproduced
 * exactly at every interior node, and the stress must be the material's stress at F = I + H in
 * every element. Linear (small H, linear elasticity) and nonlinear (|H| ~ 0.2, neo-Hookean,
 * several load steps) for the linear element types Tri3, Quad4, Tet4 and Hex8 and every
 * section ({@link QuadraticElementsTest} has the patch tests of Tri6 and Tet10).
 */
class PatchTest {

    @ParameterizedTest(name = "{0} {1} nonlinear={2}")
    @CsvSource({
        "TRI3, PLANE_STRAIN, false", "TRI3, PLANE_STRAIN, true", "TRI3, PLANE_STRESS, true",
        "QUAD4, PLANE_STRAIN, false", "QUAD4, PLANE_STRAIN, true", "QUAD4, PLANE_STRESS, false",
        "QUAD4, PLANE_STRESS, true",
        "TET4, SOLID, false", "TET4, SOLID, true", "HEX8, SOLID, false", "HEX8, SOLID, true"})
    void affineFieldIsReproduced(ElementType type, Section.Kind kind, boolean nonlinear) {
        int dim = type.dimension();
        Mesh mesh = dim == 2 ? StructuredMeshes.rectangle(2, 1.5, 4, 3, type)
                : StructuredMeshes.box(1, 1.2, 0.9, 3, 3, 2, type);
        TreeSet<Integer> boundary = new TreeSet<>();
        String[] sides = dim == 2 ? new String[] {"xmin", "xmax", "ymin", "ymax"}
                : new String[] {"xmin", "xmax", "ymin", "ymax", "zmin", "zmax"};
        for (String s : sides) {
            for (int a : mesh.nodeSet(s)) {
                boundary.add(a);
            }
        }
        double[] x = mesh.coordinates();
        Random rnd = new Random(7);
        for (int a = 0; a < mesh.nodeCount(); a++) {
            if (!boundary.contains(a)) {
                for (int c = 0; c < dim; c++) {
                    x[a * dim + c] += 0.12 * (2 * rnd.nextDouble() - 1);
                }
            }
        }
        mesh = mesh.withCoordinates(x);
        double amp = nonlinear ? 0.2 : 1e-3;
        double[] h = new double[9];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                h[3 * i + j] = amp * (2 * rnd.nextDouble() - 1);
            }
        }
        Material m = nonlinear ? NeoHookean.fromYoung(100, 0.3) : LinearElastic.isotropic(100, 0.3);
        Section section = switch (kind) {
            case SOLID -> Section.solid();
            case PLANE_STRAIN -> Section.planeStrain(0.7);
            case PLANE_STRESS -> Section.planeStress(0.7);
        };
        FeModel model = new FeModel(mesh, section, fill(m, mesh.elementCount()), 2);
        Loading loading = new Loading(model);
        for (int a : boundary) {
            for (int i = 0; i < dim; i++) {
                double v = 0;
                for (int j = 0; j < dim; j++) {
                    v += h[3 * i + j] * mesh.x(a, j);
                }
                loading.displacementOfNode(a, i, v);
            }
        }
        double[] u = new double[model.dofCount()];
        new NewtonSolver(model, loading, NewtonOptions.defaults().withLoadSteps(nonlinear ? 3 : 1), new LinearSolver())
                .solve(u);
        for (int a = 0; a < mesh.nodeCount(); a++) {
            for (int i = 0; i < dim; i++) {
                double v = 0;
                for (int j = 0; j < dim; j++) {
                    v += h[3 * i + j] * mesh.x(a, j);
                }
                assertEquals(v, u[a * dim + i], 1e-11, "node " + a + " component " + i);
            }
        }
        // Uniform stress: every element's Cauchy stress equals the first element's, and (in 3D
        // or plane strain) the material's stress at F = I + H.
        double[] sig = new double[9 * mesh.elementCount()];
        double[] eps = new double[9 * mesh.elementCount()];
        model.elementStressAndStrain(u, sig, eps);
        double[] f = {1 + h[0], h[1], h[2], h[3], 1 + h[4], h[5], h[6], h[7], 1 + h[8]};
        double[] p = new double[9];
        section.evaluate(m, f, p, null, new double[81]);
        double[] expected = org.isthmus.continuum.material.Tensors.multiply(p,
                org.isthmus.continuum.material.Tensors.transpose(f));
        double j = org.isthmus.continuum.material.Tensors.det(f);
        for (int e = 0; e < mesh.elementCount(); e++) {
            for (int k = 0; k < 9; k++) {
                assertEquals(expected[k] / j, sig[9 * e + k], 1e-9 * 100, "element " + e + " σ[" + k + "]");
            }
        }
    }

    static Material[] fill(Material m, int n) {
        Material[] a = new Material[n];
        java.util.Arrays.fill(a, m);
        return a;
    }
}
