package org.isthmus.cases.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseRunnerTest {

    static final Path LJ = Path.of("..", "examples", "argon-lj.yaml").toAbsolutePath().normalize();

    static String mdCase(String thermostat) {
        return """
                kind: md
                potential: %s
                structure: {lattice: fcc, element: Ar, lattice_constant: "5.26 Å", repeat: [2, 2, 2], rattle: 0.05}
                md: {steps: 30, timestep: "5 fs", temperature: "40 K", thermostat: %s, friction: "5 1/ps",
                     checkpoint_every: 10}
                outputs: {every: 4}
                """.formatted(LJ, thermostat);
    }

    static Case parse(String text, Path dir) {
        return CaseReader.parse(text, dir.resolve("case.yaml").toString(), dir);
    }

    @Test
    void resumedMdRunEqualsUninterruptedRunBitForBit(@TempDir Path tmp) throws Exception {
        for (String thermostat : new String[] {"none", "langevin"}) {
            Case c = parse(mdCase(thermostat), tmp);
            Path a = tmp.resolve("a-" + thermostat);
            Path b = tmp.resolve("b-" + thermostat);
            Summary full = CaseRunner.run(c, RunOptions.into(a).withQuiet(true).withEcho(null));
            assertTrue(full.complete());
            assertThrows(RunOptions.SimulatedInterruption.class, () -> CaseRunner.run(c,
                    RunOptions.into(b).withQuiet(true).withEcho(null).withAbortAfterCheckpoints(2)));
            // interrupted: no summary, no complete-looking result file, a checkpoint
            assertFalse(Files.exists(b.resolve(Summary.FILE)));
            assertFalse(Files.exists(b.resolve("trajectory.xyz")));
            assertFalse(Files.exists(b.resolve("steps.csv")));
            assertTrue(Files.exists(b.resolve("checkpoint.json")));
            Summary resumed = CaseRunner.run(c, RunOptions.into(b).withQuiet(true).withEcho(null).withResume(true));
            assertTrue(resumed.complete());
            assertEquals(Files.readString(a.resolve("trajectory.xyz")), Files.readString(b.resolve("trajectory.xyz")),
                    thermostat);
            assertEquals(Files.readString(a.resolve("steps.csv")), Files.readString(b.resolve("steps.csv")), thermostat);
            full.figures().forEach((k, v) -> assertEquals(Double.doubleToLongBits(v.value()),
                    Double.doubleToLongBits(resumed.figures().get(k).value()), thermostat + " " + k));
            assertFalse(Files.exists(b.resolve("checkpoint.json")));
            // 30 steps, a row every 4 steps and at step 0: 8 rows and a header
            assertEquals(9, Files.readAllLines(a.resolve("steps.csv")).size());
        }
    }

    @Test
    void nveEnergyIsConservedAndLangevinDiffers(@TempDir Path tmp) {
        Summary nve = CaseRunner.run(parse(mdCase("none"), tmp), RunOptions.into(tmp.resolve("n")).withQuiet(true)
                .withEcho(null));
        Summary nvt = CaseRunner.run(parse(mdCase("langevin"), tmp), RunOptions.into(tmp.resolve("t")).withQuiet(true)
                .withEcho(null));
        double e = Math.abs(nve.figures().get("final_total_energy").value());
        assertTrue(nve.figures().get("max_total_energy_deviation").value() < 1e-3 * e, nve.figures().toString());
        assertNotEquals(nve.figures().get("final_total_energy").value(), nvt.figures().get("final_total_energy").value());
    }

    @Test
    void langevinRunReportsTheMeanTemperatureAndTheDulongPetitHeatCapacity(@TempDir Path tmp) {
        // a cold argon crystal is nearly harmonic: C_V ≈ 3 k_B per atom (less the 3 momentum modes of 32 atoms)
        Case c = parse("""
                kind: md
                potential: %s
                structure: {lattice: fcc, element: Ar, lattice_constant: "5.2576 Å", repeat: [2, 2, 2]}
                md: {steps: 8000, timestep: "10 fs", temperature: "10 K", thermostat: langevin, friction: "5 1/ps",
                     checkpoint_every: 4000}
                outputs: {every: 5, trajectory: false}
                """.formatted(LJ), tmp);
        Summary s = CaseRunner.run(c, RunOptions.into(tmp.resolve("cv")).withQuiet(true).withEcho(null));
        var f = s.figures();
        double t = f.get("mean_temperature").value();
        double dt = f.get("mean_temperature_error").value();
        assertEquals(10, t, Math.max(4 * dt, 0.3), "mean temperature " + t + " ± " + dt);
        double cv = f.get("heat_capacity_per_atom").value();
        double err = f.get("heat_capacity_per_atom_error").value();
        // the plumbing (the estimator itself is tested on an ideal harmonic crystal in the atomistic module):
        // 40 ps of sampling gives C_V to about ±20 %
        assertEquals(3 * 31.0 / 32, cv, Math.max(4 * err, 0.3), "C_V per atom " + cv + " ± " + err);
        assertTrue(err > 0 && err < 1.0, "error bar " + err);
    }

    @Test
    void relaxLowersTheEnergyAndWritesTheStructure(@TempDir Path tmp) throws Exception {
        Case c = parse("""
                kind: relax
                potential: %s
                structure: {lattice: fcc, element: Ar, lattice_constant: "5.26 Å", repeat: [2, 2, 2], rattle: 0.1}
                relax: {fmax: "1e-4 eV/Å"}
                outputs: {every: 1}
                """.formatted(LJ), tmp);
        Summary s = CaseRunner.run(c, RunOptions.into(tmp.resolve("r")).withQuiet(true).withEcho(null));
        assertTrue(s.complete());
        assertTrue(s.figures().get("final_energy").value() < s.figures().get("initial_energy").value());
        assertTrue(s.figures().get("max_force").value() < 1e-4);
        assertTrue(Files.size(tmp.resolve("r/relaxed.xyz")) > 0);
        assertTrue(Files.readString(tmp.resolve("r/case.resolved.yaml")).contains("minimizer: lbfgs"));
    }

    @Test
    void feReactionBalancesThePrescribedStretch(@TempDir Path tmp) throws Exception {
        // a bar 100 × 10 × 10 Å, E = 100 GPa, ν = 0: stretched by 0.1 Å, the reaction is E A ε
        Case c = parse("""
                kind: fe
                fe:
                  mesh: {generator: box, size: [100, 10, 10], cells: [4, 1, 1]}
                  material: {youngs_modulus: "100 GPa", poisson_ratio: 0}
                  boundary:
                    - {set: xmin, type: displacement, component: x, value: 0}
                    - {set: xmin, type: displacement, component: y, value: 0}
                    - {set: xmin, type: displacement, component: z, value: 0}
                    - {set: xmax, type: displacement, component: x, value: "0.01 nm"}
                """, tmp);
        Summary s = CaseRunner.run(c, RunOptions.into(tmp.resolve("f")).withQuiet(true).withEcho(null));
        double e = 100 / org.isthmus.atomistic.Units.EV_PER_A3_IN_GPA; // eV/Å³
        double expected = e * 100 * 0.1 / 100; // E · A · ε, eV/Å
        assertEquals(expected, s.figures().get("reaction_xmax_x").value(), 1e-9 * expected);
        assertEquals(-expected, s.figures().get("reaction_xmin_x").value(), 1e-9 * expected);
        assertEquals(0.5 * expected * 0.1, s.figures().get("strain_energy").value(), 1e-9 * expected);
        assertTrue(Files.readString(tmp.resolve("f/solution.vtu")).contains("displacement"));
        assertTrue(Files.exists(tmp.resolve("f/steps.csv")));
        assertTrue(Files.readString(tmp.resolve("f/summary.json")).contains("\"status\" : \"complete\""));
    }
}
