package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import no.uib.cipr.matrix.sparse.CompRowMatrix;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.cohesive.BilinearLaw;
import org.isthmus.continuum.cohesive.ExponentialLaw;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.NeoHookean;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;

/**
 * Cohesive interfaces in the model: derivatives of the bulk + interface energy against central
 * differences on a slit mesh (2D) and a split box (3D, quadrilateral faces), and a
 * displacement-controlled pull-apart of two blocks through the bilinear law's peak, where the
 * reaction must equal the law's traction at the computed opening and the damage must be
 * committed.
 */
class CohesiveInterfaceTest {

    @Test
    void slitModelDerivativesIncludeTheInterface() {
        Mesh mesh = StructuredMeshes.slitRectangle(4, 2, 2, 4, 4, 1, ElementType.QUAD4);
        Section s = Section.planeStrain(0.5);
        CohesiveInterface ci = new CohesiveInterface(mesh, s, "crackUpper", "crackLower", ExponentialLaw.of(5, 0.05, 0.08));
        FeModel model = new FeModel(mesh, s, PatchTest.fill(NeoHookean.fromYoung(100, 0.3), mesh.elementCount()), 1, ci);
        checkDerivatives(model, 0.03, 11);
        assertEquals(2, ci.faceCount());
    }

    @Test
    void splitBoxDerivativesIncludeTheInterface() {
        Mesh mesh = StructuredMeshes.stackedBlocks(1, 1);
        CohesiveInterface ci = new CohesiveInterface(mesh, Section.solid(), "upperBottom", "lowerTop",
                new ExponentialLaw(5, 0.05, 0.08, 0.8, 0.1));
        FeModel model = new FeModel(mesh, Section.solid(), PatchTest.fill(NeoHookean.fromYoung(100, 0.3), 2), 1, ci);
        checkDerivatives(model, 0.03, 12);
    }

    private static void checkDerivatives(FeModel model, double amp, long seed) {
        int n = model.dofCount();
        double[] u = new double[n];
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            u[i] = amp * (2 * r.nextDouble() - 1);
        }
        double[] f = new double[n];
        CompRowMatrix k = model.newStiffnessMatrix();
        model.assemble(u, f, k);
        double h = 1e-6;
        double[] fp = new double[n];
        double[] fm = new double[n];
        for (int i = 0; i < n; i++) {
            double[] up = u.clone();
            double[] um = u.clone();
            up[i] += h;
            um[i] -= h;
            assertEquals((model.internalForce(up, fp) - model.internalForce(um, fm)) / (2 * h), f[i], 1e-5, "f " + i);
            for (int j = 0; j < n; j++) {
                assertEquals((fp[j] - fm[j]) / (2 * h), k.get(j, i), 1e-4, "K " + j + "," + i);
            }
        }
    }

    @Test
    void pullApartFollowsTheLawThroughSoftening() {
        Mesh mesh = StructuredMeshes.stackedBlocks(1, 1);
        BilinearLaw law = new BilinearLaw(3, 0.6, 300);
        CohesiveInterface ci = new CohesiveInterface(mesh, Section.solid(), "upperBottom", "lowerTop", law);
        FeModel model = new FeModel(mesh, Section.solid(), PatchTest.fill(LinearElastic.isotropic(1e5, 0.0), 2), 1, ci);
        double pull = 0.2;
        Loading loading = new Loading(model).clamp("bottom").clamp("top").displacement("top", 2, pull);
        double[] u = new double[model.dofCount()];
        new NewtonSolver(model, loading, new NewtonOptions(10, 30, 1e-10, 0, 6, true), new LinearSolver()).solve(u);
        double opening = u[3 * 8 + 2] - u[3 * 4 + 2];
        double[] t = new double[3];
        law.evaluate(new double[] {opening, 0, 0}, opening, t, null);
        double[] f = new double[model.dofCount()];
        model.internalForce(u, f);
        double reaction = 0;
        for (int a = 12; a < 16; a++) {
            reaction += f[3 * a + 2];
        }
        assertEquals(t[0], reaction, 1e-8 * 3, "reaction = traction × unit area");
        // envelope traction at the opening (softening branch, λ0 = 0.01, λf = 0.4)
        assertEquals(3 * (0.4 - opening) / 0.39, reaction, 1e-8);
        assertTrue(opening > 0.19, "bulk barely stretches: " + opening);
        for (double d : ci.damage()) {
            assertEquals(law.damage(opening), d, 1e-9);
            assertTrue(d > 0.9);
        }
    }

    @Test
    void unmatchedFacesAreReported() {
        Mesh mesh = StructuredMeshes.rectangle(1, 1, 2, 2, ElementType.QUAD4);
        assertThrows(InvalidInputException.class, () -> new CohesiveInterface(mesh, Section.planeStrain(1), "xmin", "xmax",
                ExponentialLaw.of(1, 1, 1)));
    }
}
