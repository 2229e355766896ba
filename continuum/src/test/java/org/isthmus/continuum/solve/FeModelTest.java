package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import no.uib.cipr.matrix.sparse.CompRowMatrix;

import org.isthmus.continuum.ConvergenceException;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.material.NeoHookean;
import org.isthmus.continuum.material.StVenantKirchhoff;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The assembled model's derivatives against central differences (force = ∂E/∂u,
 * stiffness = ∂f/∂u, for every element type, plane stress included), symmetry of K, bitwise
 * determinism across thread counts, the energy-model view, and the Newton failure report.
 */
class FeModelTest {

    private static FeModel model(ElementType type, Material m, int threads) {
        Mesh mesh = type.dimension() == 2 ? StructuredMeshes.rectangle(1, 1, 2, 2, type)
                : StructuredMeshes.box(1, 1, 1, 2, 1, 1, type);
        Section s = type.dimension() == 3 ? Section.solid()
                : type == ElementType.TRI3 ? Section.planeStress(0.5) : Section.planeStrain(0.5);
        return new FeModel(mesh, s, PatchTest.fill(m, mesh.elementCount()), threads);
    }

    @ParameterizedTest
    @EnumSource(ElementType.class)
    void forceAndStiffnessAreExactDerivatives(ElementType type) {
        FeModel model = model(type, NeoHookean.fromYoung(100, 0.3), 1);
        int n = model.dofCount();
        Random r = new Random(3);
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = 0.05 * (2 * r.nextDouble() - 1);
        }
        double[] f = new double[n];
        CompRowMatrix k = model.newStiffnessMatrix();
        double e = model.assemble(u, f, k);
        assertEquals(model.energy(u), e, 1e-12);
        double h = 1e-6;
        double[] fp = new double[n];
        double[] fm = new double[n];
        for (int i = 0; i < n; i++) {
            double[] up = u.clone();
            double[] um = u.clone();
            up[i] += h;
            um[i] -= h;
            double fd = (model.internalForce(up, fp) - model.internalForce(um, fm)) / (2 * h);
            assertEquals(fd, f[i], 1e-6, "force " + i);
            for (int j = 0; j < n; j++) {
                double kfd = (fp[j] - fm[j]) / (2 * h);
                assertEquals(kfd, k.get(j, i), 1e-5, "K[" + j + "," + i + "]");
                assertEquals(k.get(i, j), k.get(j, i), 1e-10, "symmetry");
            }
        }
    }

    @Test
    void assemblyIsBitwiseIdenticalForAnyThreadCount() {
        Mesh mesh = StructuredMeshes.box(1, 1, 1, 8, 8, 6, ElementType.HEX8);
        Material m = StVenantKirchhoff.isotropic(100, 0.25);
        FeModel one = new FeModel(mesh, Section.solid(), PatchTest.fill(m, mesh.elementCount()), 1);
        FeModel three = new FeModel(mesh, Section.solid(), PatchTest.fill(m, mesh.elementCount()), 3);
        double[] u = new double[one.dofCount()];
        Random r = new Random(5);
        for (int i = 0; i < u.length; i++) {
            u[i] = 0.01 * r.nextGaussian();
        }
        double[] f1 = new double[u.length];
        double[] f3 = new double[u.length];
        CompRowMatrix k1 = one.newStiffnessMatrix();
        CompRowMatrix k3 = three.newStiffnessMatrix();
        assertEquals(one.assemble(u, f1, k1), three.assemble(u, f3, k3));
        assertArrayEquals(f1, f3);
        assertArrayEquals(k1.getData(), k3.getData());
    }

    @Test
    void energyModelGradientMatchesDifferences() {
        FeModel model = model(ElementType.QUAD4, NeoHookean.fromYoung(100, 0.3), 1);
        Loading loading = new Loading(model).clamp("xmin").traction("xmax", 3, -1);
        FeEnergyModel em = new FeEnergyModel(model, loading, 0.5);
        assertEquals(model.dofCount() - 6, em.dimension());
        double[] x = new double[em.dimension()];
        Random r = new Random(9);
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.02 * r.nextGaussian();
        }
        double[] g = new double[x.length];
        double e = em.energyAndGradient(x, g);
        assertEquals(em.energy(x), e, 1e-14);
        for (int i = 0; i < x.length; i++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += 1e-6;
            xm[i] -= 1e-6;
            assertEquals((em.energy(xp) - em.energy(xm)) / 2e-6, g[i], 1e-6);
        }
    }

    @Test
    void newtonReportsFailureWithHistory() {
        // Compressing a neo-Hookean block through zero volume is impossible: every increment
        // that gets close inverts an element, and the cut-backs run out.
        FeModel model = model(ElementType.QUAD4, NeoHookean.fromYoung(100, 0.3), 1);
        Loading loading = new Loading(model).clamp("xmin").displacement("xmax", 0, -1.5);
        NewtonOptions opts = new NewtonOptions(2, 10, 1e-8, 0, 3, true);
        ConvergenceException e = assertThrows(ConvergenceException.class,
                () -> new NewtonSolver(model, loading, opts, new LinearSolver()).solve(new double[model.dofCount()]));
        assertTrue(e.getMessage().contains("cut back 3 times"), e.getMessage());
        assertTrue(e.getMessage().contains("inverts"), e.getMessage());
    }
}
