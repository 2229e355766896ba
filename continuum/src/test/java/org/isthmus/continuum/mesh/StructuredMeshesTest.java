package org.isthmus.continuum.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.UnsupportedRequestException;
import org.isthmus.continuum.element.ReferenceGeometry;
import org.isthmus.continuum.element.Section;
import org.junit.jupiter.api.Test;

/**
 * Structured generators: counts, sets, areas/volumes (every element has a positive Jacobian, so
 * the summed integration weights equal the domain's measure), grading, and the slit's doubled
 * nodes; and the errors for unknown types, missing sets and inverted elements.
 */
class StructuredMeshesTest {

    @Test
    void rectanglesHaveTheRightMeasureAndSets() {
        for (ElementType t : new ElementType[] {ElementType.TRI3, ElementType.QUAD4}) {
            Mesh m = StructuredMeshes.rectangle(3, 2, 6, 4, t);
            assertEquals(35, m.nodeCount());
            assertEquals(t == ElementType.QUAD4 ? 24 : 48, m.elementCount());
            assertEquals(6.0 * 0.5, new ReferenceGeometry(m, Section.planeStrain(0.5)).volume(), 1e-12);
            assertEquals(5, m.nodeSet("xmin").length);
            assertEquals(6, m.faceSet("ymax").length);
            assertEquals(2, m.nearestNode(3, 0) == 6 ? 2 : 0);
        }
    }

    @Test
    void boxesHaveTheRightMeasureAndOutwardFaces() {
        for (ElementType t : new ElementType[] {ElementType.HEX8, ElementType.TET4}) {
            Mesh m = StructuredMeshes.box(2, 1, 3, 4, 2, 3, t);
            assertEquals(5 * 3 * 4, m.nodeCount());
            assertEquals(6.0, new ReferenceGeometry(m, Section.solid()).volume(), 1e-12);
            // The outward normals of a closed surface integrate to zero; the xmax faces' to +area.
            double[] total = new double[3];
            for (String s : new String[] {"xmin", "xmax", "ymin", "ymax", "zmin", "zmax"}) {
                double[] n = areaVector(m, m.faceSet(s));
                for (int c = 0; c < 3; c++) {
                    total[c] += n[c];
                }
            }
            for (double v : total) {
                assertEquals(0, v, 1e-12);
            }
            assertEquals(3.0, areaVector(m, m.faceSet("xmax"))[0], 1e-12);
            assertEquals(-2.0, areaVector(m, m.faceSet("zmin"))[2], 1e-12);
        }
    }

    private static double[] areaVector(Mesh m, int[][] faces) {
        double[] s = new double[3];
        for (int[] f : faces) {
            // Σ over a fan of triangles of ½ (x1 − x0) × (x2 − x0)
            for (int k = 1; k + 1 < f.length; k++) {
                double[] u = new double[3];
                double[] v = new double[3];
                for (int c = 0; c < 3; c++) {
                    u[c] = m.x(f[k], c) - m.x(f[0], c);
                    v[c] = m.x(f[k + 1], c) - m.x(f[0], c);
                }
                s[0] += 0.5 * (u[1] * v[2] - u[2] * v[1]);
                s[1] += 0.5 * (u[2] * v[0] - u[0] * v[2]);
                s[2] += 0.5 * (u[0] * v[1] - u[1] * v[0]);
            }
        }
        return s;
    }

    @Test
    void gradingClustersTowardsTheFocus() {
        double[] x = Grading.towards(0, 10, 10, 4, 2);
        assertEquals(0, x[0]);
        assertEquals(10, x[10]);
        assertEquals(4, x[4], 1e-12);
        assertTrue(x[5] - x[4] < x[10] - x[9], "finer at the focus");
        for (int k = 1; k < x.length; k++) {
            assertTrue(x[k] > x[k - 1]);
        }
        Mesh graded = StructuredMeshes.box(Grading.towards(0, 1, 6, 0.5, 2), Grading.towards(0, 1, 6, 0.5, 2),
                Grading.uniform(0, 1, 2), ElementType.HEX8);
        assertEquals(1.0, new ReferenceGeometry(graded, Section.solid()).volume(), 1e-12);
    }

