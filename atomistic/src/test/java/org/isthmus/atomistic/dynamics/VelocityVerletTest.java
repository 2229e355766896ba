package org.isthmus.atomistic.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.minimize.Argon;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.api.Test;

/**
 * NVE dynamics of Lennard-Jones argon: fcc 3×3×3 (108 atoms, a = 5.26 Å, periodic), started on
 * the lattice with Maxwell–Boltzmann velocities at exactly 80 K, which equipartition brings to
 * about 40 K. Bounds were set from measured values with a margin of about 2 (stated per test).
 */
class VelocityVerletTest {

    private static final Configuration CRYSTAL = Argon.fcc(3);
    private static final int N = CRYSTAL.size();
    private static final double[] V0 = MaxwellBoltzmann.at(80).withSeed(1).withExactTemperature(true).velocities(CRYSTAL);

    /** Mean, standard deviation, largest deviation from the mean, and least-squares drift over the series. */
    private static double[] statistics(double[] e) {
        int n = e.length;
        double mean = 0;
        for (double x : e) {
            mean += x / n;
        }
        double var = 0;
        double max = 0;
        double sxy = 0;
        double sxx = 0;
        double tm = (n - 1) / 2.0;
        for (int k = 0; k < n; k++) {
            double d = e[k] - mean;
            var += d * d / n;
            max = Math.max(max, Math.abs(d));
            sxy += (k - tm) * d;
            sxx += (k - tm) * (k - tm);
        }
        return new double[] {mean, Math.sqrt(var), max, sxy / sxx * (n - 1)};
    }

    @Test
    void totalEnergyIsConservedAtFiveFemtoseconds() {
        MolecularDynamics md = new MolecularDynamics(Argon.model(CRYSTAL), V0, new VelocityVerlet(5.0));
        md.run(400); // 2 ps: let kinetic and potential energy share out
        int steps = 3000; // 15 ps
        double[] e = new double[steps];
        double[] temperature = {0};
        int[] i = {0};
        md.run(steps, 1, s -> {
            e[i[0]++] = s.totalEnergy() / N;
            temperature[0] += s.temperature() / steps;
        });
        double[] st = statistics(e);
        assertEquals(40, temperature[0], 5, "mean temperature (K)");
        // measured: σ = 2.2e-7 eV/atom, max |E − ⟨E⟩| = 7.3e-7 eV/atom, drift 1.7e-8 eV/atom over 15 ps
        assertTrue(st[1] < 4e-7, "σ(E)/N = " + st[1] + " eV");
        assertTrue(st[2] < 1.5e-6, "max |E − ⟨E⟩|/N = " + st[2] + " eV");
        assertTrue(Math.abs(st[3]) < 1e-7, "drift/N over 15 ps = " + st[3] + " eV");
    }

    @Test
    void energyFluctuationScalesAsTheSquareOfTheTimeStep() {
        double[] sigma = new double[2];
        double[] dts = {8.0, 4.0};
        for (int j = 0; j < 2; j++) {
            double dt = dts[j];
            MolecularDynamics md = new MolecularDynamics(Argon.model(CRYSTAL), V0, new VelocityVerlet(dt));
            int every = (int) Math.round(8 / dt); // the same instants for both time steps
            double[] acc = new double[3];
            md.run((int) Math.round(2000 / dt), every, s -> {
                double x = s.totalEnergy() / N;
                acc[0]++;
                acc[1] += x;
                acc[2] += x * x;
            });
            double mean = acc[1] / acc[0];
            sigma[j] = Math.sqrt(acc[2] / acc[0] - mean * mean);
        }
        // measured ratio 4.006 (and 4.002 for 4 fs / 2 fs)
        assertEquals(4.0, sigma[0] / sigma[1], 0.3, "σ(E) at 8 fs / σ(E) at 4 fs");
    }

    @Test
    void reversingTheVelocitiesRetracesTheTrajectory() {
        MolecularDynamics md = new MolecularDynamics(Argon.model(CRYSTAL), V0, new VelocityVerlet(5.0));
        md.run(200);
        Snapshot start = md.snapshot();
        md.run(1000);
        md.reverseVelocities();
        md.run(1000);
        Snapshot back = md.snapshot();
        double[] x0 = start.configuration().positions();
        double[] x1 = back.configuration().positions();
        double[] v0 = start.velocities();
        double[] v1 = back.velocities();
        for (int k = 0; k < x0.length; k++) {
            assertEquals(x0[k], x1[k], 1e-8, "position component " + k); // measured 5e-14 Å
            assertEquals(-v0[k], v1[k], 1e-10, "velocity component " + k);
        }
    }

    @Test
    void fixedAtomsDoNotMove() {
        int[] fixed = {0, 7, 50};
        AtomisticModel m = AtomisticModel.builder(Argon.LJ, CRYSTAL).request(Argon.SERIAL).fixAtoms(fixed).build();
        double[] v = MaxwellBoltzmann.at(80).withSeed(2).velocities(m);
        MolecularDynamics md = new MolecularDynamics(m, v, new VelocityVerlet(5.0));
        double e0 = md.snapshot().totalEnergy();
        md.run(300);
        Snapshot s = md.snapshot();
        double[] vel = s.velocities();
        for (int a : fixed) {
            for (int k = 0; k < 3; k++) {
                assertEquals(CRYSTAL.x(a, k), s.configuration().x(a, k), 0.0);
                assertEquals(0.0, vel[3 * a + k], 0.0);
            }
            assertTrue(Math.abs(s.forces()[3 * a]) + Math.abs(s.forces()[3 * a + 1]) > 0, "forces on fixed atoms are reported");
        }
        assertTrue(s.configuration().x(1, 0) != CRYSTAL.x(1, 0));
        assertEquals(3 * N - 9, s.degreesOfFreedom());
        // the start on the lattice (zero forces) sits O(Δt²) off the shadow energy's later mean:
        // measured 2.7e-6 eV/atom, as without fixed atoms
        assertEquals(e0 / N, s.totalEnergy() / N, 5e-6, "energy per atom is conserved with fixed atoms too");
    }
}
