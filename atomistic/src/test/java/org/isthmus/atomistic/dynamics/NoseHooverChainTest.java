package org.isthmus.atomistic.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.Units;
import org.isthmus.atomistic.analysis.BlockAverage;
import org.isthmus.atomistic.analysis.HeatCapacity;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;

/**
 * Canonical sampling: on EAM copper the Nosé–Hoover chain conserves its extended energy and holds
 * the mean temperature; on an ideal harmonic crystal (a periodic simple-cubic spring lattice) the
 * heat capacity from the energy fluctuations of a Langevin run is the classical C_V = N_f k_B
 * (Dulong–Petit: 3 k_B per atom) within its blocked error.
 */
class NoseHooverChainTest {

    private static final Element CU = Element.of("Cu");

    private static PhaseSpace start(AtomisticModel model, double temperature, long seed) {
        double[] v = MaxwellBoltzmann.at(temperature).withSeed(seed).velocities(model);
        double[] m = new double[v.length];
        for (int k = 0; k < m.length; k++) {
            m[k] = model.template().mass(k / 3);
        }
        return new PhaseSpace(model, model.initialPoint(), v, m, Units.AMU_A2_PER_FS2_IN_EV);
    }

    @Test
    void chainConservesItsExtendedEnergyAndHoldsTheTemperature() {
        Configuration crystal = Lattices.fcc(CU, 3.615, 2, 2, 2);
        AtomisticModel model = AtomisticModel.builder(ZhouEam.of(CU), crystal)
                .request(org.isthmus.atomistic.potential.Request.defaults().withThreads(1)).build();
        double temperature = 40;
        int dof = 3 * crystal.size() - 3;
        NoseHooverChain nhc = new NoseHooverChain(2.0, temperature, 100, 4, dof);
        PhaseSpace s = start(model, temperature, 3);
        int steps = 5_000;
        double[] energy = new double[steps];
        double[] temp = new double[steps];
        double h0 = nhc.conservedEnergy(s);
        double[] extended = new double[steps];
        double wander = 0;
        for (int n = 0; n < steps; n++) {
            nhc.step(s);
            energy[n] = s.kineticEnergy() + s.potentialEnergy();
            temp[n] = 2 * s.kineticEnergy() / (dof * Units.BOLTZMANN);
            extended[n] = nhc.conservedEnergy(s);
            wander = Math.max(wander, Math.abs(extended[n] - h0));
        }
        // the O(Δt²) fluctuation (K (ωΔt)² / 8 ≈ 2e-4 eV here) is bounded, and there is no drift
        double early = java.util.Arrays.stream(extended, 0, 500).average().orElseThrow();
        double late = java.util.Arrays.stream(extended, steps - 500, steps).average().orElseThrow();
        double drift = Math.abs(late - early);
        assertTrue(wander < 1e-3, "extended energy wanders by " + wander + " eV");
        assertTrue(drift < 5e-5, "extended energy drifts by " + drift + " eV over 40 ps");
        BlockAverage t = BlockAverage.of(temp);
        assertEquals(temperature, t.mean(), Math.max(4 * t.error(), 0.5), "mean temperature " + t);
        System.out.printf("NHC Cu 32 atoms 40 K: T = %s K, |ΔH'| ≤ %.1e eV, drift %.1e eV/10 ps%n", t, wander, drift);
    }

    /** E = ½ k Σ_bonds |x_j − x_i − (X_j − X_i)|² over the nearest neighbours of a periodic simple-cubic lattice. */
    static final class SpringLattice implements org.isthmus.atomistic.minimize.EnergyModel {
        final int l;
        final double k;

        SpringLattice(int l, double k) {
            this.l = l;
            this.k = k;
        }

        int site(int x, int y, int z) {
            return ((x + l) % l) * l * l + ((y + l) % l) * l + (z + l) % l;
        }

        @Override
        public int dimension() {
            return 3 * l * l * l;
        }

        @Override
        public double energy(double[] u) {
            return energyAndGradient(u, new double[u.length]);
        }

