package org.isthmus.atomistic.potential.sw;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.testing.LammpsGolden;
import org.isthmus.atomistic.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Stillinger–Weber total energy, forces and pressure against LAMMPS (29 Sep 2021 - Update 2,
 * Debian), golden files beside this class written by {@code regenerate_golden.py}. Tolerances as
 * in the files: 1e-6 eV/atom, 1e-5 eV/Å, 1e-3 bar. LAMMPS's per-atom energies give a third of
 * each three-body term to each atom, Isthmus's site energies the whole term to the vertex, so
 * they are compared only through their sum.
 */
class StillingerWeberLammpsGoldenTest {

    static Path resource(String name) {
        try {
            return Path.of(StillingerWeberLammpsGoldenTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void siliconDiamondRattled() {
        check(LammpsGolden.load(getClass(), "si_diamond.golden"),
                StillingerWeber.read(SharedData.require("potentials/Si.sw")));
    }

    @Test
    void twoElementSyntheticFileRattled() {
        check(LammpsGolden.load(getClass(), "sige_synthetic.golden"),
                StillingerWeber.read(resource("SiGe_synthetic.sw")));
    }

    static void check(LammpsGolden g, StillingerWeber p) {
        Evaluation e = p.compute(g.configuration());
        int n = g.configuration().size();
        double dE = Math.abs(e.energy() - g.energy()) / n;
        double dF = 0;
        double[] f = e.forces();
        double[] gf = g.forces();
        for (int k = 0; k < f.length; k++) {
            dF = Math.max(dF, Math.abs(f[k] - gf[k]));
        }
        double[] pr = LammpsGolden.pressureFromVirial(e.virial(), g.configuration().cell().volume());
        double[] gp = g.pressure();
        double dP = 0;
        for (int k = 0; k < 6; k++) {
            dP = Math.max(dP, Math.abs(pr[k] - gp[k]));
        }
        double sum = 0;
        for (double s : g.siteEnergies()) {
            sum += s;
        }
        System.out.printf("%s vs LAMMPS: |dE|/N = %.2e eV, max |dF| = %.2e eV/A, max |dP| = %.2e bar%n", g.name(), dE,
                dF, dP);
        assertTrue(dE <= 1e-6, g.name() + ": energy per atom differs by " + dE);
        assertTrue(Math.abs(sum - e.energy()) / n <= 1e-6, g.name() + ": LAMMPS's per-atom energies do not sum to ours");
        assertTrue(dF <= 1e-5, g.name() + ": a force component differs by " + dF);
        assertTrue(dP <= 1e-3, g.name() + ": a pressure component differs by " + dP);
    }
}
