package org.isthmus.cases.run;

import static org.isthmus.cases.run.CaseRunnerTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.potential.eam.EamPotential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.cases.casefile.Case;
import org.isthmus.coupling.cohesive.HalfCrystals;
import org.isthmus.coupling.cohesive.SeparationTable;
import org.isthmus.coupling.crystal.CubicLattice;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.isthmus.coupling.fracture.CrystalReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kinds cohesive and adhesion end to end: the law of Stillinger–Weber Si (111) from the rigid
 * separation against the surface energy of a slab (an independent computation), and the pull-off
 * work of two blocks across the law derived for Zhou-EAM Cu (111) against the law's work of
 * separation (issue 6, acceptance test 5), also for Cu on Ni across the interface law.
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
        Path out = tmp.resolve("out");
        Summary s = copperAdhesion(tmp, "  points: 41\n  steps: 150\n");
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
        Path out = tmp.resolve("out");
        Summary s = copperAdhesion(tmp, EDGE);
        assertTrue(s.complete());
        Map<String, Figure> f = s.figures();
        assertEquals(1, f.get("adhesion_over_separation").value(), 0.02);
        assertTrue(f.get("snap_loss").value() > -0.02 * f.get("law_work_of_separation").value());
        assertEquals(f.get("grip_work").value() - f.get("work_of_adhesion").value(), f.get("snap_loss").value(), 1e-9);
        assertTrue(f.get("atoms").value() > 100 && f.get("peak_traction").value() > 1);
        assertTrue(Math.abs(f.get("final_force").value()) < 0.1);
        assertTrue(Files.readAllLines(out.resolve(AdhesionRunner.TABLE)).size() > 6, "a header and the grip steps");
        assertTrue(Files.size(out.resolve(AdhesionRunner.PLOT)) > 1000);
    }

    /**
     * Cu below Ni with atoms at the edge of contact (adhesion.upper and adhesion.atomistic, example
     * 2 of issue 7 in one case): the energy of separation equal to
     * the interface law's W_adh within 2 %, the misfit's dead load doing a negligible share of it,
     * and the interface figures of the two-crystal kind beside those of the pull.
     */
    @Test
    void copperOnNickelWithAtomsAtTheEdgeOfContact(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Summary s = copperAdhesion(tmp, UPPER_NI + EDGE);
        assertTrue(s.complete());
        Map<String, Figure> f = s.figures();
        double w = f.get("law_work_of_separation").value();
        assertEquals(1, f.get("adhesion_over_separation").value(), 0.02);
        assertTrue(Math.abs(f.get("ghost_correction_work").value()) < 0.005 * w, "dead load of the misfit");
        assertEquals(f.get("surface_energy_lower").value() + f.get("surface_energy_upper").value() - w,
                f.get("interface_energy").value(), 1e-12);
        assertTrue(Math.abs(f.get("final_force").value()) < 0.1);
        String steps = Files.readString(out.resolve(AdhesionRunner.TABLE));
        assertTrue(steps.lines().count() > 6, "a header and the grip steps");
    }

    /** adhesion.upper: Ni (111) above the Cu block. */
    private static final String UPPER_NI =
            "  upper: {lattice: fcc, element: Ni, lattice_constant: \"3.52 Å\", plane: \"111\", direction: \"1-10\"}\n";
    /** Atoms at the edge of contact, coarse grip steps. */
    private static final String EDGE = "  points: 41\n  max_opening: \"6 Å\"\n  atomistic: {bonded_length: \"28 Å\", grip_step: \"1 Å\"}\n";

    /**
     * Runs kind adhesion with the Zhou EAM and a Cu (111)[1-10] crystal into {@code tmp/out},
     * {@code lines} (YAML lines indented by two spaces) added to the adhesion section.
     */
    private static Summary copperAdhesion(Path tmp, String lines) throws Exception {
        Path eam = Path.of("..", "examples", "cuni-zhou.yaml").toAbsolutePath().normalize();
        Case c = parse("""
                kind: adhesion
                potential: %s
                adhesion:
                  crystal: {lattice: fcc, element: Cu, lattice_constant: "3.615 Å", plane: "111", direction: "1-10"}
                %s""".formatted(eam, lines), tmp);
        return CaseRunner.run(c, quiet(tmp.resolve("out")));
    }

    /**
     * Cu below Ni (adhesion.upper): the pull-off work equals the interface law's W_adh within 2 %;
     * W_adh agrees with an independent computation (slab energies without the mask at the law's
     * gap), γ_Cu and γ_Ni with slab surface energies, and for this EAM lies between the two
     * cleavage works, 2γ_Cu < W_adh < 2γ_Ni, so γ_CuNi = γ_Cu + γ_Ni − W_adh is small and positive.
     */
    @Test
    void copperOnNickelPullOffWorkEqualsTheInterfaceLawsWorkOfAdhesion(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Summary s = copperAdhesion(tmp, UPPER_NI + "  points: 41\n  steps: 150\n");
        assertTrue(s.complete());
        Map<String, Figure> f = s.figures();
        double w = f.get("law_work_of_separation").value();
        double gCu = f.get("surface_energy_lower").value();
        double gNi = f.get("surface_energy_upper").value();
        assertEquals(1, f.get("work_of_adhesion").value() / w, 0.02, "pull-off work against W_adh");
        assertEquals(0, f.get("final_force").value(), 1e-8, "separated at the end");
        assertEquals(gCu + gNi - w, f.get("interface_energy").value(), 1e-12);
        assertTrue(2 * gCu * 1.02 < w && w < 2 * gNi * 0.98, "2γ_Cu < W_adh < 2γ_Ni: " + gCu + " " + w + " " + gNi);
        assertTrue(f.get("interface_energy").value() > 0 && f.get("interface_energy").value() < 0.1 * gCu);
        assertTrue(f.get("upper_normal_modulus").value() > 1.2 * f.get("normal_modulus").value(), "Ni is stiffer");
        assertEquals(3.615 / 3.52 - 1, f.get("upper_strain_x").value(), 1e-12, "1×1 periods matched");
        // independent: each crystal's slab surface energy, and W_adh from slabs without the mask
        EamPotential zhou = ZhouEam.of(Element.of("Cu"), Element.of("Ni"));
        for (String[] e : new String[][] {{"Cu", "3.615", "surface_energy_lower"}, {"Ni", "3.52", "surface_energy_upper"}}) {
            double g = CrystalReference.relaxed(zhou, Element.of(e[0]), CubicLattice.FCC, Double.parseDouble(e[1]))
                    .surfaceEnergy(new int[] {1, 1, 1}, new int[] {1, -1, 0}, 3, false) * SeparationTable.J_PER_M2;
            assertEquals(g, f.get(e[2]).value(), 2e-3 * g, e[0]);
        }
        OrientedCrystal cu = OrientedCrystal.of("fcc", Element.of("Cu"), 3.615, "111", "1-10");
        OrientedCrystal ni = OrientedCrystal.of("fcc", Element.of("Ni"), 3.52, "111", "1-10");
        HalfCrystals joined = HalfCrystals.adhesion(cu, 1, 1, ni, 1, 1, 2 * zhou.cutoff(), f.get("interface_gap").value());
        Request r = Request.defaults().withGradient(false);
        double apart = zhou.compute(part(joined.reference(), HalfCrystals.BODY_A), r).energy()
                + zhou.compute(part(joined.reference(), HalfCrystals.BODY_B), r).energy();
        double independent = (apart - zhou.compute(joined.reference(), r).energy()) / joined.area() * SeparationTable.J_PER_M2;
        assertEquals(independent, w, 1e-9 * w);
        JsonNode law = new ObjectMapper().readTree(out.resolve(CohesiveRunner.LAW_JSON).toFile());
        assertEquals(w, law.path("interface").path("work_of_adhesion_J_per_m2").asDouble(), 1e-12);
        assertEquals("Ni", law.path("upper").path("species").asText());
        assertTrue(Files.size(out.resolve(AdhesionRunner.PLOT)) > 1000);
    }

    /** The atoms of one body of {@code c}, in the same cell. */
    private static Configuration part(Configuration c, int label) {
        int n = 0;
        for (int i = 0; i < c.size(); i++) {
            n += c.label(i) == label ? 1 : 0;
        }
        double[] p = new double[3 * n];
        Element[] e = new Element[n];
        int k = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.label(i) == label) {
                for (int x = 0; x < 3; x++) {
                    p[3 * k + x] = c.x(i, x);
                }
                e[k++] = c.species(i);
            }
        }
        return Configuration.of(e, p, c.cell());
    }
}
