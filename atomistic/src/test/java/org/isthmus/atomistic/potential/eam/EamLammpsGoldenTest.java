package org.isthmus.atomistic.potential.eam;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.testing.LammpsGolden;
import org.isthmus.atomistic.testing.SharedData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EAM energies, per-atom energies, forces and pressure against LAMMPS (29 Sep 2021 - Update 2,
 * Debian), golden files beside this class written by {@code regenerate_golden.py} (provenance in
 * each file's header). Tolerances, as stated in the files: 1e-6 eV/atom in energy, 1e-6 eV per
 * atom energy, 1e-5 eV/Å in force, 1e-3 bar in pressure. Potential files from shared/potentials.
 */
class EamLammpsGoldenTest {

    @TempDir
    static Path scratch;

    /** The two header lines that turn Cu_u3.eam into pseudoNi_u3.eam (as regenerate_golden.py). */
    static final String[] PSEUDO_NI_HEADER = {"28 58.6934 3.52 FCC", "500 5.5e-04 500 1.05e-02 5.2"};

    static Path pseudoNi() {
        Path cu = SharedData.require("potentials/Cu_u3.eam");
        Path out = scratch.resolve("pseudoNi_u3.eam");
        try {
            String[] lines = Files.readString(cu, StandardCharsets.ISO_8859_1).split("\n", -1);
            lines[1] = PSEUDO_NI_HEADER[0];
            lines[2] = PSEUDO_NI_HEADER[1];
            Files.writeString(out, String.join("\n", lines), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Potential potentialFor(String golden) {
        return switch (golden) {
            case "cu_u3_fcc", "cu_u3_closepair" -> EamPotential.readFuncfl(SharedData.require("potentials/Cu_u3.eam"));
            case "cu_u3_pseudoni" -> EamPotential.readFuncfl(SharedData.require("potentials/Cu_u3.eam"), pseudoNi());
            case "cu_mishin1_fcc" -> EamPotential.readSetfl(SharedData.require("potentials/Cu_mishin1.eam.alloy"));
            case "cu_zhou_fcc" -> EamPotential.readSetfl(SharedData.require("potentials/Cu_zhou.eam.alloy"));
            case "cuni_cu_fcc", "cuni_mixed", "cuni_compressed" -> EamPotential.readSetfl(SharedData.require("potentials/CuNi.eam.alloy"));
            default -> throw new IllegalArgumentException(golden);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"cu_u3_fcc", "cu_u3_closepair", "cu_u3_pseudoni", "cu_mishin1_fcc", "cu_zhou_fcc",
        "cuni_cu_fcc", "cuni_mixed", "cuni_compressed"})
    void agreesWithLammps(String name) {
        LammpsGolden g = LammpsGolden.load(EamLammpsGoldenTest.class, name + ".golden");
        Potential p = potentialFor(name);
        Evaluation e = p.compute(g.configuration());
        int n = g.configuration().size();
        double dE = Math.abs(e.energy() - g.energy()) / n;
        double dSite = maxAbsDiff(e.siteEnergies(), g.siteEnergies());
        double dF = maxAbsDiff(e.forces(), g.forces());
        double[] pressure = LammpsGolden.pressureFromVirial(e.virial(), g.configuration().cell().volume());
        double dP = maxAbsDiff(pressure, g.pressure());
        System.out.printf("%s vs LAMMPS: |dE|/N = %.2e eV, max |d eps_i| = %.2e eV, max |dF| = %.2e eV/A, "
                + "max |dP| = %.2e bar; diagnostics %s%n", name, dE, dSite, dF, dP, e.diagnostics().summary());
        assertTrue(dE <= 1e-6, name + ": energy per atom differs by " + dE + " eV");
        assertTrue(dSite <= 1e-6, name + ": a per-atom energy differs by " + dSite + " eV");
        assertTrue(dF <= 1e-5, name + ": a force component differs by " + dF + " eV/Å");
        assertTrue(dP <= 1e-3, name + ": a pressure component differs by " + dP + " bar " + Arrays.toString(pressure)
                + " vs " + Arrays.toString(g.pressure()));
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
