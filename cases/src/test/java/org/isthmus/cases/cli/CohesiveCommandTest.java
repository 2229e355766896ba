package org.isthmus.cases.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * {@code isthmus cohesive}: SW silicon (111) end to end (files, the surface energy 1.36 J/m² in
 * the summary, PNG plots), and input errors that name the option.
 */
class CohesiveCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path sw() throws Exception {
        Path p = dir.resolve("sw.yaml");
        Files.writeString(p, "potential: stillinger-weber\n");
        return p;
    }

    @Test
    void siliconShuffleEndToEnd() throws Exception {
        Path out = dir.resolve("out");
        CliRun r = run("cohesive", "--potential", sw().toString(), "--lattice", "diamond", "--a", "5.431", "--plane", "111",
                "--direction", "1-10", "--max-opening", "4", "--points", "41", "--max-slip", "1.9", "--slip-points", "5",
                "--quiet", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("work of separation"), r.out());
        for (String f : List.of("law.csv", "decohesion.csv", "surface.csv", "summary.json", "phi.png", "traction.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(1.36, s.get("surface_energy_J_per_m2").asDouble(), 0.005);
        assertEquals(s.get("work_of_separation").get("eV_per_A2").asDouble() * 16.02176634,
                s.get("work_of_separation").get("J_per_m2").asDouble(), 1e-9);
        assertTrue(s.get("peak_traction").get("GPa").asDouble() > 10);
        assertEquals(176.6, s.get("decohesion_form").get("normal_modulus_GPa").asDouble(), 1.0);
        List<String> law = Files.readAllLines(out.resolve("law.csv"));
        assertEquals(42, law.size());
        assertTrue(law.get(0).startsWith("opening_A,phi_eV_per_A2,phi_J_per_m2,traction_eV_per_A3,traction_GPa"));
        assertEquals(1 + 41 * 5, Files.readAllLines(out.resolve("surface.csv")).size());
        byte[] png = Files.readAllBytes(out.resolve("phi.png"));
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
    }

    @Test
    void errorsNameTheOption() throws Exception {
        String p = sw().toString();
        String o = dir.resolve("bad").toString();
        CliRun r = run("cohesive", "--potential", p, "--lattice", "hcp", "--a", "5.431", "--plane", "111", "--direction", "1-10", "--out", o);
        assertEquals(Isthmus.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("--lattice"), r.err());
        r = run("cohesive", "--potential", p, "--lattice", "diamond", "--a", "5.431", "--plane", "1x1", "--direction", "1-10", "--out", o);
        assertEquals(Isthmus.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("--plane"), r.err());
        r = run("cohesive", "--potential", p, "--lattice", "diamond", "--a", "5.431", "--plane", "111", "--direction", "100", "--out", o);
        assertEquals(Isthmus.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("perpendicular"), r.err());
        r = run("cohesive", "--potential", p, "--lattice", "fcc", "--a", "3.615", "--plane", "111", "--direction", "1-10",
                "--species", "Cu", "--out", o);
        assertEquals(Isthmus.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("--species Cu"), r.err());
        assertTrue(!Files.exists(dir.resolve("bad").resolve("summary.json")));
    }
}
