package org.isthmus.cases.run;

import static org.isthmus.cases.run.CaseRunnerTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.cases.casefile.Case;
import org.isthmus.coupling.fracture.CrystalReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kinds cohesive and adhesion end to end: the law of Stillinger–Weber Si (111) from the rigid
 * separation against the surface energy of a slab (an independent computation), and the pull-off
 * work of two blocks across the law derived for Zhou-EAM Cu (111) against the law's work of
 * separation (issue 6, acceptance test 5).
 */
class CohesiveRunnerTest {

    private static RunOptions quiet(Path dir) {
        return RunOptions.into(dir).withQuiet(true).withEcho(null);
    }

    @Test
    void cohesiveCaseWritesTheLawAndItsFiguresAgreeWithTheSlabSurfaceEnergy(@TempDir Path tmp) throws Exception {
        Case c = parse("""
                kind: cohesive
                potential: %s
                cohesive:
                  crystal: {lattice: diamond, element: Si, lattice_constant: "5.43095 Å", plane: "111", direction: "1-10"}
                  points: 41
                """.formatted(CrackRunnerTest.SW), tmp);
        Path out = tmp.resolve("out");
        Summary s = CaseRunner.run(c, quiet(out));
        assertTrue(s.complete());
        Map<String, Figure> f = s.figures();
        // rigid separation of the shuffle planes: W = 2γ_s of the unrelaxed cut, from a slab: γ_s = (E_slab − N e_coh)/2A
        double gamma = CrystalReference.diamond(StillingerWeber.silicon1985(), Element.of("Si"), 5.431)
                .surfaceEnergy(new int[] {1, 1, 1}, new int[] {1, -1, 0}, 3, false) * 16.02176634;
        assertEquals(gamma, f.get("surface_energy").value(), 2e-3 * gamma);
        assertEquals(2 * f.get("surface_energy").value(), f.get("work_of_separation").value(), 1e-12);
        assertEquals("J/m²", f.get("work_of_separation").unit());
        assertTrue(f.get("peak_traction").value() > 5 && f.get("peak_opening").value() > 0.2);
        for (String name : new String[] {"law.csv", "decohesion.csv", "law.json", "phi.png", "traction.png"}) {
            assertTrue(Files.size(out.resolve(name)) > 100, name);
        }
        assertEquals(42, Files.readAllLines(out.resolve("law.csv")).size());
        JsonNode law = new ObjectMapper().readTree(out.resolve(CohesiveRunner.LAW_JSON).toFile());
        assertEquals(f.get("work_of_separation").value(), law.path("work_of_separation").path("J_per_m2").asDouble(), 1e-12);
        assertTrue(law.has("uber_fit") && law.has("xu_needleman_fit"));
    }

    @Test
    void pullOffWorkEqualsTheLawsWorkOfSeparation(@TempDir Path tmp) throws Exception {
        Path eam = Path.of("..", "examples", "cuni-zhou.yaml").toAbsolutePath().normalize();
        Case c = parse("""
                kind: adhesion
                potential: %s
                adhesion:
                  crystal: {lattice: fcc, element: Cu, lattice_constant: "3.615 Å", plane: "111", direction: "1-10"}
                  points: 41
                  steps: 150
                """.formatted(eam), tmp);
        Path out = tmp.resolve("out");
        Summary s = CaseRunner.run(c, quiet(out));
        assertTrue(s.complete());
        Map<String, Figure> f = s.figures();
        assertEquals(1, f.get("adhesion_over_separation").value(), 0.02);
        assertEquals(f.get("law_peak_traction").value(), f.get("peak_traction").value(),
                0.02 * f.get("law_peak_traction").value());
        assertEquals(0, f.get("final_force").value(), 1e-8, "separated at the end");
        assertEquals(152, Files.readAllLines(out.resolve(AdhesionRunner.TABLE)).size());
        assertTrue(Files.size(out.resolve(AdhesionRunner.PLOT)) > 1000);
    }

    /** The adhesion case with atoms at the edge of contact: its files and figures (coarse grip steps). */
    @Test
    void adhesionWithAtomsAtTheEdgeOfContact(@TempDir Path tmp) throws Exception {
        Path eam = Path.of("..", "examples", "cuni-zhou.yaml").toAbsolutePath().normalize();
        Case c = parse("""
                kind: adhesion
                potential: %s
                adhesion:
                  crystal: {lattice: fcc, element: Cu, lattice_constant: "3.615 Å", plane: "111", direction: "1-10"}
                  points: 41
                  max_opening: "6 Å"
                  atomistic: {bonded_length: "28 Å", grip_step: "1 Å"}
                """.formatted(eam), tmp);
        Path out = tmp.resolve("out");
        Summary s = CaseRunner.run(c, quiet(out));
        assertTrue(s.complete());
        Map<String, Figure> f = s.figures();
        assertEquals(1, f.get("energy_over_separation").value(), 0.02);
        assertTrue(f.get("snap_loss").value() > -0.02 * f.get("law_work_of_separation").value());
        assertTrue(f.get("atoms").value() > 100 && f.get("peak_traction").value() > 1);
        assertTrue(Math.abs(f.get("final_force").value()) < 0.1);
        assertTrue(Files.readAllLines(out.resolve(AdhesionRunner.TABLE)).size() > 8);
        assertTrue(Files.size(out.resolve(AdhesionRunner.PLOT)) > 1000);
    }
}
