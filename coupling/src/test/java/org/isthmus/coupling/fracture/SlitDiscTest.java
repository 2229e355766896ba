package org.isthmus.coupling.fracture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.continuum.mesh.Mesh;
import org.junit.jupiter.api.Test;

/** The slit disc: round, slit along the crack faces only, uniform where atoms meet it, no inverted element. */
class SlitDiscTest {

    @Test
    void outerNodesLieOnTheCircleAndTheSlitDoublesTheFaceNodes() {
        Mesh m = SlitDisc.mesh(40, 12, 2, 1.3);
        int[] outer = SlitDisc.outerNodes(m);
        assertTrue(outer.length > 20);
        for (int a : outer) {
            assertEquals(40, Math.hypot(m.x(a, 0), m.x(a, 1)), 1e-9);
        }
        int[] up = m.nodeSet("crackUpper");
        int[] low = m.nodeSet("crackLower");
        assertEquals(up.length, low.length);
        for (int k = 0; k < up.length; k++) {
            assertNotEquals(up[k], low[k]);
            assertEquals(m.x(up[k], 0), m.x(low[k], 0), 0);
            assertEquals(0, m.x(up[k], 1), 0);
            assertTrue(m.x(up[k], 0) < 0, "the slit lies behind the tip");
        }
        int tip = m.nodeSet("crackTip")[0];
        assertEquals(0, Math.hypot(m.x(tip, 0), m.x(tip, 1)), 0);
        // No element straddles the slit: every element lies on one side of y = 0 behind the tip.
        for (int e = 0; e < m.elementCount(); e++) {
            double ymin = Double.POSITIVE_INFINITY;
            double ymax = Double.NEGATIVE_INFINITY;
            double xmax = Double.NEGATIVE_INFINITY;
            double area = 0;
            int[] n = m.nodes(e);
            for (int k = 0; k < n.length; k++) {
                int a = n[k];
                int b = n[(k + 1) % n.length];
                ymin = Math.min(ymin, m.x(a, 1));
                ymax = Math.max(ymax, m.x(a, 1));
                xmax = Math.max(xmax, m.x(a, 0));
                // shoelace: positive for counter-clockwise (not inverted) quadrilaterals
                area += 0.5 * (m.x(a, 0) * m.x(b, 1) - m.x(b, 0) * m.x(a, 1));
            }
            assertTrue(area > 0, "element " + e + " has area " + area);
            assertTrue(!(ymin < 0 && ymax > 0 && xmax <= 0), "element " + e + " crosses the slit");
        }
    }

    @Test
    void gridIsUniformInsideAndGrowsOutside() {
        double[] xs = SlitDisc.grid(40, 12, 2, 1.3);
        assertEquals(-40, xs[0], 0);
        assertEquals(40, xs[xs.length - 1], 0);
        int zero = xs.length / 2;
        assertEquals(0, xs[zero], 0);
        for (int k = zero; k < zero + 6; k++) {
            assertEquals(2, xs[k + 1] - xs[k], 1e-12);
        }
        for (int k = zero + 6; k < xs.length - 2; k++) {
            assertTrue(xs[k + 1] - xs[k] >= xs[k] - xs[k - 1] - 1e-12);
        }
    }
}
