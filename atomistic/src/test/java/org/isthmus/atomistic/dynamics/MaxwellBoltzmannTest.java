package org.isthmus.atomistic.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.Units;
import org.isthmus.atomistic.minimize.Argon;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.junit.jupiter.api.Test;

class MaxwellBoltzmannTest {

    private static final Element AR = Element.of("Ar");
    private static final Element HE = Element.of("He");

    /** n atoms, alternately argon and helium (masses differ tenfold); positions are irrelevant here. */
    private static Configuration gas(int n) {
        Element[] e = new Element[n];
        for (int i = 0; i < n; i++) {
            e[i] = i % 2 == 0 ? AR : HE;
        }
        return Configuration.of(e, new double[3 * n], Cell.none());
    }

    @Test
    void momentsMatchTheDistribution() {
        int n = 20000;
        double t = 300;
        Configuration c = gas(n);
        double[] v = MaxwellBoltzmann.at(t).withSeed(42).velocities(c);
        double kT = Units.BOLTZMANN * t;
        // per component, u = v √(m / k_B T) is standard normal: ⟨u⟩ = 0, ⟨u²⟩ = 1, ⟨u⁴⟩ = 3
        double[][] moments = new double[2][3]; // per species: Σu, Σu², Σu⁴
        for (int i = 0; i < n; i++) {
            double scale = Math.sqrt(c.mass(i) * Units.AMU_A2_PER_FS2_IN_EV / kT);
            for (int k = 0; k < 3; k++) {
                double u = v[3 * i + k] * scale;
                moments[i % 2][0] += u;
                moments[i % 2][1] += u * u;
                moments[i % 2][2] += u * u * u * u;
            }
        }
        int m = 3 * n / 2; // samples per species
        for (double[] s : moments) {
            // standard errors: √(1/m) for the mean, √(2/m) for ⟨u²⟩, √(96/m) for ⟨u⁴⟩; bounds are 4 of them
            assertEquals(0, s[0] / m, 4 * Math.sqrt(1.0 / m));
            assertEquals(1, s[1] / m, 4 * Math.sqrt(2.0 / m));
            assertEquals(3, s[2] / m, 4 * Math.sqrt(96.0 / m));
        }
        assertEquals(t, KineticTemperature.temperature(v, c.masses(), 3 * n), 4 * t * Math.sqrt(2.0 / (3 * n - 3)));
    }

    @Test
    void totalMomentumIsZero() {
        Configuration c = gas(500);
        double[] v = MaxwellBoltzmann.at(300).withSeed(1).velocities(c);
        double[] p = KineticTemperature.momentum(v, c.masses());
        double scale = 40 * 0.01 * 500; // mass × typical speed × atoms
        for (double pk : p) {
            assertEquals(0, pk / scale, 1e-15);
        }
        double[] raw = MaxwellBoltzmann.at(300).withSeed(1).withZeroMomentum(false).velocities(c);
        assertTrue(Math.abs(KineticTemperature.momentum(raw, c.masses())[0]) > 1e-3, "without the option the sample keeps its momentum");
    }

    @Test
    void exactTemperatureWhenRescaled() {
        Configuration c = gas(64);
        double[] v = MaxwellBoltzmann.at(123.4).withSeed(5).withExactTemperature(true).velocities(c);
        assertEquals(123.4, KineticTemperature.temperature(v, c.masses(), 3 * 64), 1e-10);
        // with zero momentum, K itself is 3N−3 halves of k_B T
        assertEquals((3 * 64 - 3) * 0.5 * Units.BOLTZMANN * 123.4, KineticTemperature.kineticEnergy(v, c.masses()), 1e-14);
        double[] zero = MaxwellBoltzmann.at(0).withExactTemperature(true).velocities(c);
        assertArrayEquals(new double[3 * 64], zero, 0.0);
    }

    @Test
    void sameSeedSameVelocitiesOtherSeedOtherVelocities() {
        Configuration c = gas(10);
        assertArrayEquals(MaxwellBoltzmann.at(50).withSeed(9).velocities(c), MaxwellBoltzmann.at(50).withSeed(9).velocities(c), 0.0);
        assertTrue(MaxwellBoltzmann.at(50).withSeed(9).velocities(c)[0] != MaxwellBoltzmann.at(50).withSeed(10).velocities(c)[0]);
    }

    @Test
    void fixedAtomsGetNoVelocityAndAreNotCounted() {
        Configuration c = Argon.fcc(2);
        AtomisticModel m = AtomisticModel.builder(Argon.LJ, c).fixAtoms(0, 3).build();
        double[] v = MaxwellBoltzmann.at(60).withSeed(2).withExactTemperature(true).velocities(m);
        for (int a : new int[] {0, 3}) {
            for (int k = 0; k < 3; k++) {
                assertEquals(0.0, v[3 * a + k], 0.0);
            }
        }
        int free = 3 * c.size() - 6;
        assertEquals(free, KineticTemperature.degreesOfFreedom(c.size(), free));
        assertEquals(60, KineticTemperature.temperature(v, c.masses(), free), 1e-10);
    }

    @Test
    void temperatureDefinition() {
        // two atoms moving together: all kinetic energy is centre-of-mass motion, so T = 0 (N_f = 3)
        double[] masses = {40, 40};
        double[] v = {0.01, 0, 0, 0.01, 0, 0};
        assertEquals(0, KineticTemperature.temperature(v, masses, 6), 1e-12);
        // opposite: K = 2 · ½ m v², N_f = 3
        double[] w = {0.01, 0, 0, -0.01, 0, 0};
        double k = 40 * 1e-4 * Units.AMU_A2_PER_FS2_IN_EV;
        assertEquals(k, KineticTemperature.kineticEnergy(w, masses), 1e-15);
        assertEquals(2 * k / (3 * Units.BOLTZMANN), KineticTemperature.temperature(w, masses, 6), 1e-9);
        assertEquals(0, KineticTemperature.degreesOfFreedom(1, 3));
        assertEquals(0, KineticTemperature.temperature(new double[] {1, 2, 3}, new double[] {1}, 3), 0.0);
    }

    @Test
    void rejectsImpossibleRequests() {
        assertThrows(IllegalArgumentException.class, () -> MaxwellBoltzmann.at(-1));
        Configuration one = gas(1);
        assertThrows(IllegalArgumentException.class, () -> MaxwellBoltzmann.at(10).withExactTemperature(true).velocities(one));
    }
}