    @Test
    void slitDoublesTheCrackFaceNodes() {
        Mesh m = StructuredMeshes.slitRectangle(4, 2, 1.5, 8, 6, 1.5, ElementType.QUAD4);
        int[] up = m.nodeSet("crackUpper");
        int[] lo = m.nodeSet("crackLower");
        assertEquals(up.length, lo.length);
        assertTrue(up.length >= 1);
        for (int k = 0; k < up.length; k++) {
            assertTrue(up[k] != lo[k]);
            assertEquals(m.x(up[k], 0), m.x(lo[k], 0));
            assertEquals(1.0, m.x(up[k], 1), 1e-12);
        }
        assertEquals(1.5, m.x(m.nodeSet("crackTip")[0], 0), 1e-12);
        assertEquals(9 * 7 + up.length, m.nodeCount());
        assertEquals(8.0, new ReferenceGeometry(m, Section.planeStress(1)).volume(), 1e-12);
    }

    @Test
    void clearErrors() {
        assertThrows(InvalidInputException.class, () -> ElementType.parse("hex27"));
        assertThrows(UnsupportedRequestException.class, () -> StructuredMeshes.box(1, 1, 1, 1, 1, 1, ElementType.QUAD4));
        Mesh m = StructuredMeshes.rectangle(1, 1, 1, 1, ElementType.QUAD4);
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> m.nodeSet("left"));
        assertTrue(missing.getMessage().contains("xmin"), missing.getMessage());
        Mesh inverted = new Mesh(2, m.coordinates(), new ElementType[] {ElementType.QUAD4},
                new int[][] {{0, 3, 2, 1}}, java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new ReferenceGeometry(inverted, Section.planeStrain(1)));
        assertTrue(e.getMessage().contains("inverted"), e.getMessage());
        Mesh flat = new Mesh(2, new double[] {0, 0, 1, 0, 2, 0}, new ElementType[] {ElementType.TRI3},
                new int[][] {{0, 1, 2}}, java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
        InvalidInputException d = assertThrows(InvalidInputException.class,
                () -> new ReferenceGeometry(flat, Section.planeStrain(1)));
        assertTrue(d.getMessage().contains("degenerate"), d.getMessage());
        assertThrows(UnsupportedRequestException.class, () -> new ReferenceGeometry(m, Section.solid()));
        assertThrows(InvalidInputException.class, () -> new Mesh(2, new double[] {0, 0, 1, 0}, new ElementType[] {ElementType.TRI3},
                new int[][] {{0, 1, 2}}, java.util.Map.of(), java.util.Map.of(), java.util.Map.of()));
    }

    @Test
    void quarterAnnulusHasPositiveElementsOutwardFacesAndNamedEdges() {
        double[] radii = Grading.uniform(1, 3, 6);
        for (ElementType type : new ElementType[] {ElementType.QUAD4, ElementType.TRI3}) {
            Mesh m = StructuredMeshes.quarterAnnulus(radii, 12, type);
            double area = 0;
            for (int e = 0; e < m.elementCount(); e++) {
                int[] nodes = m.nodes(e);
                double a = 0;
                for (int k = 0; k < nodes.length; k++) {
                    int p = nodes[k];
                    int q = nodes[(k + 1) % nodes.length];
                    a += 0.5 * (m.x(p, 0) * m.x(q, 1) - m.x(q, 0) * m.x(p, 1));
                }
                assertTrue(a > 0, "element " + e + " is counter-clockwise");
                area += a;
            }
            // inscribed polygon: area π(b² − a²)/4 · sin(Δθ)/Δθ
            double dt = Math.PI / 24;
            assertEquals(Math.PI * 8 / 4 * Math.sin(dt) / dt, area, 1e-12);
            for (int a : m.nodeSet("inner")) {
                assertEquals(1, Math.hypot(m.x(a, 0), m.x(a, 1)), 1e-14);
            }
            for (int a : m.nodeSet("yAxis")) {
                assertEquals(0, m.x(a, 0), 0);
            }
            for (int a : m.nodeSet("xAxis")) {
                assertEquals(0, m.x(a, 1), 0);
            }
            // outer faces: outward normal (dy, −dx) points away from the origin
            for (int[] f : m.faceSet("outer")) {
                double nx = m.x(f[1], 1) - m.x(f[0], 1);
                double ny = -(m.x(f[1], 0) - m.x(f[0], 0));
                assertTrue(nx * (m.x(f[0], 0) + m.x(f[1], 0)) + ny * (m.x(f[0], 1) + m.x(f[1], 1)) > 0);
            }
            assertEquals(7, m.nodeSet("xAxis").length);
            assertEquals(12, m.faceSet("inner").length);
        }
        assertThrows(InvalidInputException.class, () -> StructuredMeshes.quarterAnnulus(new double[] {0, 1}, 4,
                ElementType.QUAD4));
    }
}
