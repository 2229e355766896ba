package org.isthmus.cases.run;

import static org.isthmus.cases.run.CaseRunnerTest.LJ;
import static org.isthmus.cases.run.CaseRunnerTest.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.io.LammpsDump;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.cases.casefile.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LAMMPS dumps and plots of the case runners. */
class RunOutputsTest {

    private static RunOptions quiet(Path dir) {
        return RunOptions.into(dir).withQuiet(true).withEcho(null);
    }

    private static boolean isPng(Path p) throws Exception {
        byte[] b = Files.readAllBytes(p);
        return b.length > 8 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    @Test
    void mdDumpHasAFramePerRecordedStepAndSurvivesAResumeBitForBit(@TempDir Path tmp) throws Exception {
        Case c = parse("""
                kind: md
                potential: %s
                structure: {lattice: fcc, element: Ar, lattice_constant: "5.26 Å", repeat: [2, 2, 2], rattle: 0.05}
                md: {steps: 24, timestep: "5 fs", temperature: "40 K", checkpoint_every: 8}
                outputs: {every: 4, dump: true}
                """.formatted(LJ), tmp);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        CaseRunner.run(c, quiet(a));
        assertThrows(RunOptions.SimulatedInterruption.class, () -> CaseRunner.run(c, quiet(b)
                .withAbortAfterCheckpoints(1)));
        assertFalse(Files.exists(b.resolve("trajectory.dump")));
        CaseRunner.run(c, quiet(b).withResume(true));
        assertEquals(Files.readString(a.resolve("trajectory.dump")), Files.readString(b.resolve("trajectory.dump")));
        List<LammpsDump.Frame> frames = LammpsDump.read(a.resolve("trajectory.dump"));
        List<Configuration> xyz = ExtendedXyz.read(a.resolve("trajectory.xyz"));
        assertEquals(7, frames.size());
        assertEquals(xyz.size(), frames.size());
        for (int f = 0; f < frames.size(); f++) {
            LammpsDump.Frame d = frames.get(f);
            assertEquals(4L * f, d.timestep());
            // an fcc supercell is orthorhombic and axis-aligned: written as it is
            assertArrayEquals(xyz.get(f).positions(), d.configuration().positions());
            assertArrayEquals(xyz.get(f).referenceForces(), d.forces());
            assertEquals(32, d.velocities().length / 3);
            double sum = 0;
            for (double e : d.siteEnergies()) {
                sum += e;
            }
            // per-atom energies add up to the frame's potential energy
            assertEquals(xyz.get(f).referenceEnergy().getAsDouble(), sum, 1e-10);
        }
        assertTrue(isPng(a.resolve("energy.png")));
        assertTrue(isPng(a.resolve("temperature.png")));
    }

    @Test
    void relaxWritesTheRelaxedDumpAndItsPlots(@TempDir Path tmp) throws Exception {
        Case c = parse("""
                kind: relax
                potential: %s
                structure: {lattice: fcc, element: Ar, lattice_constant: "5.26 Å", repeat: [2, 2, 2], rattle: 0.1}
                relax: {fmax: "1e-3 eV/Å"}
                outputs: {dump: true}
                """.formatted(LJ), tmp);
        Summary s = CaseRunner.run(c, quiet(tmp.resolve("r")));
        LammpsDump.Frame d = LammpsDump.read(tmp.resolve("r/relaxed.dump")).get(0);
        Configuration x = ExtendedXyz.read(tmp.resolve("r/relaxed.xyz")).get(0);
        assertEquals((long) s.figures().get("iterations").value(), d.timestep());
        assertArrayEquals(x.positions(), d.configuration().positions());
        assertArrayEquals(x.referenceForces(), d.forces());
        assertTrue(isPng(tmp.resolve("r/energy.png")));
        assertTrue(isPng(tmp.resolve("r/force.png")));
    }

    @Test
    void runningMeanIsTheCumulativeAverage() {
        assertArrayEquals(new double[] {2, 3, 4}, RunPlots.runningMean(new double[] {2, 4, 6}), 0);
    }
}
