package org.isthmus.cases.run;

import static org.isthmus.cases.run.CaseRunnerTest.LJ;
import static org.isthmus.cases.run.CaseRunnerTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.isthmus.atomistic.Units;
import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseException;
import org.isthmus.cases.casefile.MdSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NPT through a case file: a 32-atom Lennard-Jones argon crystal at 40 K and 0.1 GPa with the
 * stochastic cell rescaling barostat. ⟨P⟩ equals the target within its blocked error, κ_T is
 * positive, finite and of the size of argon's (B of a few GPa), the step table has volume and
 * pressure, the trajectory carries a changing cell, and a run resumed from a checkpoint repeats
 * the uninterrupted one bit for bit.
 */
class NptCaseTest {

    static String nptCase(int steps, boolean trajectory) {
        return """
                kind: md
                potential: %s
                structure: {lattice: fcc, element: Ar, lattice_constant: "5.26 Å", repeat: [2, 2, 2], rattle: 0.02}
                md: {steps: %d, timestep: "5 fs", temperature: "40 K", thermostat: langevin, friction: "5 1/ps",
                     pressure: "0.1 GPa", barostat: {kind: scr, tau: "0.5 ps", compressibility: "0.3 1/GPa"},
                     checkpoint_every: %d}
                outputs: {every: %d, trajectory: %s, plots: false}
                """.formatted(LJ, steps, steps / 3, trajectory ? 8 : 4, trajectory);
    }

    private static RunOptions quiet(Path dir) {
        return RunOptions.into(dir).withQuiet(true).withEcho(null);
    }

    @Test
    void argonHoldsTheTargetPressureAndReportsTheCompressibility(@TempDir Path tmp) throws Exception {
        Summary s = CaseRunner.run(parse(nptCase(5400, false), tmp), quiet(tmp.resolve("npt")));
        Map<String, Figure> f = s.figures();
        double p = f.get("mean_pressure").value();
        double dp = f.get("mean_pressure_error").value();
        double kappa = f.get("compressibility").value();
        double dk = f.get("compressibility_error").value();
        System.out.printf("LJ Ar NPT 40 K, 0.1 GPa: <P> = %.4f ± %.4f GPa, <V> = %.2f ± %.2f Å3, <T> = %.2f ± %.2f K,"
                + " κ_T = %.3f ± %.3f 1/GPa, C_P = %.2f ± %.2f k_B/atom, α_P = %.2e ± %.1e 1/K%n", p, dp,
                f.get("mean_volume").value(), f.get("mean_volume_error").value(), f.get("mean_temperature").value(),
                f.get("mean_temperature_error").value(), kappa, dk, f.get("heat_capacity_p_per_atom").value(),
                f.get("heat_capacity_p_per_atom_error").value(), f.get("thermal_expansion").value(),
                f.get("thermal_expansion_error").value());
        assertTrue(dp > 0 && dp < 0.05, "pressure error " + dp);
        assertEquals(0.1, p, 4 * dp, "⟨P⟩ vs the target");
        assertTrue(Double.isFinite(kappa) && kappa > 0 && dk > 0 && dk < kappa, "κ_T " + kappa + " ± " + dk);
        // LJ argon near 0 K and 0 GPa has B ≈ 3 GPa; at 0.1 GPa and 40 K somewhat softer
        assertTrue(kappa > 0.1 && kappa < 1.5, "κ_T " + kappa + " 1/GPa");
        assertEquals(40, f.get("mean_temperature").value(), 4 * f.get("mean_temperature_error").value() + 0.5);
        List<String> rows = Files.readAllLines(tmp.resolve("npt/steps.csv"));
        assertTrue(rows.get(0).endsWith(",volume_A3,pressure_GPa"), rows.get(0));
        assertEquals(8, rows.get(1).split(",").length);
    }

    @Test
    void resumedNptRunEqualsUninterruptedRunBitForBit(@TempDir Path tmp) throws Exception {
        Case c = parse(nptCase(300, true), tmp);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Summary full = CaseRunner.run(c, quiet(a));
        assertThrows(RunOptions.SimulatedInterruption.class, () -> CaseRunner.run(c, quiet(b)
                .withAbortAfterCheckpoints(2)));
        String checkpoint = Files.readString(b.resolve("checkpoint.json"));
        assertTrue(checkpoint.contains("\"cell\""), "the checkpoint carries the cell");
        Summary resumed = CaseRunner.run(c, quiet(b).withResume(true));
        assertTrue(resumed.complete());
        assertFalse(Files.exists(b.resolve("checkpoint.json")));
        for (String name : new String[] {"steps.csv", "trajectory.xyz"}) {
            assertEquals(Files.readString(a.resolve(name)), Files.readString(b.resolve(name)), name);
        }
        full.figures().forEach((k, v) -> assertEquals(Double.doubleToLongBits(v.value()),
                Double.doubleToLongBits(resumed.figures().get(k).value()), k));
        // the cell moves: the trajectory's lattice lines differ from frame to frame
        List<String> lattices = Files.readAllLines(a.resolve("trajectory.xyz")).stream()
                .filter(l -> l.contains("Lattice=")).map(l -> l.replaceAll(".*Lattice=\"([^\"]*)\".*", "$1")).toList();
        assertTrue(lattices.size() > 10 && lattices.stream().distinct().count() > lattices.size() / 2,
                "cell trajectory " + lattices.size());
        assertTrue(full.figures().get("final_volume").value() > 0);
    }

    @Test
    void nptSettingsAreCheckedTogether(@TempDir Path tmp) {
        String base = """
                kind: md
                potential: %s
                structure: {lattice: fcc, element: Ar, lattice_constant: "5.26 Å"}
                md: {%s}
                """;
        for (String[] bad : new String[][] {
            {"thermostat: langevin, pressure: \"1 bar\"", "md.pressure"},
            {"thermostat: langevin, barostat: {compressibility: \"0.3 1/GPa\"}", "md.barostat"},
            {"pressure: \"1 bar\", barostat: {compressibility: \"0.3 1/GPa\"}", "md.thermostat"},
            {"thermostat: langevin, pressure: \"1 bar\", barostat: {tau: \"1 ps\"}", "compressibility"},
            {"thermostat: langevin, pressure: \"1 bar\", barostat: {compressibility: \"0.3 GPa\"}", "compressibility"}}) {
            CaseException e = assertThrows(CaseException.class, () -> parse(base.formatted(LJ, bad[0]), tmp), bad[0]);
            assertTrue(e.getMessage().contains(bad[1]), bad[0] + ": " + e.getMessage());
        }
        MdSection md = parse(base.formatted(LJ, "thermostat: langevin, pressure: \"1 bar\", barostat: "
                + "{compressibility: \"0.3 1/GPa\"}"), tmp).spec().md();
        assertEquals(1e-4 / Units.EV_PER_A3_IN_GPA, md.pressure().value(), 1e-20);
        assertEquals(0.3 * Units.EV_PER_A3_IN_GPA, md.barostat().compressibility().value(), 1e-12);
        assertEquals(1000, md.barostat().tau().value());
        assertEquals("scr", md.barostat().kind());
        assertEquals("isotropic", md.barostat().coupling());
    }
}
