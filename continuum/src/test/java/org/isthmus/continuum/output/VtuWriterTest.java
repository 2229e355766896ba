package org.isthmus.continuum.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.isthmus.continuum.cohesive.BilinearLaw;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.solve.CohesiveInterface;
import org.isthmus.continuum.solve.FeModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The .vtu is well-formed XML with the declared counts and arrays; the .pvd lists every step;
 * cohesive interface faces become extra cells carrying their damage and opening.
 */
class VtuWriterTest {

    @Test
    void writesParsableGridAndSeries(@TempDir Path dir) throws Exception {
        Mesh base = StructuredMeshes.rectangle(2, 1, 2, 1, ElementType.QUAD4);
        Map<String, int[]> esets = new LinkedHashMap<>();
        esets.put("all", new int[] {0, 1});
        esets.put("left", new int[] {0});
        Mesh mesh = new Mesh(2, base.coordinates(), new ElementType[] {ElementType.QUAD4, ElementType.QUAD4},
                new int[][] {base.nodes(0), base.nodes(1)}, Map.of(), esets, Map.of());
        FeModel model = new FeModel(mesh, Section.planeStrain(1), LinearElastic.isotropic(100, 0.3));
        double[] u = new double[model.dofCount()];
        for (int a = 0; a < mesh.nodeCount(); a++) {
            u[2 * a] = 0.01 * mesh.x(a, 0);
        }
        PvdSeries series = new PvdSeries(dir.resolve("run.pvd"));
        series.add(0.5, model, u);
        Path vtu = series.add(1.0, model, u);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(vtu.toFile());
        Element piece = (Element) doc.getElementsByTagName("Piece").item(0);
        assertEquals("6", piece.getAttribute("NumberOfPoints"));
        assertEquals("2", piece.getAttribute("NumberOfCells"));
        NodeList arrays = doc.getElementsByTagName("DataArray");
        Map<String, String> content = new LinkedHashMap<>();
        for (int i = 0; i < arrays.getLength(); i++) {
            Element a = (Element) arrays.item(i);
            content.put(a.getAttribute("Name"), a.getTextContent().trim());
        }
        assertTrue(content.keySet().containsAll(java.util.List.of("connectivity", "offsets", "types",
                "displacement", "stress", "strain", "region")), content.keySet().toString());
        assertEquals("0\n-1", content.get("region"));
        assertEquals("9\n9", content.get("types"));
        String[] strain = content.get("strain").split("\\s+");
        // Green–Lagrange E_11 = ½((1.01)² − 1)
        assertEquals(0.5 * (1.01 * 1.01 - 1), Double.parseDouble(strain[0]), 1e-12);
        Document pvd = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("run.pvd").toFile());
        assertEquals(2, pvd.getElementsByTagName("DataSet").getLength());
        assertTrue(Files.exists(dir.resolve("run_0000.vtu")));
    }

    @Test
    void cohesiveFacesAreCellsWithDamageAndOpening(@TempDir Path dir) throws Exception {
        // slit of two faces, x ∈ [0, 1] and [1, 2], tip at (2, 1)
        Mesh mesh = StructuredMeshes.slitRectangle(4, 2, 2, 4, 4, 1, ElementType.QUAD4);
        BilinearLaw law = new BilinearLaw(3, 0.6, 300);
        Section section = Section.planeStrain(1);
        CohesiveInterface ci = new CohesiveInterface(mesh, section, "crackUpper", "crackLower", law);
        Material[] m = new Material[mesh.elementCount()];
        java.util.Arrays.fill(m, LinearElastic.isotropic(100, 0.3));
        FeModel model = new FeModel(mesh, section, m, 1, ci);
        double[] u = new double[model.dofCount()];
        for (int a : mesh.nodeSet("crackUpper")) {
            u[2 * a + 1] = 0.1;
        }
        model.commitHistory(u);
        Path vtu = dir.resolve("cz.vtu");
        VtuWriter.write(vtu, model, u);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(vtu.toFile());
        Element piece = (Element) doc.getElementsByTagName("Piece").item(0);
        assertEquals(Integer.toString(mesh.elementCount() + 2), piece.getAttribute("NumberOfCells"));
        NodeList arrays = doc.getElementsByTagName("DataArray");
        Map<String, String[]> content = new LinkedHashMap<>();
        for (int i = 0; i < arrays.getLength(); i++) {
            Element a = (Element) arrays.item(i);
            content.put(a.getAttribute("Name"), a.getTextContent().trim().split("\\s+"));
        }
        int ne = mesh.elementCount();
        String[] types = content.get("types");
        assertEquals(ne + 2, types.length);
        assertEquals("9", types[ne]);
        assertEquals("9", types[ne + 1]);
        // the first face pair is the quad (a0, a1, b1, b0): upper copies then the lower nodes reversed
        String[] conn = content.get("connectivity");
        int[] upper = mesh.nodeSet("crackUpper");
        int[] lower = mesh.nodeSet("crackLower");
        int first = 4 * ne;
        assertEquals(upper[0], Integer.parseInt(conn[first]));
        assertEquals(upper[1], Integer.parseInt(conn[first + 1]));
        assertEquals(lower[1], Integer.parseInt(conn[first + 2]));
        assertEquals(lower[0], Integer.parseInt(conn[first + 3]));
        String[] damage = content.get("cohesiveDamage");
        String[] opening = content.get("cohesiveOpening");
        assertEquals(ne + 2, damage.length);
        assertEquals(3 * (ne + 2), opening.length);
        assertEquals(0, Double.parseDouble(damage[0]));
        // face 0 opens uniformly by 0.1; face 1 linearly from 0.1 to 0 at the tip (2-point Gauss)
        assertEquals(law.damage(0.1), Double.parseDouble(damage[ne]), 1e-12);
        double g = 0.05 / Math.sqrt(3);
        assertEquals(0.5 * (law.damage(0.05 + g) + law.damage(0.05 - g)), Double.parseDouble(damage[ne + 1]), 1e-12);
        assertEquals(0.1, Double.parseDouble(opening[3 * ne]), 1e-12);
        assertEquals(0, Double.parseDouble(opening[3 * ne + 1]), 1e-12);
        assertEquals(0.05, Double.parseDouble(opening[3 * ne + 3]), 1e-12);
        String[] region = content.get("region");
        assertEquals("0", region[ne]);
        assertTrue(doc.getFirstChild().getNodeValue().contains("0=cohesive0"), doc.getFirstChild().getNodeValue());
    }
}
