package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import no.uib.cipr.matrix.sparse.CompRowMatrix;

import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;

/**
 * Linear elastic elements of one shape share their stiffness ({@link FeModel}'s stiffness
 * classes): the stiffness, force and energy are the same, bit for bit, as those of a model whose
 * material is the same linear elastic law behind a wrapper (which the model does not recognise,
 * so every element computes its own), on a graded box with two materials, at u = 0 and at a
 * random u.
 */
class SharedStiffnessTest {

    /** The same law, hidden from FeModel's class check. */
    private record Wrapped(Material m) implements Material {
        @Override
        public double energy(double[] f) {
            return m.energy(f);
        }

        @Override
        public double stress(double[] f, double[] p) {
            return m.stress(f, p);
        }

        @Override
        public double tangent(double[] f, double[] p, double[] a) {
            return m.tangent(f, p, a);
        }
    }

    @Test
    void sharedStiffnessEqualsPerElementStiffness() {
        // graded along x (several shapes), uniform in y and z
        Mesh mesh = StructuredMeshes.box(new double[] {0, 1, 2, 3.5, 5.5, 8}, new double[] {0, 1, 2, 3},
                new double[] {0, 0.5, 1, 1.5}, ElementType.HEX8);
        LinearElastic steel = LinearElastic.isotropic(210, 0.3);
        LinearElastic soft = LinearElastic.cubic(100, 60, 40, new double[] {0, 1, 0, -1, 0, 0, 0, 0, 1});
        int ne = mesh.elementCount();
        Material[] shared = new Material[ne];
        Material[] own = new Material[ne];
        for (int e = 0; e < ne; e++) {
            shared[e] = e % 3 == 0 ? soft : steel;
            own[e] = new Wrapped(shared[e]);
        }
        FeModel a = new FeModel(mesh, Section.solid(), shared, 2);
        FeModel b = new FeModel(mesh, Section.solid(), own, 2);
        // 4 shapes (element lengths 1, 1.5, 2, 2.5 along x) × 2 materials
        assertEquals(8, a.stiffnessClassCount());
        assertEquals(0, b.stiffnessClassCount());
        int n = a.dofCount();
        double[] u = new double[n];
        java.util.Random rnd = new java.util.Random(11);
        for (int trial = 0; trial < 2; trial++) {
            CompRowMatrix ka = a.newStiffnessMatrix();
            CompRowMatrix kb = b.newStiffnessMatrix();
            double[] fa = new double[n];
            double[] fb = new double[n];
            double ea = a.assemble(u, fa, ka);
            double eb = b.assemble(u, fb, kb);
            assertArrayEquals(kb.getData(), ka.getData(), 0.0, "stiffness");
            assertArrayEquals(fb, fa, 0.0, "force");
            assertEquals(eb, ea, 0.0, "energy");
            assertEquals(eb, a.assemble(u, null, a.newStiffnessMatrix()), 0.0, "energy without force");
            for (int i = 0; i < n; i++) {
                u[i] = 1e-3 * (rnd.nextDouble() - 0.5);
            }
        }
        assertTrue(b.energy(u) > 0);
    }

    @Test
    void uniformCantileverHasOneClass() {
        Mesh mesh = StructuredMeshes.box(100, 10, 10, 8, 2, 2, ElementType.HEX8);
        FeModel m = new FeModel(mesh, Section.solid(), LinearElastic.isotropic(210000, 0.3));
        assertEquals(1, m.stiffnessClassCount());
    }
}
