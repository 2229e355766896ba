package org.isthmus.atomistic.nnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.io.N2p2Data;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden-file test against n2p2 2.3 ({@code nnp-predict}, commit 61daa0df; outputs in
 * shared/n2p2/examples, see SPEC.md §14): for every example potential and its structure, the
 * total energy (energy.out column 4) per atom within 1e-8 eV, every force component
 * (nnforces.out columns 6–8) within 1e-6 eV/Å, and every site energy minus its constant
 * (E_mean + offset) against nnatoms.out (last column) within 1e-8 eV. Values converted to eV and
 * Å with CODATA 2018 (H2O_RPBE-D3 is in Bohr and Hartree, the others in Å and eV).
 */
class N2p2ReferenceTest {

    static Stream<String> examples() {
        return Stream.of("Cu2S_PBE", "H2O_RPBE-D3", "synthetic_v0", "synthetic_v1", "synthetic_v2", "synthetic_v3",
                "synthetic_v4", "synthetic_v5");
    }

    static LengthEnergyUnits unitsOf(String example) {
        return example.startsWith("H2O") ? LengthEnergyUnits.BOHR_HARTREE : LengthEnergyUnits.ANGSTROM_EV;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void energiesForcesAndSiteEnergiesMatchN2p2(String example) {
        Path dir = SharedData.require("n2p2/examples/" + example);
        LengthEnergyUnits u = unitsOf(example);
        NnpPotential p = NnpPotential.load(dir, u);
        Configuration c = N2p2Data.read(dir.resolve("input.data"), u).get(0);
        Evaluation e = p.compute(c, Request.defaults().withThreads(2));
        int n = c.size();

        String[] energyRow = N2p2Outputs.rows(dir.resolve("energy.out")).get(0);
        double eRef = N2p2Outputs.d(energyRow[3]) * u.energy();
        double dE = Math.abs(e.energy() - eRef) / n;

        List<String[]> forceRows = N2p2Outputs.rows(dir.resolve("nnforces.out"));
        assertEquals(n, forceRows.size());
        double dF = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                double ref = N2p2Outputs.d(forceRows.get(i)[5 + k]) * u.force();
                dF = Math.max(dF, Math.abs(e.force(i, k) - ref));
            }
        }

        List<String[]> atomRows = N2p2Outputs.rows(dir.resolve("nnatoms.out"));
        assertEquals(n, atomRows.size());
        double dSite = 0;
        for (int i = 0; i < n; i++) {
            ElementModel m = p.model(c.species(i));
            double constant = (p.normalization().meanEnergy() + m.energyOffset()) * u.energy();
            String[] row = atomRows.get(i);
            double ref = N2p2Outputs.d(row[row.length - 1]) * u.energy();
            dSite = Math.max(dSite, Math.abs(e.siteEnergy(i) - constant - ref));
        }
        System.out.printf("%-14s N=%5d  |ΔE|/N = %.2e eV  max|ΔF| = %.2e eV/Å  max|Δε| = %.2e eV%n", example, n, dE,
                dF, dSite);
        assertTrue(dE < 1e-8, example + ": energy per atom off by " + dE + " eV");
        assertTrue(dF < 1e-6, example + ": a force component off by " + dF + " eV/Å");
        assertTrue(dSite < 1e-8, example + ": a site energy off by " + dSite + " eV");
    }
}
