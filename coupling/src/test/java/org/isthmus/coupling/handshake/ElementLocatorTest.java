package org.isthmus.coupling.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;

import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;

/**
 * Point location in every element type, on meshes with distorted (non-affine) elements: the
 * shape functions at the returned ξ interpolate the point itself (Σ N_a X_a = X, Σ N_a = 1);
 * points outside the mesh are not found.
 */
class ElementLocatorTest {

    private static Mesh distorted(ElementType t, long seed) {
        Mesh m = t.dimension() == 3 ? StructuredMeshes.box(4, 4, 4, 4, 4, 4, t) : StructuredMeshes.rectangle(4, 4, 4, 4, t);
        double[] x = m.coordinates();
        Random rnd = new Random(seed);
        int d = m.dimension();
        for (int a = 0; a < m.nodeCount(); a++) {
            for (int c = 0; c < d; c++) {
                double v = x[a * d + c];
                if (v > 1e-9 && v < 4 - 1e-9) {
                    x[a * d + c] += 0.2 * (2 * rnd.nextDouble() - 1);
                }
            }
        }
        return m.withCoordinates(x);
    }

    @Test
    void locatedPointsAreInterpolatedExactly() {
        for (ElementType t : ElementType.values()) {
            // quadratic elements as the generators make them (straight-sided): moving their mid-edge
            // nodes at random would curve them beyond what a mesh generator produces
            boolean quadratic = t == ElementType.TRI6 || t == ElementType.TET10;
            Mesh m = quadratic ? (t.dimension() == 3 ? StructuredMeshes.box(4, 4, 4, 4, 4, 4, t)
                    : StructuredMeshes.rectangle(4, 4, 4, 4, t)) : distorted(t, 5);
            ElementLocator loc = new ElementLocator(m);
            Random rnd = new Random(9);
            int d = m.dimension();
            for (int k = 0; k < 300; k++) {
                double[] p = {4 * rnd.nextDouble(), 4 * rnd.nextDouble(), d == 3 ? 4 * rnd.nextDouble() : 17};
                ElementLocator.Location l = loc.locate(p);
                assertNotNull(l, t + " point " + java.util.Arrays.toString(p));
                double sum = 0;
                double[] back = new double[d];
                for (int a = 0; a < l.shape().length; a++) {
                    sum += l.shape()[a];
                    for (int c = 0; c < d; c++) {
                        back[c] += l.shape()[a] * m.x(m.node(l.element(), a), c);
                    }
                }
                assertEquals(1, sum, 1e-12);
                for (int c = 0; c < d; c++) {
                    assertEquals(p[c], back[c], 1e-10, t + " component " + c);
                }
            }
            assertNull(loc.locate(new double[] {4.5, 1, 1}));
            assertNull(loc.locate(new double[] {-0.01, 1, 1}));
        }
    }

    @Test
    void nodesAndFacesGoToTheLowestNumberedElement() {
        Mesh m = StructuredMeshes.box(2, 1, 1, 2, 1, 1, ElementType.HEX8);
        ElementLocator loc = new ElementLocator(m);
        ElementLocator.Location l = loc.locate(new double[] {1, 0.5, 0.5});
        assertEquals(0, l.element());
        assertEquals(1, l.xi()[0], 1e-12);
    }
}
