package org.isthmus.continuum.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.cohesive.BilinearLaw;
import org.isthmus.continuum.cohesive.ExponentialLaw;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.continuum.solve.CohesiveInterface;
import org.isthmus.continuum.solve.FeModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The cohesive faces' own VTU: re-read as XML, one line cell per 2D face and one quadrilateral per
 * 3D face on shared points, the opening, traction (against the law evaluated independently),
 * energy, damage, weight and label of each face; the series lists it as part 1 of each step.
 */
class CohesiveVtuWriterTest {

    /** The piece's attributes and every DataArray's values, by name. */
    record Grid(int points, int cells, Map<String, double[]> arrays, String comment) {
    }

    static Grid read(Path vtu) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(vtu.toFile());
        Element piece = (Element) doc.getElementsByTagName("Piece").item(0);
        NodeList list = doc.getElementsByTagName("DataArray");
        Map<String, double[]> arrays = new LinkedHashMap<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element a = (Element) list.item(i);
            String text = a.getTextContent().trim();
            String name = a.getAttribute("Name").isEmpty() ? "points" : a.getAttribute("Name");
            arrays.put(name, text.isEmpty() ? new double[0]
                    : Arrays.stream(text.split("\\s+")).mapToDouble(Double::parseDouble).toArray());
        }
        return new Grid(Integer.parseInt(piece.getAttribute("NumberOfPoints")),
                Integer.parseInt(piece.getAttribute("NumberOfCells")), arrays, doc.getFirstChild().getNodeValue());
    }

    @Test
    void slitFacesAreLinesWithTheirOpeningAndTraction(@TempDir Path dir) throws Exception {
        // slit of two faces, x ∈ [0, 1] and [1, 2], tip at (2, 1)
        Mesh mesh = StructuredMeshes.slitRectangle(4, 2, 2, 4, 4, 1, ElementType.QUAD4);
        BilinearLaw law = new BilinearLaw(3, 0.6, 300);
        Section section = Section.planeStrain(1);
        CohesiveInterface ci = new CohesiveInterface(mesh, section, "crackUpper", "crackLower", law);
        Material[] m = new Material[mesh.elementCount()];
        Arrays.fill(m, LinearElastic.isotropic(100, 0.3));
        FeModel model = new FeModel(mesh, section, m, 1, ci);
        double[] u = new double[model.dofCount()];
        for (int a : mesh.nodeSet("crackUpper")) {
            u[2 * a + 1] = 0.1;
            u[2 * a] = 0.002;
        }
        model.commitHistory(u);
        Path vtu = dir.resolve("faces.vtu");
        CohesiveVtuWriter.write(vtu, mesh, u, CohesiveVtuWriter.faces(model, u));
        Grid g = read(vtu);
        assertEquals(2, g.cells());
        assertEquals(3, g.points(), "the tip and the two faces' other ends; the middle pair is shared");
        assertEquals(List.of(3.0, 3.0), box(g.arrays().get("types")));
        double[] conn = g.arrays().get("connectivity");
        assertEquals(conn[1], conn[2], "the faces share the point of their common node pair");
        double[] pts = g.arrays().get("points");
        double[] jump = g.arrays().get("jump");
        double[] disp = g.arrays().get("displacement");
        // every point at a node of the slit, its jump that node's u_A − u_B
        for (int p = 0; p < g.points(); p++) {
            assertEquals(0, pts[3 * p + 2]);
            assertEquals(1, pts[3 * p + 1], 1e-12, "on the line y = 1");
            boolean open = pts[3 * p] < 2 - 1e-9;   // all but the tip, whose node is shared
            assertEquals(open ? 0.1 : 0, jump[3 * p + 1], 1e-12, "point " + p);
            assertEquals(open ? 0.05 : 0, disp[3 * p + 1], 1e-12, "mid-surface displacement at point " + p);
        }
        // face 0 opens uniformly: δ = (0.1, ±0.002); traction, φ and damage those of the law there
        double[] opening = g.arrays().get("opening");
        double[] traction = g.arrays().get("traction");
        double[] faceOpening = ci.faceOpening(u);
        double[] d0 = {faceOpening[0], faceOpening[1], 0};
        assertEquals(0.1, opening[0], 1e-12);
        assertEquals(0.002, Math.abs(opening[1]), 1e-12);
        double[] t = new double[3];
        double phi = law.evaluate(d0, law.updatedHistory(d0, 0), t, null);
        assertEquals(t[0], traction[0], 1e-12);
        assertEquals(t[1], traction[1], 1e-12);
        assertEquals(phi, g.arrays().get("energyDensity")[0], 1e-12);
        assertEquals(phi / law.workOfSeparation(), g.arrays().get("progress")[0], 1e-12);
        assertEquals(law.damage(law.updatedHistory(d0, 0)), g.arrays().get("damage")[0], 1e-12);
        assertTrue(g.arrays().get("damage")[0] > 0, "past the bilinear law's peak");
        assertEquals(List.of(1.0, 1.0), box(g.arrays().get("weight")));
        assertEquals(List.of(0.0, 0.0), box(g.arrays().get("label")));
        assertTrue(g.comment().contains("0=cohesive0"), g.comment());
    }

    @Test
    void stackedBlocksGiveOneQuadrilateral(@TempDir Path dir) throws Exception {
        Mesh mesh = StructuredMeshes.stackedBlocks(2, 1);
        ExponentialLaw law = ExponentialLaw.of(5, 0.05, 0.08);
        CohesiveInterface ci = new CohesiveInterface(mesh, Section.solid(), "upperBottom", "lowerTop", law);
        Material[] m = {LinearElastic.isotropic(100, 0.3), LinearElastic.isotropic(100, 0.3)};
        FeModel model = new FeModel(mesh, Section.solid(), m, 1, ci);
        double[] u = new double[model.dofCount()];
        for (int a = 8; a < 16; a++) {
            u[3 * a + 2] = 0.03;   // the upper block lifted by 0.03
        }
        Path vtu = dir.resolve("faces.vtu");
        CohesiveVtuWriter.write(vtu, mesh, u, CohesiveVtuWriter.faces(model, u));
        Grid g = read(vtu);
        assertEquals(1, g.cells());
        assertEquals(4, g.points());
        assertEquals(List.of(9.0), box(g.arrays().get("types")));
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0), box(g.arrays().get("connectivity")));
        assertEquals(0.03, g.arrays().get("opening")[0], 1e-12, "normal opening from lower into upper");
        double[] t = new double[3];
        double phi = law.evaluate(new double[] {0.03, 0, 0}, 0, t, null);
        assertEquals(t[0], g.arrays().get("traction")[0], 1e-12);
        assertEquals(phi, g.arrays().get("energyDensity")[0], 1e-12);
        for (int p = 0; p < 4; p++) {
            assertEquals(1, g.arrays().get("points")[3 * p + 2], 1e-12, "on the plane z = h");
            assertEquals(0.015, g.arrays().get("displacement")[3 * p + 2], 1e-12);
        }
    }

    @Test
    void seriesListsTheFacesAsPartOneOfEachStep(@TempDir Path dir) throws Exception {
        Mesh mesh = StructuredMeshes.slitRectangle(4, 2, 2, 4, 4, 1, ElementType.QUAD4);
        Section section = Section.planeStrain(1);
        CohesiveInterface ci = new CohesiveInterface(mesh, section, "crackUpper", "crackLower", new BilinearLaw(3, 0.6, 300));
        Material[] m = new Material[mesh.elementCount()];
        Arrays.fill(m, LinearElastic.isotropic(100, 0.3));
        FeModel model = new FeModel(mesh, section, m, 1, ci);
        PvdSeries series = new PvdSeries(dir.resolve("run.pvd"));
        series.add(0.5, model, new double[model.dofCount()]);
        Path bulk = series.add(1.0, model, new double[model.dofCount()]);
        assertEquals("run_0001-cohesive.vtu", CohesiveVtuWriter.besides(bulk).getFileName().toString());
        assertEquals(2, read(CohesiveVtuWriter.besides(bulk)).cells());
        Document pvd = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("run.pvd").toFile());
        NodeList sets = pvd.getElementsByTagName("DataSet");
        assertEquals(4, sets.getLength());
        assertEquals("run_0000-cohesive.vtu", ((Element) sets.item(1)).getAttribute("file"));
        assertEquals("1", ((Element) sets.item(1)).getAttribute("part"));
        assertTrue(Files.exists(dir.resolve("run_0000-cohesive.vtu")));
    }

    @Test
    void mismatchedArraysAreRefused() {
        assertThrows(InvalidInputException.class, () -> new CohesiveFaces("x", new int[][] {{0, 1}}, new int[][] {{2, 3}},
                new double[3], new double[2], new double[1], new double[1], new double[1], 1));
    }

    private static List<Double> box(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
