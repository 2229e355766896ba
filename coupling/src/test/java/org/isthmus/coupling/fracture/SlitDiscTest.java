package org.isthmus.coupling.fracture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.solve.FeModel;
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

    @Test
    void polarDiscIsConformingUninvertedAndCoarserThanTheTensorGrid() {
        double outer = 80;
        Mesh m = SlitDisc.polar(outer, 12, 2, 1.4, 8);
        Mesh tensor = SlitDisc.mesh(outer, 12, 2, 1.4);
        assertTrue(m.elementCount() < 0.75 * tensor.elementCount(), m.elementCount() + " vs " + tensor.elementCount());
        int[] outerNodes = SlitDisc.outerNodes(m);
        assertTrue(outerNodes.length >= 9, "at least 8 sectors on the outer circle");
        for (int a : outerNodes) {
            assertEquals(outer, Math.hypot(m.x(a, 0), m.x(a, 1)), 1e-9);
        }
        // every corner convex and counter-clockwise (no inverted or degenerate element), edges shared
        // by at most two elements, and the edges of one element only on the outer circle or the slit
        Map<Long, Integer> edges = new HashMap<>();
        int triangles = 0;
        for (int e = 0; e < m.elementCount(); e++) {
            int[] n = m.nodes(e);
            triangles += n.length == 3 ? 1 : 0;
            for (int k = 0; k < n.length; k++) {
                int a = n[k];
                int b = n[(k + 1) % n.length];
                int c = n[(k + 2) % n.length];
                double cross = (m.x(b, 0) - m.x(a, 0)) * (m.x(c, 1) - m.x(b, 1))
                        - (m.x(b, 1) - m.x(a, 1)) * (m.x(c, 0) - m.x(b, 0));
                assertTrue(cross > 1e-3, "element " + e + " corner at node " + b + ": " + cross);
                edges.merge(Math.min(a, b) * 1_000_000L + Math.max(a, b), 1, Integer::sum);
            }
        }
        assertTrue(triangles > 0, "transition rings");
        for (Map.Entry<Long, Integer> en : edges.entrySet()) {
            int a = (int) (en.getKey() / 1_000_000L);
            int b = (int) (en.getKey() % 1_000_000L);
            assertTrue(en.getValue() <= 2, "edge " + a + "-" + b + " in " + en.getValue() + " elements");
            if (en.getValue() == 1) {
                boolean onCircle = Math.abs(Math.hypot(m.x(a, 0), m.x(a, 1)) - outer) < 1e-9
                        && Math.abs(Math.hypot(m.x(b, 0), m.x(b, 1)) - outer) < 1e-9;
                boolean onSlit = m.x(a, 1) == 0 && m.x(b, 1) == 0 && m.x(a, 0) <= 0 && m.x(b, 0) <= 0;
                assertTrue(onCircle || onSlit, "free edge " + a + "-" + b + " inside the disc (a hanging node?)");
            }
        }
        // the slit runs through every ring, its faces doubled; the line ahead is a line of nodes
        int[] up = m.nodeSet("crackUpper");
        int[] low = m.nodeSet("crackLower");
        assertEquals(up.length, low.length);
        for (int k = 0; k < up.length; k++) {
            assertNotEquals(up[k], low[k]);
            assertEquals(0, m.x(up[k], 1), 0);
            assertEquals(0, m.x(low[k], 1), 0);
        }
        assertTrue(contains(m, up, -outer) && contains(m, low, -outer), "the slit reaches the outer circle");
        Mesh cut = SlitDisc.splitAhead(m, 12);
        assertTrue(cut.faceSet("aheadUpper").length >= 5);
    }

    private static boolean contains(Mesh m, int[] set, double x) {
        for (int a : set) {
            if (Math.abs(m.x(a, 0) - x) < 1e-9) {
                return true;
            }
        }
        return false;
    }

    @Test
    void polarDiscPassesThePatchTest() {
        // u = G X is reproduced exactly by QUAD4 and TRI3 elements of a conforming mesh: the internal
        // force vanishes at every node but those of the boundary (outer circle, slit faces).
        Mesh m = SlitDisc.polar(60, 10, 2, 1.5, 8);
        FeModel fe = new FeModel(m, Section.planeStrain(1), LinearElastic.isotropic(1.0, 0.3));
        double[] g = {0.01, 0.004, -0.003, 0.02};
        double[] u = new double[fe.dofCount()];
        for (int a = 0; a < m.nodeCount(); a++) {
            u[2 * a] = g[0] * m.x(a, 0) + g[1] * m.x(a, 1);
            u[2 * a + 1] = g[2] * m.x(a, 0) + g[3] * m.x(a, 1);
        }
        double[] f = new double[fe.dofCount()];
        fe.internalForce(u, f);
        double scale = 0;
        for (double v : f) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 1e-3, "the boundary carries force");
        int interior = 0;
        for (int a = 0; a < m.nodeCount(); a++) {
            double r = Math.hypot(m.x(a, 0), m.x(a, 1));
            boolean slit = m.x(a, 1) == 0 && m.x(a, 0) <= 0;   // the faces and the tip
            if (r < 60 - 1e-9 && !slit) {
                interior++;
                assertEquals(0, f[2 * a], 1e-12 * scale, "node " + a);
                assertEquals(0, f[2 * a + 1], 1e-12 * scale, "node " + a);
            }
        }
        assertTrue(interior > 100);
    }

    @Test
    void polarDiscWithRingsFromTheAtomisticRadiusHasNoElementAcrossIt() {
        // the uniform disc ends at R_a = 12 Å, rings of interval ≈ 2 Å out to 18 Å, then growing rings
        Mesh m = SlitDisc.polar(60, 12, 18, 2, 1.4, 8);
        for (int e = 0; e < m.elementCount(); e++) {
            double rmin = Double.POSITIVE_INFINITY;
            double rmax = 0;
            for (int a : m.nodes(e)) {
                double r = Math.hypot(m.x(a, 0), m.x(a, 1));
                rmin = Math.min(rmin, r);
                rmax = Math.max(rmax, r);
            }
            assertTrue(rmax <= 12 + 1e-9 || rmin >= 12 - 1e-9, "element " + e + " spans r = " + rmin + " .. " + rmax);
            if (rmin >= 12 - 1e-9 && rmax <= 18 + 1e-9) {
                assertEquals(2, rmax - rmin, 0.01, "ring interval");
            }
        }
        // rings at 12, 14, 16, 18 Å: nodes on each
        for (double r : new double[] {14, 16, 18}) {
            boolean found = false;
            for (int a = 0; a < m.nodeCount() && !found; a++) {
                found = Math.abs(Math.hypot(m.x(a, 0), m.x(a, 1)) - r) < 1e-9;
            }
            assertTrue(found, "a ring at r = " + r);
        }
    }
}
