package org.isthmus.continuum.element;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.continuum.solve.FeModel;
import org.isthmus.continuum.material.Material;
import org.junit.jupiter.api.Test;

/**
 * The composite (sub-cell) quadrature and the per-point weight factors that blended coupled
 * models use: the default geometry is unchanged, refined rules integrate what they should
 * exactly, and factors scale the integrand point by point.
 */
class ReferenceGeometryRefinementTest {

    private static Mesh mesh(ElementType t) {
        return t.dimension() == 3 ? StructuredMeshes.box(2, 3, 1.5, 2, 3, 2, t) : StructuredMeshes.rectangle(2, 3, 2, 3, t);
    }

    private static Section section(ElementType t) {
        return t.dimension() == 3 ? Section.solid() : Section.planeStrain(0.5);
    }

    @Test
    void defaultGeometryIsTheFullGaussRuleBitForBit() {
        for (ElementType t : ElementType.values()) {
            Mesh m = mesh(t);
            ReferenceGeometry a = new ReferenceGeometry(m, section(t));
            int[] ones = new int[m.elementCount()];
            Arrays.fill(ones, 1);
            ReferenceGeometry b = new ReferenceGeometry(m, section(t), ones);
            assertEquals(a.pointCount(), b.pointCount());
            assertArrayEquals(a.gradients(), b.gradients(), 0.0);
            for (int p = 0; p < a.pointCount(); p++) {
                assertEquals(a.weight(p), b.weight(p), 0.0);
            }
        }
    }

    @Test
    void compositeRulesIntegrateVolumeAndPolynomialsExactly() {
        for (ElementType t : ElementType.values()) {
            Mesh m = mesh(t);
            ReferenceGeometry plain = new ReferenceGeometry(m, section(t));
            for (int n : new int[] {2, 3}) {
                int[] sub = new int[m.elementCount()];
                Arrays.fill(sub, n);
                ReferenceGeometry fine = new ReferenceGeometry(m, section(t), sub);
                assertEquals(plain.volume(), fine.volume(), 1e-12 * plain.volume(), t + " n=" + n);
                // ∫ x dV and ∫ x² dV over the box [0,2]×[0,3](×[0,1.5]): exact for quadratics, except
                // on Tet4 where the Duffy map raises the degree (x² (1−u)² is quartic in u)
                double ix = 0;
                double ix2 = 0;
                for (int p = 0; p < fine.pointCount(); p++) {
                    double x = fine.position(p, 0);
                    ix += x * fine.weight(p);
                    ix2 += x * x * fine.weight(p);
                }
                double depth = t.dimension() == 3 ? 1.5 : 0.5;
                assertEquals(2 * 3 * depth, ix, 1e-12 * 6 * depth, t + " ∫x n=" + n);
                double expected = 8.0 / 3 * 3 * depth;
                assertEquals(expected, ix2, (t == ElementType.TET4 ? 1e-3 : 1e-12) * expected, t + " ∫x² n=" + n);
            }
        }
    }

    @Test
    void weightFactorsScaleTheEnergyPointByPointAndZeroElementsAreSkipped() {
        Mesh m = StructuredMeshes.box(2, 2, 2, 2, 2, 2, ElementType.HEX8);
        Material mat = LinearElastic.isotropic(1, 0.3);
        ReferenceGeometry g = new ReferenceGeometry(m, Section.solid());
        double[] factors = new double[g.pointCount()];
        for (int p = 0; p < factors.length; p++) {
            factors[p] = g.position(p, 0) < 1 ? 0 : 0.25;
        }
        Material[] mats = new Material[m.elementCount()];
        Arrays.fill(mats, mat);
        FeModel plain = new FeModel(m, Section.solid(), mats, 1);
        FeModel scaled = new FeModel(m, Section.solid(), mats, 1, g.withWeightFactors(factors));
        double[] u = new double[plain.dofCount()];
        for (int a = 0; a < m.nodeCount(); a++) {
            u[3 * a] = 0.01 * m.x(a, 0); // uniform strain: every element has the same energy
        }
        assertEquals(0.25 * 0.5 * plain.energy(u), scaled.energy(u), 1e-15);
        // an element with all-zero weights holds no energy even when inverted
        for (int a = 0; a < m.nodeCount(); a++) {
            if (m.x(a, 0) < 0.5) {
                u[3 * a] = 5;
            }
        }
        double[] f = new double[u.length];
        assertEquals(scaled.energy(u), scaled.internalForce(u, f), 1e-15);
        assertThrows(InvalidInputException.class, () -> g.withWeightFactors(new double[3]));
        double[] neg = factors.clone();
        neg[0] = -1;
        assertThrows(InvalidInputException.class, () -> g.withWeightFactors(neg));
    }
}
