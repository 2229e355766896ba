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

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.Units;
import org.isthmus.cases.casefile.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --resume} for kinds fe and relax (md: {@link CaseRunnerTest}). */
class ResumeTest {

    private static RunOptions quiet(Path dir) {
        return RunOptions.into(dir).withQuiet(true).withEcho(null);
    }

    /** A neo-Hookean bar stretched by 4 Å and sheared by a traction over 5 load steps: nonlinear, several Newton steps. */
    static String feCase(String stretch) {
        return """
                kind: fe
                fe:
                  mesh: {generator: box, size: [40, 10, 10], cells: [4, 2, 2]}
                  material: {model: neo_hookean, youngs_modulus: "100 GPa", poisson_ratio: 0.3}
                  boundary:
                    - {set: xmin, type: clamp}
                    - {set: xmax, type: displacement, component: x, value: "%s"}
                    - {set: ymax, type: traction, traction: ["0 GPa", "-0.5 GPa", "0 GPa"]}
                  solver: {load_steps: 5}
                """.formatted(stretch);
    }

    @Test
    void resumedFeRunEqualsUninterruptedRunBitForBit(@TempDir Path tmp) throws Exception {
        Case c = parse(feCase("4 Å"), tmp);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Summary full = CaseRunner.run(c, quiet(a));
        assertTrue(full.complete());
        assertThrows(RunOptions.SimulatedInterruption.class, () -> CaseRunner.run(c, quiet(b)
                .withAbortAfterCheckpoints(2)));
        // interrupted after load step 2: its VTUs are there, nothing that looks like a complete result
        for (String name : new String[] {Summary.FILE, "steps.csv", "solution.vtu", "solution.pvd", "load_displacement.png",
            "steps/solution_0003.vtu"}) {
            assertFalse(Files.exists(b.resolve(name)), name);
        }
        assertTrue(Files.exists(b.resolve("steps/solution_0002.vtu")));
        assertTrue(Files.exists(b.resolve("checkpoint.json")));
        Summary resumed = CaseRunner.run(c, quiet(b).withResume(true));
        assertTrue(resumed.complete());
        assertFalse(Files.exists(b.resolve("checkpoint.json")));
        for (String name : new String[] {"steps.csv", "solution.vtu", "solution.pvd", "steps/solution_0001.vtu",
            "steps/solution_0003.vtu", "steps/solution_0005.vtu"}) {
            assertEquals(Files.readString(a.resolve(name)), Files.readString(b.resolve(name)), name);
        }
        full.figures().forEach((k, v) -> assertEquals(Double.doubleToLongBits(v.value()),
                Double.doubleToLongBits(resumed.figures().get(k).value()), k));
        assertTrue(full.figures().get("newton_iterations").value() > 5, full.figures().toString());
        assertTrue(Files.readString(a.resolve("solution.pvd")).contains("timestep=\"0.4\" group=\"\" part=\"0\" "
                + "file=\"steps/solution_0002.vtu\""));
        assertTrue(Files.readString(a.resolve("run.log")).contains("load step"));
        assertTrue(Files.readString(b.resolve("run.log")).contains("resuming from the checkpoint after load step 2 of 5"));
        // a checkpoint is never resumed under a changed case
        assertThrows(RunOptions.SimulatedInterruption.class, () -> CaseRunner.run(c, quiet(tmp.resolve("d"))
                .withAbortAfterCheckpoints(1)));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CaseRunner.run(parse(feCase("3 Å"),
                tmp), quiet(tmp.resolve("d")).withResume(true)));
        assertTrue(e.getMessage().contains("different case"), e.getMessage());
        // killed after the step table was renamed into place but before the checkpoint was removed: still resumable
        Path d = tmp.resolve("d");
        Files.move(d.resolve(".steps.csv.partial"), d.resolve("steps.csv"));
        assertTrue(CaseRunner.run(c, quiet(d).withResume(true)).complete());
        assertEquals(Files.readString(a.resolve("steps.csv")), Files.readString(d.resolve("steps.csv")));
    }

    @Test
    void feStepTableFollowsTheLinearReactionAtEveryLoadStep(@TempDir Path tmp) {
        // a bar 100 × 10 × 10 Å, E = 100 GPa, ν = 0, stretched by 0.1 Å in 4 steps: R(λ) = λ E A ε
        Case c = parse("""
                kind: fe
                fe:
                  mesh: {generator: box, size: [100, 10, 10], cells: [4, 1, 1]}
                  material: {youngs_modulus: "100 GPa", poisson_ratio: 0}
                  boundary:
                    - {set: xmin, type: clamp}
                    - {set: xmax, type: displacement, component: x, value: "0.1 Å"}
                  solver: {load_steps: 4}
                outputs: {vtu: false}
                """, tmp);
        Summary s = CaseRunner.run(c, quiet(tmp.resolve("f")));
        var t = RunPlots.columns(tmp.resolve("f/steps.csv"));
        double full = 100 / Units.EV_PER_A3_IN_GPA * 100 * 0.1 / 100; // E · A · ε, eV/Å
        assertArrayEquals(new double[] {0.025, 0.05, 0.075, 0.1}, t.get("displacement_xmax_x_A"), 1e-15);
        for (int k = 0; k < 4; k++) {
            double lambda = (k + 1) / 4.0;
            assertEquals(lambda * full, t.get("reaction_xmax_x_eV_per_A")[k], 1e-9 * full);
            assertEquals(0.5 * lambda * full * lambda * 0.1, t.get("strain_energy_eV")[k], 1e-9 * full);
        }
        assertEquals(full, s.figures().get("reaction_xmax_x").value(), 1e-9 * full);
        assertFalse(Files.exists(tmp.resolve("f/solution.pvd")));
        assertTrue(Files.exists(tmp.resolve("f/load_displacement.png")));
    }

    @Test
    void resumedRelaxRunReachesTheSameMinimumWithinTheTolerance(@TempDir Path tmp) throws Exception {
        Case c = parse("""
                kind: relax
                potential: %s
                structure: {lattice: fcc, element: Ar, lattice_constant: "5.26 Å", repeat: [2, 2, 2], rattle: 0.15}
                relax: {fmax: "1e-4 eV/Å", checkpoint_every: 4}
                outputs: {every: 1}
                """.formatted(LJ), tmp);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Summary full = CaseRunner.run(c, quiet(a));
        assertTrue(full.figures().get("iterations").value() > 8, full.figures().toString());
        assertThrows(RunOptions.SimulatedInterruption.class, () -> CaseRunner.run(c, quiet(b)
                .withAbortAfterCheckpoints(2)));
        assertFalse(Files.exists(b.resolve("steps.csv")));
        assertFalse(Files.exists(b.resolve("relaxed.xyz")));
        assertFalse(Files.exists(b.resolve(Summary.FILE)));
        assertTrue(Files.exists(b.resolve("checkpoint.json")));
        Summary resumed = CaseRunner.run(c, quiet(b).withResume(true));
        assertTrue(resumed.complete());
        assertFalse(Files.exists(b.resolve("checkpoint.json")));
        // the same path up to the checkpoint at iteration 8, then a fresh minimiser from there
        List<String> ra = Files.readAllLines(a.resolve("steps.csv"));
        List<String> rb = Files.readAllLines(b.resolve("steps.csv"));
        assertEquals(ra.subList(0, 10), rb.subList(0, 10));
        assertTrue(rb.get(10).startsWith("9,"), rb.get(10));
        assertEquals(full.figures().get("initial_energy").value(), resumed.figures().get("initial_energy").value());
        assertTrue(resumed.figures().get("max_force").value() < 1e-4);
        // both at the same minimum: energies agree to ~|F|²/k, far below 1e-6 eV here
        assertEquals(full.figures().get("final_energy").value(), resumed.figures().get("final_energy").value(), 1e-6);
        assertTrue(Files.readString(b.resolve("run.log")).contains("resuming from the checkpoint at iteration 8"));
    }
}
