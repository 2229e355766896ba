package org.isthmus.continuum.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.solve.FeModel;
import org.isthmus.continuum.solve.LinearSolver;
import org.isthmus.continuum.solve.LinearStatic;
import org.isthmus.continuum.solve.Loading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gmsh MSH 2.2 and 4.1 import on hand-written files: a unit square of four triangles around an
 * off-centre interior node (one triangle and two boundary lines written clockwise, so the reader
 * must reorient them), named boundary lines, a named surface and a named corner point; a unit
 * cube of one hexahedron; and malformed files.
 */
class GmshReaderTest {

    static final String SQUARE_22 = """
            $MeshFormat
            2.2 0 8
            $EndMeshFormat
            $PhysicalNames
            6
            0 6 "corner"
            1 1 "bottom"
            1 2 "right"
            1 3 "top"
            1 4 "left"
            2 5 "plate"
            $EndPhysicalNames
            $Nodes
            5
            1 0 0 0
            2 1 0 0
            3 1 1 0
            4 0 1 0
            5 0.4 0.55 0
            $EndNodes
            $Elements
            9
            1 15 2 6 1 1
            2 1 2 1 1 2 1
            3 1 2 2 2 2 3
            4 1 2 3 3 4 3
            5 1 2 4 4 4 1
            6 2 2 5 1 1 2 5
            7 2 2 5 1 2 5 3
            8 2 2 5 1 3 4 5
            9 2 2 5 1 4 1 5
            $EndElements
            """;

    static final String SQUARE_41 = """
            $MeshFormat
            4.1 0 8
            $EndMeshFormat
            $PhysicalNames
            6
            0 6 "corner"
            1 1 "bottom"
            1 2 "right"
            1 3 "top"
            1 4 "left"
            2 5 "plate"
            $EndPhysicalNames
            $Entities
            4 4 1 0
            1 0 0 0 1 6
            2 1 0 0 0
            3 1 1 0 0
            4 0 1 0 0
            1 0 0 0 1 0 0 1 1 2 1 -2
            2 1 0 0 1 1 0 1 2 2 2 -3
            3 0 1 0 1 1 0 1 3 2 3 -4
            4 0 0 0 0 1 0 1 4 2 4 -1
            1 0 0 0 1 1 0 1 5 4 1 2 3 4
            $EndEntities
            $Nodes
            2 5 1 5
            0 1 0 1
            1
            0 0 0
            2 1 0 4
            2
            3
            4
            5
            1 0 0
            1 1 0
            0 1 0
            0.4 0.55 0
            $EndNodes
            $Elements
            6 9 1 9
            0 1 15 1
            1 1
            1 1 1 1
            2 2 1
            1 2 1 1
            3 2 3
            1 3 1 1
            4 4 3
            1 4 1 1
            5 4 1
            2 1 2 4
            6 1 2 5
            7 2 5 3
            8 3 4 5
            9 4 1 5
            $EndElements
            """;

