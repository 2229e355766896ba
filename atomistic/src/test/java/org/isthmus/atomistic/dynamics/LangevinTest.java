package org.isthmus.atomistic.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.minimize.Argon;
import org.isthmus.atomistic.minimize.EnergyModel;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.api.Test;

/** BAOAB Langevin dynamics: the target temperature is reached and held; sampling of a harmonic model. */
class LangevinTest {

    /** Mean and standard error of the mean from independent block averages. */
    private static double[] meanAndError(double[] blocks) {
        int n = blocks.length;
        double mean = 0;
        for (double b : blocks) {
            mean += b / n;
        }
        double var = 0;
        for (double b : blocks) {
            var += (b - mean) * (b - mean) / (n - 1);
        }
        return new double[] {mean, Math.sqrt(var / n)};
    }

    @Test
    void argonCrystalHoldsTheTargetTemperature() {
        // 32 atoms (fcc 2×2×2), 40 K, γ = 0.01/fs (velocity memory 100 fs), Δt = 5 fs
        Configuration c = Argon.fcc(2);
        double target = 40;
        MolecularDynamics md = new MolecularDynamics(Argon.model(c), MaxwellBoltzmann.at(target).withSeed(3).velocities(c),
                new Langevin(5.0, target, 0.01, 17L));
        md.run(1000); // 5 ps = 50 friction times
        int blocks = 16;
        int perBlock = 500; // 2.5 ps per block, much longer than the temperature's correlation time
        double[] avg = new double[blocks];
        int[] k = {0};
        md.run(blocks * perBlock, 1, s -> avg[(k[0]++) / perBlock] += s.temperature() / perBlock);
        double[] me = meanAndError(avg);
        // instantaneous T of N_f = 93 fluctuates by √(2/93) ≈ 15 %; 40 ps leave a standard error of
        // ~0.7 % (measured for seeds 17, 18, 19: 40.10 ± 0.27, 40.30 ± 0.27, 39.91 ± 0.28 K)
        assertTrue(me[1] < 0.015 * target, "standard error " + me[1] + " K is too large to test anything");
        assertEquals(target, me[0], 4 * me[1], "mean temperature (K), standard error " + me[1]);
    }

    /** E = ½ Σ k x_i², independent oscillators of unit mass (units: energy 1, length 1, time 1). */
    private static final class Oscillators implements EnergyModel {
        private final int n;
        private final double k;

        Oscillators(int n, double k) {
            this.n = n;
            this.k = k;
        }

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public double energy(double[] x) {
            double e = 0;
            for (double v : x) {
                e += 0.5 * k * v * v;
            }
            return e;
        }

        @Override
        public double energyAndGradient(double[] x, double[] g) {
            for (int i = 0; i < n; i++) {
                g[i] = k * x[i];
            }
            return energy(x);
        }
    }

    @Test
    void harmonicPositionsAreSampledWithTheBoltzmannVariance() {
        // BAOAB samples the configurational distribution of a harmonic oscillator exactly for any
        // stable step (Leimkuhler & Matthews 2013): ⟨k x²⟩ = k_B T, here with ω Δt = 0.5
        int n = 500;
        double kT = 40 * org.isthmus.atomistic.Units.BOLTZMANN; // the integrator takes T in K and k_B in eV/K
        double[] masses = new double[n];
        java.util.Arrays.fill(masses, 1.0);
        PhaseSpace s = new PhaseSpace(new Oscillators(n, 1.0), new double[n], new double[n], masses, 1.0);
        Langevin baoab = new Langevin(0.5, 40, 0.5, 5L);
        for (int i = 0; i < 200; i++) {
            baoab.step(s);
        }
        int blocks = 10;
        double[] avg = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < 200; i++) {
                baoab.step(s);
                avg[b] += 2 * s.potentialEnergy() / n / kT / 200;
            }
        }
        double[] me = meanAndError(avg);
        assertTrue(me[1] < 0.01, "standard error " + me[1]);
        assertEquals(1.0, me[0], 4 * me[1], "⟨k x²⟩ / k_B T, standard error " + me[1]);
    }

    @Test
    void zeroFrictionIsVelocityVerlet() {
        Configuration c = Argon.rattle(Argon.fcc(2), 0.05, 2);
        double[] v = MaxwellBoltzmann.at(30).withSeed(4).velocities(c);
        MolecularDynamics a = new MolecularDynamics(Argon.model(c), v, new Langevin(5.0, 30, 0.0, 1L));
        MolecularDynamics b = new MolecularDynamics(Argon.model(c), v, new VelocityVerlet(5.0));
        a.run(50);
        b.run(50);
        double[] xa = a.snapshot().configuration().positions();
        double[] xb = b.snapshot().configuration().positions();
        for (int k = 0; k < xa.length; k++) {
            assertEquals(xb[k], xa[k], 1e-12);
        }
    }

    @Test
    void sameSeedSameTrajectory() {
        Configuration c = Argon.fcc(2);
        double[] v = MaxwellBoltzmann.at(30).withSeed(4).velocities(c);
        MolecularDynamics a = new MolecularDynamics(Argon.model(c), v, new Langevin(5.0, 30, 0.01, 9L));
        MolecularDynamics b = new MolecularDynamics(Argon.model(c), v, new Langevin(5.0, 30, 0.01, 9L));
        a.run(20);
        b.run(20);
        assertEquals(a.snapshot().totalEnergy(), b.snapshot().totalEnergy(), 0.0);
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Langevin(0, 30, 0.01, 1L));
        assertThrows(IllegalArgumentException.class, () -> new Langevin(1, -1, 0.01, 1L));
        assertThrows(IllegalArgumentException.class, () -> new Langevin(1, 30, -0.01, 1L));
    }
}
