package org.isthmus.continuum.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.continuum.solve.FeModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The .vtu is well-formed XML with the declared counts and arrays; the .pvd lists every step. */
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
}
