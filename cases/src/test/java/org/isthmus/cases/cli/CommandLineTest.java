package org.isthmus.cases.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.potential.pair.LennardJones;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in-process, on a Lennard-Jones argon crystal. */
class CommandLineTest {

    @TempDir
    Path dir;
    Path lj;
    Path crystal;

    @BeforeEach
    void files() throws IOException {
        lj = dir.resolve("argon.yaml");
        Files.writeString(lj, """
                potential: lennard-jones
                cutoff: 8.5            # Å
                species:
                  Ar: {epsilon: 0.0103408, sigma: 3.405}
                """);
        crystal = dir.resolve("ar.xyz");
        Configuration c = Lattices.fcc(Element.of("Ar"), 5.26, 2, 2, 2);
        double[] p = c.positions();
        p[0] += 0.1;
        ExtendedXyz.write(crystal, List.of(c.withPositions(p)));
    }

    @Test
    void predictWritesEnergiesAndForcesThatMatchTheLibrary() throws IOException {
        Path out = dir.resolve("pred.xyz");
        CliRun r = CliRun.of("predict", "--potential", lj.toString(), "--structure", crystal.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("frame 1: 32 atoms"), r.out());
        Configuration written = ExtendedXyz.read(out).get(0);
        LennardJones p = LennardJones.builder(8.5).species(Element.of("Ar"), 0.0103408, 3.405).build();
        var e = p.compute(ExtendedXyz.read(crystal).get(0));
        assertEquals(e.energy(), written.referenceEnergy().getAsDouble(), 1e-12);
        double[] f = written.referenceForces();
        for (int k = 0; k < f.length; k++) {
            assertEquals(e.forces()[k], f[k], 1e-12);
        }
    }

    @Test
    void relaxConvergesAndWritesTheStructure() throws IOException {
        Path out = dir.resolve("relaxed.xyz");
        CliRun r = CliRun.of("relax", "--potential", lj.toString(), "--structure", crystal.toString(), "--fmax", "1e-4",
                "--out", out.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertTrue(Files.exists(out));
    }

    @Test
    void relaxThatCannotConvergeSaysSoWithExitCode3() {
        CliRun r = CliRun.of("relax", "--potential", lj.toString(), "--structure", crystal.toString(), "--fmax", "1e-9",
                "--max-steps", "2", "--quiet");
        assertEquals(Isthmus.RUN_FAILED, r.exitCode(), r.out());
        assertTrue(r.err().contains("not converged"), r.err());
    }

    @Test
    void shortMdConservesEnergyAndWritesATrajectory() throws IOException {
        Path out = dir.resolve("traj.xyz");
        CliRun r = CliRun.of("md", "--potential", lj.toString(), "--structure", crystal.toString(), "--steps", "200",
                "--dt", "5", "--temperature", "30", "--every", "50", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(5, ExtendedXyz.read(out).size(), "frames at steps 0, 50, …, 200");
        assertTrue(r.out().contains("largest |E_tot"), r.out());
    }

    @Test
    void benchEndsWithTheThroughputLine() {
        CliRun r = CliRun.of("bench", "--potential", lj.toString(), "--structure", crystal.toString(), "--repeat", "2",
                "--warmup", "1", "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertTrue(lines[lines.length - 1].matches("throughput: [0-9.]+ atom-evaluations/s"), lines[lines.length - 1]);
        assertTrue(r.out().contains("speed-up 2 threads vs 1 thread"), r.out());
    }

    @Test
    void missingStructureFileIsAOneLineErrorWithExitCode2() {
        CliRun r = CliRun.of("predict", "--potential", lj.toString(), "--structure", dir.resolve("nope.xyz").toString());
        assertEquals(Isthmus.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("nope.xyz"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void unknownElementForThePotentialIsReported() throws IOException {
        Path cu = dir.resolve("cu.xyz");
        ExtendedXyz.write(cu, List.of(Lattices.fcc(Element.of("Cu"), 3.6, 1, 1, 1)));
        CliRun r = CliRun.of("predict", "--potential", lj.toString(), "--structure", cu.toString());
        assertEquals(Isthmus.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("cu.xyz") && r.err().contains("atom 1 is Cu"), r.err());
    }

    @Test
    void malformedStructureLineNamesFileAndLine() throws IOException {
        Path bad = dir.resolve("bad.xyz");
        Files.writeString(bad, "2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nAr 0 0 0\nAr 1.0 x 0\n");
        CliRun r = CliRun.of("predict", "--potential", lj.toString(), "--structure", bad.toString());
        assertEquals(Isthmus.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("bad.xyz:4"), r.err());
    }

    @Test
    void failedRunLeavesNoOutputFile() throws IOException {
        Path cu = dir.resolve("cu.xyz");
        ExtendedXyz.write(cu, List.of(Lattices.fcc(Element.of("Cu"), 3.6, 1, 1, 1)));
        Path out = dir.resolve("never.xyz");
        CliRun.of("predict", "--potential", lj.toString(), "--structure", cu.toString(), "--out", out.toString());
        assertFalse(Files.exists(out));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("partial")), "no partial file left behind");
        }
    }

    @Test
    void badOptionValueIsExitCode2() {
        CliRun r = CliRun.of("md", "--potential", lj.toString(), "--structure", crystal.toString(), "--dt", "-1");
        assertEquals(Isthmus.INVALID_INPUT, r.exitCode());
        CliRun u = CliRun.of("predict", "--potential", lj.toString(), "--structure", crystal.toString(),
                "--potential-units", "furlong,erg");
        assertEquals(Isthmus.INVALID_INPUT, u.exitCode());
        assertTrue(u.err().contains("furlong,erg"), u.err());
    }
}
