package org.isthmus.atomistic.dynamics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.io.N2p2Data;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * NVE energy conservation with the NN-PES: the published Cu₂S potential (n2p2 example
 * Cu2S_PBE, 144 atoms, periodic monoclinic cell), velocities at 300 K, velocity Verlet at 2 fs
 * for 10 ps. The bound: drift below 1e-4 eV/atom over 10 ps. Measured here: largest
 * |E_tot − E_tot(0)| 2.6e-5 eV/atom. The slowest test of the suite (5,000 force evaluations).
 */
class NnpEnergyConservationTest {

    @Test
    void totalEnergyDriftsLessThanOneTenthMeVPerAtomOverTenPicoseconds() {
        Path dir = SharedData.require("n2p2/examples/Cu2S_PBE");
        NnpPotential p = NnpPotential.load(dir, LengthEnergyUnits.ANGSTROM_EV);
        Configuration c = N2p2Data.read(dir.resolve("input.data"), LengthEnergyUnits.ANGSTROM_EV).get(0);
        AtomisticModel model = AtomisticModel.of(p, c);
        double[] v = MaxwellBoltzmann.at(300).withSeed(7).withExactTemperature(true).velocities(model);
        MolecularDynamics md = new MolecularDynamics(model, v, new VelocityVerlet(2.0));
        int steps = 5000;
        int every = 10;
        double[] e = new double[steps / every + 1];
        int[] k = {0};
        md.run(steps, every, s -> e[k[0]++] = s.totalEnergy() / c.size());
        // least-squares slope over the run, times its length: the secular drift
        int n = e.length;
        double tm = (n - 1) / 2.0;
        double mean = 0;
        for (double x : e) {
            mean += x / n;
        }
        double sxy = 0;
        double sxx = 0;
        double maxDev = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - tm) * (e[i] - mean);
            sxx += (i - tm) * (i - tm);
            maxDev = Math.max(maxDev, Math.abs(e[i] - e[0]));
        }
        double drift = Math.abs(sxy / sxx * (n - 1));
        assertTrue(drift < 1e-4, "drift over 10 ps " + drift + " eV/atom");
        assertTrue(maxDev < 1e-4, "largest |E − E(0)| " + maxDev + " eV/atom");
    }
}