        @Override
        public double energyAndGradient(double[] u, double[] g) {
            java.util.Arrays.fill(g, 0);
            double e = 0;
            for (int x = 0; x < l; x++) {
                for (int y = 0; y < l; y++) {
                    for (int z = 0; z < l; z++) {
                        int i = site(x, y, z);
                        for (int j : new int[] {site(x + 1, y, z), site(x, y + 1, z), site(x, y, z + 1)}) {
                            for (int a = 0; a < 3; a++) {
                                double d = u[3 * j + a] - u[3 * i + a];
                                e += 0.5 * k * d * d;
                                g[3 * j + a] += k * d;
                                g[3 * i + a] -= k * d;
                            }
                        }
                    }
                }
            }
            return e;
        }
    }

    @Test
    void harmonicCrystalHasTheDulongPetitHeatCapacity() {
        SpringLattice lattice = new SpringLattice(4, 2.0);
        int n = lattice.dimension();
        int dof = n - 3;
        double temperature = 300;
        double[] m = new double[n];
        java.util.Arrays.fill(m, 63.546);
        java.util.Random rnd = new java.util.Random(5);
        double[] v = new double[n];
        double sd = Math.sqrt(Units.BOLTZMANN * temperature / (63.546 * Units.AMU_A2_PER_FS2_IN_EV));
        for (int k = 0; k < n; k++) {
            v[k] = sd * rnd.nextGaussian();
        }
        for (int a = 0; a < 3; a++) { // zero total momentum: the thermostat then keeps it zero
            double mean = 0;
            for (int i = a; i < n; i += 3) {
                mean += v[i];
            }
            mean /= n / 3;
            for (int i = a; i < n; i += 3) {
                v[i] -= mean;
            }
        }
        PhaseSpace s = new PhaseSpace(lattice, new double[n], v, m, Units.AMU_A2_PER_FS2_IN_EV);
        // Langevin: a global Nosé–Hoover chain is not ergodic on a harmonic crystal (see its javadoc)
        Integrator thermostat = new Langevin(2.0, temperature, 0.01, 7);
        int steps = 240_000;
        double[] energy = new double[steps / 4];
        for (int step = 0; step < steps; step++) {
            thermostat.step(s);
            if (step % 4 == 0) {
                energy[step / 4] = s.kineticEnergy() + s.potentialEnergy();
            }
        }
        HeatCapacity cv = HeatCapacity.fromEnergies(energy, temperature);
        // harmonic: var(E) = N_f (k_B T)² ⇒ C_V = N_f k_B exactly (classical)
        assertEquals(dof, cv.value(), Math.max(3 * cv.error(), 0.02 * dof), "C_V/k_B = " + cv.value() + " ± " + cv.error());
        assertTrue(cv.error() < 0.05 * dof, "precise enough to mean something: ± " + cv.error());
        System.out.printf("Langevin harmonic crystal (%d atoms): C_V = %.1f ± %.1f k_B, Dulong-Petit %d%n", n / 3, cv.value(),
                cv.error(), dof);
    }

    @Test
    void blockAverageErrorGrowsWithCorrelation() {
        // an AR(1) series x_n = ρ x_{n−1} + noise has standard error of the mean ≈ σ_x √((1+ρ)/(1−ρ)/N)
        java.util.Random rnd = new java.util.Random(1);
        int n = 1 << 16;
        double rho = 0.9;
        double[] x = new double[n];
        for (int i = 1; i < n; i++) {
            x[i] = rho * x[i - 1] + rnd.nextGaussian();
        }
        double sigmaX = Math.sqrt(1 / (1 - rho * rho));
        double expected = sigmaX * Math.sqrt((1 + rho) / (1 - rho) / n);
        BlockAverage b = BlockAverage.of(x);
        assertEquals(expected, b.error(), 0.25 * expected, "blocked error " + b.error());
        assertTrue(b.error() > 3 * sigmaX / Math.sqrt(n), "larger than the naive error");
    }
}