    @ParameterizedTest
    @ValueSource(strings = {"2.2", "4.1"})
    void readsTheSquare(String version) {
        Mesh mesh = GmshReader.parse(square(version), "square.msh", "plate", "left", "corner");
        assertEquals(2, mesh.dimension());
        assertEquals(5, mesh.nodeCount());
        assertEquals(4, mesh.elementCount());
        for (int e = 0; e < 4; e++) {
            assertEquals(ElementType.TRI3, mesh.type(e));
        }
        assertEquals(0.4, mesh.x(4, 0));
        assertEquals(0.55, mesh.x(4, 1));
        assertArrayEquals(new int[] {0, 1, 2, 3}, mesh.elementSet("plate"));
        assertArrayEquals(new int[] {0, 1, 2, 3}, mesh.elementSet("all"));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, mesh.nodeSet("plate"));
        assertArrayEquals(new int[] {0}, mesh.nodeSet("corner"));
        assertArrayEquals(new int[] {0, 3}, mesh.nodeSet("left"));
        assertArrayEquals(new int[] {1, 2}, mesh.nodeSet("right"));
        assertEquals(Set.of("bottom", "right", "top", "left"), mesh.faceSetNames());
        // Outward normals (dy, −dx) of every boundary edge, whatever the file's orientation.
        double[][] normals = {{0, -1}, {1, 0}, {0, 1}, {-1, 0}};
        String[] names = {"bottom", "right", "top", "left"};
        for (int s = 0; s < 4; s++) {
            int[][] faces = mesh.faceSet(names[s]);
            assertEquals(1, faces.length);
            int a = faces[0][0];
            int b = faces[0][1];
            assertEquals(normals[s][0], mesh.x(b, 1) - mesh.x(a, 1), 1e-15, names[s]);
            assertEquals(normals[s][1], -(mesh.x(b, 0) - mesh.x(a, 0)), 1e-15, names[s]);
        }
    }

    /** An affine field on the boundary is reproduced at the interior node; a traction gives uniform stress. */
    @ParameterizedTest
    @ValueSource(strings = {"2.2", "4.1"})
    void roundTripIntoAPatchTest(String version) {
        Mesh mesh = GmshReader.parse(square(version), "square.msh");
        FeModel model = new FeModel(mesh, Section.planeStrain(1), LinearElastic.isotropic(100, 0.25));
        double[] h = {1e-3, -4e-4, 7e-4, -2e-3};
        Loading loading = new Loading(model);
        TreeSet<Integer> boundary = new TreeSet<>();
        for (String s : new String[] {"bottom", "right", "top", "left"}) {
            for (int a : mesh.nodeSet(s)) {
                boundary.add(a);
            }
        }
        for (int a : boundary) {
            for (int i = 0; i < 2; i++) {
                loading.displacementOfNode(a, i, h[2 * i] * mesh.x(a, 0) + h[2 * i + 1] * mesh.x(a, 1));
            }
        }
        double[] u = LinearStatic.solve(model, loading, new LinearSolver()).displacement();
        for (int i = 0; i < 2; i++) {
            assertEquals(h[2 * i] * 0.4 + h[2 * i + 1] * 0.55, u[2 * 4 + i], 1e-15);
        }
        // Uniaxial tension through the face sets: σ_xx = 3e-6 on "right" (small, so that the Cauchy
        // stress σ = P Fᵀ/J reported for a small-strain material is P to 1e-7), rollers on "left" and "bottom".
        Loading tension = new Loading(model).displacement("left", 0, 0).displacement("bottom", 1, 0)
                .traction("right", 3e-6, 0);
        double[] v = LinearStatic.solve(model, tension, new LinearSolver()).displacement();
        double[] sig = new double[9 * 4];
        model.elementStressAndStrain(v, sig, new double[9 * 4]);
        for (int e = 0; e < 4; e++) {
            assertEquals(3e-6, sig[9 * e], 3e-13, "element " + e + " σ_xx");
            assertEquals(0, sig[9 * e + 4], 3e-13, "element " + e + " σ_yy");
        }
    }

    @Test
    void skipsParametricCoordinatesIn41() {
        String parametric = SQUARE_41.replace("2 1 0 4\n", "2 1 1 4\n")
                .replace("1 0 0\n1 1 0\n0 1 0\n0.4 0.55 0\n", "1 0 0 9 9\n1 1 0 9 9\n0 1 0 9 9\n0.4 0.55 0 9 9\n");
        Mesh mesh = GmshReader.parse(parametric, "param.msh");
        assertEquals(5, mesh.nodeCount());
        assertEquals(0.55, mesh.x(4, 1));
        assertArrayEquals(new int[] {1, 2}, mesh.nodeSet("right"));
    }

    @Test
    void readsAHexahedronAndOrientsItsFaceOutward(@TempDir Path dir) throws IOException {
        String cube = """
                $MeshFormat
                2.2 0 8
                $EndMeshFormat
                $PhysicalNames
                2
                2 1 "base"
                3 2 "body"
                $EndPhysicalNames
                $Nodes
                8
                1 0 0 0
                2 1 0 0
                3 1 1 0
                4 0 1 0
                5 0 0 1
                6 1 0 1
                7 1 1 1
                8 0 1 1
                $EndNodes
                $Elements
                2
                1 3 2 1 1 1 2 3 4
                2 5 2 2 1 1 2 3 4 5 6 7 8
                $EndElements
                """;
        Path file = dir.resolve("cube.msh");
        Files.writeString(file, cube);
        Mesh mesh = GmshReader.read(file, "base", "body");
        assertEquals(3, mesh.dimension());
        assertEquals(ElementType.HEX8, mesh.type(0));
        int[] face = mesh.faceSet("base")[0];
        // normal (x1 − x0) × (x2 − x0) must point along −z
        double ux = mesh.x(face[1], 0) - mesh.x(face[0], 0);
        double uy = mesh.x(face[1], 1) - mesh.x(face[0], 1);
        double vx = mesh.x(face[2], 0) - mesh.x(face[0], 0);
        double vy = mesh.x(face[2], 1) - mesh.x(face[0], 1);
        assertTrue(ux * vy - uy * vx < 0);
        assertEquals(1.0, new org.isthmus.continuum.element.ReferenceGeometry(mesh, Section.solid()).volume(), 1e-14);
    }

    @Test
    void readsATetrahedronIn41() {
        String tet = """
                $MeshFormat
                4.1 0 8
                $EndMeshFormat
                $Nodes
                1 4 1 4
                3 1 0 4
                1
                2
                3
                4
                0 0 0
                1 0 0
                0 1 0
                0 0 1
                $EndNodes
                $Elements
                1 1 1 1
                3 1 4 1
                1 1 2 3 4
                $EndElements
                """;
        Mesh mesh = GmshReader.parse(tet, "tet.msh");
        assertEquals(ElementType.TET4, mesh.type(0));
        assertEquals(Set.of("all"), mesh.elementSetNames());
        assertEquals(1.0 / 6, new org.isthmus.continuum.element.ReferenceGeometry(mesh, Section.solid()).volume(), 1e-15);
    }

    /**
     * One 10-node tetrahedron in Gmsh's node order (edge nodes (0,1), (1,2), (2,0), (3,0), (3,2),
     * (3,1)) with a 6-node triangle on its face x = 0 written with the wrong orientation: the
     * reader returns VTK order (edges (1,3), (2,3) last) and an outward quadratic face.
     */
    @Test
    void tet10AndQuadraticTriangleFaces() {
        String tet = """
                $MeshFormat
                2.2 0 8
                $EndMeshFormat
                $PhysicalNames
                2
                2 1 "x0"
                3 2 "body"
                $EndPhysicalNames
                $Nodes
                10
                1 0 0 0
                2 1 0 0
                3 0 1 0
                4 0 0 1
                5 0.5 0 0
                6 0.5 0.5 0
                7 0 0.5 0
                8 0 0 0.5
                9 0 0.5 0.5
                10 0.5 0 0.5
                $EndNodes
                $Elements
                2
                1 9 2 1 1 1 3 4 7 9 8
                2 11 2 2 1 1 2 3 4 5 6 7 8 9 10
                $EndElements
                """;
        Mesh mesh = GmshReader.parse(tet, "tet10.msh");
        assertEquals(ElementType.TET10, mesh.type(0));
        int[] c = mesh.nodes(0);
        // VTK edge (1,3) then (2,3)
        assertEquals(0.5, mesh.x(c[8], 0), 0);
        assertEquals(0.5, mesh.x(c[8], 2), 0);
        assertEquals(0.5, mesh.x(c[9], 1), 0);
        assertEquals(0.5, mesh.x(c[9], 2), 0);
        assertEquals(1.0 / 6, new org.isthmus.continuum.element.ReferenceGeometry(mesh, Section.solid()).volume(), 1e-15);
        int[][] f = mesh.faceSet("x0");
        assertEquals(1, f.length);
        assertEquals(6, f[0].length);
        // outward normal −x (right-hand rule on the corners), each edge node between its corners
        double[] p0 = {mesh.x(f[0][0], 1), mesh.x(f[0][0], 2)};
        double[] p1 = {mesh.x(f[0][1], 1), mesh.x(f[0][1], 2)};
        double[] p2 = {mesh.x(f[0][2], 1), mesh.x(f[0][2], 2)};
        double nx = (p1[0] - p0[0]) * (p2[1] - p0[1]) - (p1[1] - p0[1]) * (p2[0] - p0[0]);
        assertTrue(nx < 0, "outward normal along -x");
        int[][] edges = {{0, 1}, {1, 2}, {2, 0}};
        for (int m = 0; m < 3; m++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(0.5 * (mesh.x(f[0][edges[m][0]], k) + mesh.x(f[0][edges[m][1]], k)), mesh.x(f[0][3 + m], k), 0);
            }
        }
    }

    /** Two 6-node triangles, one written clockwise, and a 3-node boundary line written the wrong way. */
    @Test
    void tri6IsReorientedWithItsEdgeNodes() {
        String sq = """
                $MeshFormat
                2.2 0 8
                $EndMeshFormat
                $Nodes
                9
                1 0 0 0
                2 1 0 0
                3 1 1 0
                4 0 1 0
                5 0.5 0 0
                6 1 0.5 0
                7 0.5 0.5 0
                8 0.5 1 0
                9 0 0.5 0
                $EndNodes
                $Elements
                3
                1 8 2 7 1 2 1 5
                2 9 2 5 1 1 2 3 5 6 7
                3 9 2 5 1 1 3 4 7 8 9
                $EndElements
                """.replace("3 9 2 5 1 1 3 4 7 8 9", "3 9 2 5 1 1 4 3 9 8 7");
        Mesh mesh = GmshReader.parse(sq, "tri6.msh");
        assertEquals(ElementType.TRI6, mesh.type(1));
        for (int e = 0; e < 2; e++) {
            int[] c = mesh.nodes(e);
            int[][] edges = {{0, 1}, {1, 2}, {2, 0}};
            for (int m = 0; m < 3; m++) {
                for (int k = 0; k < 2; k++) {
                    assertEquals(0.5 * (mesh.x(c[edges[m][0]], k) + mesh.x(c[edges[m][1]], k)), mesh.x(c[3 + m], k), 0);
                }
            }
        }
        assertEquals(1.0, new org.isthmus.continuum.element.ReferenceGeometry(mesh, Section.planeStrain(1)).volume(), 1e-15);
        int[] bottom = mesh.faceSet("7")[0];
        assertEquals(3, bottom.length);
        // outward normal of the bottom edge is −y: traversed in +x, midpoint last
        assertTrue(mesh.x(bottom[1], 0) > mesh.x(bottom[0], 0));
        assertEquals(0.5, mesh.x(bottom[2], 0), 0);
    }

    @Test
    void errorsNameTheFileTheLineAndTheProblem() {
        assertError(SQUARE_22.replace("7 2 2 5 1 2 5 3", "7 10 2 5 1 2 5 3 6 7 8"), "bad.msh:29:",
                "unsupported Gmsh element type 10 (9-node quadrangle)");
        assertError(SQUARE_41.replace("2 1 2 4\n", "2 1 16 4\n"), "bad.msh:52:", "unsupported Gmsh element type 16 (8-node quadrangle)");
        assertError(SQUARE_22.replace("5 0.4 0.55 0", "5 0.4 abc 0"), "bad.msh:19:", "found 'abc'; expected a number");
        assertError(SQUARE_22.replace("8 2 2 5 1 3 4 5", "8 2 2 5 1 3 4 17"), "bad.msh:30:",
                "refers to node 17, which $Nodes does not define");
        assertError(SQUARE_22.replace("2.2 0 8", "3.0 0 8"), "bad.msh:2:", "MSH version 3.0 is not supported");
        assertError(SQUARE_22.replace("2.2 0 8", "2.2 1 8"), "bad.msh:2:", "binary MSH files are not supported");
        assertError(SQUARE_22.replace("$EndElements\n", ""), "bad.msh:", "unexpected end of file");
        assertError(SQUARE_22.replace("$EndNodes", "$EndNode"), "bad.msh:20:", "expected $EndNodes");
        assertError(SQUARE_22.replace("5 0.4 0.55 0", "5 0.4 0.55 0.1"), "bad.msh:", "not planar");
        assertError(SQUARE_22.replace("3 1 2 2 2 2 3", "3 1 2 2 2 2 4"), "bad.msh:25:", "is not a side of any 2D element");
        assertError(SQUARE_22.replace("2 5 \"plate\"", "2 5 plate"), "bad.msh:11:", "not in double quotes");
        assertError("hello\n", "bad.msh:1:", "expected a section header");
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> GmshReader.parse(SQUARE_41, "sq.msh", "left", "clamp"));
        assertTrue(missing.getMessage().startsWith("sq.msh:"), missing.getMessage());
        assertTrue(missing.getMessage().contains("physical group 'clamp' is missing; the file defines [bottom, corner,"
                + " left, plate, right, top]"), missing.getMessage());
        InvalidInputException noFile = assertThrows(InvalidInputException.class,
                () -> GmshReader.read(Path.of("/nonexistent/x.msh")));
        assertTrue(noFile.getMessage().startsWith("/nonexistent/x.msh: cannot read"), noFile.getMessage());
        assertEquals(0, noFile.line());
        assertEquals("sq.msh", missing.source().orElseThrow());
    }

    private static void assertError(String text, String prefix, String fragment) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> GmshReader.parse(text, "bad.msh"));
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        // the place is structured too: source, line (when the prefix names one) and the bare problem
        assertEquals(java.util.Optional.of("bad.msh"), e.source());
        String line = prefix.substring("bad.msh:".length()).replace(":", "");
        if (!line.isEmpty()) {
            assertEquals(Integer.parseInt(line), e.line(), e.getMessage());
        }
        assertTrue(e.problem().contains(fragment) && !e.problem().startsWith("bad.msh"), e.problem());
        assertTrue(e.getMessage().endsWith(": " + e.problem()), e.getMessage());
    }

    private static String square(String version) {
        return version.equals("2.2") ? SQUARE_22 : SQUARE_41;
    }
}
