package org.isthmus.continuum.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;

/**
 * Elements congruent by translation share their gradients: a uniform box stores one shape, a
 * moved node gives the elements around it their own, and every element's gradients still
 * reproduce the identity Σ_a X_aJ ∂N_a/∂X_K = δ_JK (the isoparametric map differentiated), with
 * Σ_a ∂N_a/∂X_J = 0 and weights summing to the volume.
 */
class ReferenceGeometrySharingTest {

    private static void assertExactGradients(Mesh m, ReferenceGeometry g) {
        int dim = m.dimension();
        for (int e = 0; e < m.elementCount(); e++) {
            for (int p = g.firstPoint(e); p < g.firstPoint(e + 1); p++) {
                for (int bigJ = 0; bigJ < dim; bigJ++) {
                    double sum = 0;
                    for (int bigK = 0; bigK < dim; bigK++) {
                        double s = 0;
                        for (int a = 0; a < m.type(e).nodeCount(); a++) {
                            s += m.x(m.node(e, a), bigJ) * g.gradient(p, a, bigK);
                        }
                        assertEquals(bigJ == bigK ? 1 : 0, s, 1e-12, "element " + e + " point " + p);
                    }
                    for (int a = 0; a < m.type(e).nodeCount(); a++) {
                        sum += g.gradient(p, a, bigJ);
                    }
                    assertEquals(0, sum, 1e-12);
                }
            }
        }
    }

    @Test
    void congruentElementsShareOneShape() {
        Mesh m = StructuredMeshes.box(4, 2, 1, 4, 2, 2, ElementType.HEX8);
        ReferenceGeometry g = new ReferenceGeometry(m, Section.solid());
        for (int e = 1; e < m.elementCount(); e++) {
            assertEquals(g.gradientOffset(g.firstPoint(0)), g.gradientOffset(g.firstPoint(e)));
            assertEquals(g.weight(g.firstPoint(0)), g.weight(g.firstPoint(e)));
        }
        assertEquals(8 * 8 * 3, g.gradients().length, "one Hex8 shape: 8 points × 8 nodes × 3");
        assertEquals(8, g.volume(), 1e-12);
        assertExactGradients(m, g);
    }

    @Test
    void aMovedNodeGivesItsElementsTheirOwnShapes() {
        Mesh box = StructuredMeshes.box(4, 2, 1, 4, 2, 2, ElementType.HEX8);
        double[] x = box.coordinates();
        int moved = box.nearestNode(2, 1, 0.5);
        x[3 * moved] += 0.1;
        x[3 * moved + 2] -= 0.05;
        Mesh m = box.withCoordinates(x);
        ReferenceGeometry g = new ReferenceGeometry(m, Section.solid());
        java.util.Set<Integer> shapes = new java.util.HashSet<>();
        int touching = 0;
        for (int e = 0; e < m.elementCount(); e++) {
            shapes.add(g.gradientOffset(g.firstPoint(e)));
            if (java.util.Arrays.stream(m.nodes(e)).anyMatch(a -> a == moved)) {
                touching++;
                assertNotEquals(g.gradientOffset(g.firstPoint(0)), g.gradientOffset(g.firstPoint(e)));
            }
        }
        assertEquals(8, touching, "an interior node touches 8 elements");
        assertTrue(shapes.size() >= 1 + touching - 1, shapes.size() + " shapes");
        assertEquals(8, g.volume(), 1e-12);
        assertExactGradients(m, g);
    }
}
