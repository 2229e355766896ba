package org.isthmus.cases.run;

import static org.isthmus.cases.run.CaseRunnerTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseError;
import org.isthmus.cases.casefile.CaseException;
import org.isthmus.cases.casefile.CaseInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fe cases on a mesh graded towards a zone ({@code fe.mesh.refine}): a plate stretched uniformly
 * gives the exact reaction on the graded mesh, the summary carries the mesh's quality (sizes at the
 * zone within the requested size and one growth step); and every request that cannot be met is
 * reported at its field, all at once.
 */
class GradedMeshCaseTest {

    private static String plate(String refine) {
        return """
                kind: fe
                fe:
                  mesh:
                    generator: rectangle
                    size: ["20 nm", "12 nm"]
                %s
                  material: {youngs_modulus: "100 GPa", poisson_ratio: 0}
                  boundary:
                    - {set: xmin, type: displacement, component: x, value: 0}
                    - {set: ymin, type: displacement, component: y, value: 0}
                    - {set: xmax, type: displacement, component: x, value: "0.2 Å"}
                """.formatted(refine);
    }

    @Test
    void stretchedPlateOnAGradedMeshGivesTheExactReactionAndItsQuality(@TempDir Path tmp) throws Exception {
        Case c = parse(plate("    refine: {zone: disc, centre: [\"10 nm\", \"6 nm\"], radius: \"2 nm\", element_size: \"3.6 Å\","
                + " growth: 1.3, max_size: \"2.5 nm\"}"), tmp);
        Summary s = CaseRunner.run(c, RunOptions.into(tmp.resolve("out")).withQuiet(true).withEcho(null));
        Map<String, Figure> f = s.figures();
        // plane strain, ν = 0: σ_xx = E ε over the 120 Å × 1 Å section
        double e = 100 / org.isthmus.atomistic.Units.EV_PER_A3_IN_GPA;
        double expected = e * 0.2 / 200 * 120;
        assertEquals(expected, f.get("reaction_xmax_x").value(), 1e-8 * expected);
        // the disc's square [80, 120] Å in 12 intervals of 3.33 Å; one growth step out where the disc touches it
        assertEquals(40.0 / 12, f.get("mesh_zone_min_size").value(), 1e-9);
        assertTrue(f.get("mesh_zone_max_size").value() <= 1.3 * 40 / 12 + 1e-9, f.toString());
        assertTrue(f.get("mesh_far_max_size").value() <= 25 + 1e-9);
        assertEquals(1, f.get("mesh_min_scaled_jacobian").value(), 1e-12);
        assertTrue(f.get("mesh_elements").value() < 60 * 36 / 2, "graded, not uniform at 3.6 Å: " + f.get("mesh_elements"));
        assertTrue(Files.readString(tmp.resolve("out").resolve("run.log")).contains("mesh graded towards the disc"));
        // the zone is a region of the VTU
        assertTrue(Files.readString(tmp.resolve("out").resolve("solution.vtu")).contains("0=zone"));
    }

    @Test
    void everyRefinementThatCannotBeMetIsReportedAtItsField(@TempDir Path tmp) {
        CaseException e = assertThrows(CaseException.class, () -> CaseInputs.load(parse(plate("    cells: [4, 4]\n    refine: {zone: sphere, centre: [\"1 nm\", \"1 nm\"], element_size: \"3 Å\"}"),
                tmp)));
        List<String> paths = e.errors().stream().map(CaseError::path).toList();
        assertTrue(paths.contains("fe.mesh") && paths.contains("fe.mesh.refine.zone"), e.getMessage());
        e = assertThrows(CaseException.class, () -> CaseInputs.load(parse(plate("    refine: {zone: disc, centre: [\"1 nm\", \"1 nm\", \"1 nm\"], element_size: \"3 Å\", growth: 2.5, max_size: \"1 Å\"}"),
                tmp)));
        paths = e.errors().stream().map(CaseError::path).toList();
        assertTrue(paths.containsAll(List.of("fe.mesh.refine", "fe.mesh.refine.centre", "fe.mesh.refine.growth",
                "fe.mesh.refine.max_size")), e.getMessage());
        assertTrue(e.getMessage().contains("needs 'radius'"), e.getMessage());
        // valid keys, but the zone comes within 1 Å of the plate's top: the generator's own refusal, at the field
        e = assertThrows(CaseException.class, () -> CaseInputs.load(parse(plate("    refine: {zone: box, lower: [\"5 nm\", \"5 nm\"], upper: [\"10 nm\", \"11.9 nm\"], element_size: \"3 Å\"}"),
                tmp)));
        assertEquals("fe.mesh.refine", e.errors().get(0).path(), e.getMessage());
        assertTrue(e.getMessage().contains("ymax") && e.getMessage().contains("half an element"), e.getMessage());
    }
}
