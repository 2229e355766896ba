package org.isthmus.atomistic.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.isthmus.atomistic.Units;
import org.isthmus.atomistic.analysis.BlockAverage;
import org.isthmus.atomistic.analysis.Compressibility;
import org.isthmus.atomistic.analysis.ElasticConstants;
import org.isthmus.atomistic.analysis.LatticeRelaxation;
import org.isthmus.atomistic.analysis.ThermalExpansion;
import org.isthmus.atomistic.analysis.Vibrations;
import org.isthmus.atomistic.potential.Diagnostics;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.potential.pair.LennardJones;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;

/**
 * NPT by stochastic cell rescaling, checked against distributions known independently: the ideal
 * gas (V Gamma-distributed: ⟨V⟩ = (N+1) k_BT/P₀, var V = (N+1)(k_BT/P₀)²), and a Lennard-Jones
 * argon crystal, whose mean pressure must equal the target, whose mean volume must equal the
 * classical quasi-harmonic one (static lattice + harmonic free energy from the exact Hessian, its
 * volume derivative by central differences here in the test), whose volume fluctuations must give
 * κ_T = 1/B with B = (C11 + 2C12)/3 from {@link ElasticConstants}, and whose thermal expansion from
 * ⟨δV δH⟩ must agree with the slope of ⟨V⟩(T).
 */
class StochasticCellRescalingTest {

    private static final Element AR = Element.of("Ar");
    private static final Request ONE_THREAD = Request.defaults().withThreads(1);

    /** No interaction at all: an ideal gas. */
    static final class NoInteraction implements Potential {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public double cutoff() {
            return 0.1;
        }

        @Override
        public Set<Element> species() {
            return Set.of(AR);
        }

        @Override
        public Evaluation compute(Configuration c, Request r) {
            int n = c.size();
            return new Evaluation(0, new double[n], r.gradient() ? new double[3 * n] : null,
                    r.gradient() ? new double[9] : null, Diagnostics.NONE);
        }
    }

    @Test
    void idealGasVolumeHasTheIsobaricGammaDistribution() {
        // orthorhombic coupling of a gas lets single axes collapse (no shear-free restoring force): crystal only
        for (StochasticCellRescaling.Coupling coupling : new StochasticCellRescaling.Coupling[] {
            StochasticCellRescaling.Coupling.ISOTROPIC}) {
            int n = 8;
            double t = 300;
            double p0 = 0.01; // eV/Å³ (1.6 GPa)
            double kT = Units.BOLTZMANN * t;
            Configuration gas = Lattices.simpleCubic(AR, 2.0, 2, 2, 2);
            StochasticCellRescaling npt = StochasticCellRescaling.builder(new NoInteraction(), gas)
                    .temperature(t).pressure(p0).compressibility(1 / p0).barostatTime(250).timeStep(5)
                    .friction(0.02).coupling(coupling).seed(11).skin(1.0).request(ONE_THREAD).build();
            npt.run(1000);
            int samples = 30_000;
            double[] v = new double[samples];
            double[] p = new double[samples];
            for (int s = 0; s < samples; s++) {
                npt.run(2);
                v[s] = npt.volume();
                p[s] = npt.instantaneousPressure();
            }
            BlockAverage vol = BlockAverage.of(v);
            BlockAverage pressure = BlockAverage.of(p);
            double exact = (n + 1) * kT / p0;
            double[] sq = new double[samples];
            for (int s = 0; s < samples; s++) {
                sq[s] = (v[s] - exact) * (v[s] - exact);
            }
            BlockAverage var = BlockAverage.of(sq);
            System.out.printf("ideal gas NPT (%s): <V> = %s Å3 (exact %.3f), var V = %s (exact %.3f), <P> = %s (target %g)%n",
                    coupling, vol, exact, var, exact * exact / (n + 1), pressure, p0);
            assertEquals(exact, vol.mean(), 4 * vol.error() + 0.03 * exact, "<V> " + coupling);
            assertTrue(vol.error() < 0.02 * exact, "precise enough to tell N from N+1 ± 1: " + vol.error());
            assertEquals((n + 1) * (kT / p0) * (kT / p0), var.mean(), 4 * var.error() + 0.04 * var.mean(), "var V " + coupling);
            assertEquals(p0, pressure.mean(), 4 * pressure.error() + 0.03 * p0, "<P> " + coupling);
        }
    }

    // ---- Lennard-Jones argon crystal (ε = 10.4 meV, σ = 3.40 Å, r_c = 2.5σ), the 4-atom cubic cell ----

    private static final LennardJones ARGON = LennardJones.builder(8.5).species(AR, 0.0104, 3.40).build();
    private static final Configuration CRYSTAL = LatticeRelaxation.isotropic(ARGON, Lattices.fcc(AR, 5.30, 1, 1, 1), null);
    /** Barostat setting: β_T ≈ 1/B (B ≈ 3 GPa for LJ argon), τ_p, time step (fs), steps per sample. */
    private static final double BETA = Units.EV_PER_A3_IN_GPA / 3.0;
    private static final double TAU_P = 200;
    private static final double DT = 5;

    /** Samples of one NPT run: volume (Å³), pressure (eV/Å³), enthalpy (eV), diagonal pressures. */
    record Run(double temperature, double[] volume, double[] pressure, double[] enthalpy, double[][] diagonal, int searches,
            long steps) {
    }

    static Run npt(double temperature, double p0, StochasticCellRescaling.Coupling coupling, int samples, long seed) {
        StochasticCellRescaling npt = StochasticCellRescaling.builder(ARGON, CRYSTAL).temperature(temperature)
                .pressure(p0).compressibility(BETA).barostatTime(TAU_P).timeStep(DT).friction(0.01).coupling(coupling)
                .seed(seed).request(ONE_THREAD).build();
        npt.run(2000);
        double[] v = new double[samples];
        double[] p = new double[samples];
        double[] h = new double[samples];
        double[][] d = new double[3][samples];
        for (int s = 0; s < samples; s++) {
            npt.run(4);
            v[s] = npt.volume();
            p[s] = npt.instantaneousPressure();
            h[s] = npt.enthalpy();
            double[] pd = npt.pressureDiagonal();
            for (int a = 0; a < 3; a++) {
                d[a][s] = pd[a];
            }
        }
        return new Run(temperature, v, p, h, d, npt.neighborSearches(), npt.steps());
    }

    private static Run cold;

    /** The 10 K isotropic run at P₀ = 0, shared by the tests that read it. */
    private static synchronized Run cold() {
        if (cold == null) {
            cold = npt(10, 0, StochasticCellRescaling.Coupling.ISOTROPIC, 10_000, 21);
        }
        return cold;
    }

    private static Configuration scaled(Configuration c, double s) {
        return c.deformed(new double[][] {{s, 0, 0}, {0, s, 0}, {0, 0, s}});
    }

    private static double staticPressure(Configuration c) {
        double[] w = ARGON.compute(c, ONE_THREAD).virial();
        return (w[0] + w[4] + w[8]) / (3 * c.cell().volume());
    }

    private static double sumLogOmega(Configuration c) {
        double sum = 0;
        for (double w : Vibrations.of(c, ARGON.hessian(c, ONE_THREAD)).angularFrequencies()) {
            sum += Math.log(w);
        }
        return sum;
    }

    /**
     * Classical quasi-harmonic pressure of the lattice scaled by s at T: static virial pressure,
     * k_BT/V from the free centre of mass, and −k_BT ∂(Σ ln ω_k)/∂V from the harmonic free energy
     * F_vib = k_BT Σ ln(ħω_k/k_BT) (here by central differences: a test cross-check).
     */
    private static double quasiHarmonicPressure(double s, double temperature) {
        double kT = Units.BOLTZMANN * temperature;
        Configuration c = scaled(CRYSTAL, s);
        double h = 1e-4;
        Configuration up = scaled(CRYSTAL, s + h);
        Configuration down = scaled(CRYSTAL, s - h);
        double dLogOmega = (sumLogOmega(up) - sumLogOmega(down)) / (up.cell().volume() - down.cell().volume());
        return staticPressure(c) + kT / c.cell().volume() - kT * dLogOmega;
    }

    /** The quasi-harmonic volume at T and P₀ (secant on the scale). */
    private static double quasiHarmonicVolume(double temperature, double p0) {
        double s0 = 1;
        double s1 = 1.003;
        double f0 = quasiHarmonicPressure(s0, temperature) - p0;
        for (int it = 0; it < 20; it++) {
            double f1 = quasiHarmonicPressure(s1, temperature) - p0;
            double s2 = s1 - f1 * (s1 - s0) / (f1 - f0);
            s0 = s1;
            f0 = f1;
            s1 = s2;
            if (Math.abs(s1 - s0) < 1e-9) {
                break;
            }
        }
        return scaled(CRYSTAL, s1).cell().volume();
    }

    @Test
    void crystalHoldsTheTargetPressureAtTheQuasiHarmonicVolume() {
        Run run = cold();
        BlockAverage p = BlockAverage.of(run.pressure());
        BlockAverage v = BlockAverage.of(run.volume());
        double v0 = CRYSTAL.cell().volume();
        double vQha = quasiHarmonicVolume(run.temperature(), 0);
        System.out.printf("LJ Ar 4 atoms, 10 K, P0 = 0: <P> = %.4f ± %.4f GPa; <V> = %.3f ± %.3f Å3, QHA %.3f, static %.3f;"
                + " %d neighbour searches in %d steps%n", p.mean() * Units.EV_PER_A3_IN_GPA, p.error() * Units.EV_PER_A3_IN_GPA,
                v.mean(), v.error(), vQha, v0, run.searches(), run.steps());
        assertEquals(0, p.mean(), 4 * p.error(), "mean pressure equals the target");
        assertTrue(p.error() * Units.EV_PER_A3_IN_GPA < 0.01, "pressure known to 0.01 GPa: " + p);
        // the thermal expansion (V_QHA − V_static) is resolved, and the NPT mean lands on it
        assertTrue(vQha - v0 > 6 * v.error(), "expansion " + (vQha - v0) + " Å3 resolved by ± " + v.error());
        assertEquals(vQha, v.mean(), 4 * v.error() + 0.05 * (vQha - v0), "mean volume vs quasi-harmonic");
        assertTrue(run.searches() < run.steps() / 20, "neighbour list mostly re-labelled, not searched: " + run.searches());
    }

    @Test
    void volumeFluctuationsGiveTheBulkModulus() {
        Run run = cold();
        Compressibility kappa = Compressibility.fromVolumes(run.volume(), run.temperature());
        // B = (C11 + 2 C12)/3 of the static lattice at the mean volume (Nye 1957, cubic)
        Configuration atMean = scaled(CRYSTAL, Math.cbrt(kappa.meanVolume() / CRYSTAL.cell().volume()));
        ElasticConstants c = ElasticConstants.clampedIon(ARGON, atMean);
        double b = (c.get(0, 0) + 2 * c.get(0, 1)) / 3;
        ElasticConstants c0 = ElasticConstants.clampedIon(ARGON, CRYSTAL);
        double b0 = (c0.get(0, 0) + 2 * c0.get(0, 1)) / 3;
        System.out.printf("LJ Ar 10 K: %s; 1/B at <V> = %.4f 1/GPa, at the static lattice %.4f 1/GPa; κ_T B = %.3f ± %.3f%n",
                kappa, 1 / (b * Units.EV_PER_A3_IN_GPA), 1 / (b0 * Units.EV_PER_A3_IN_GPA), kappa.value() * b,
                kappa.error() * b);
        assertEquals(1 / b, kappa.value(), 3 * kappa.error() + 0.04 / b, "κ_T vs 1/B");
        assertTrue(kappa.error() < 0.1 * kappa.value(), "κ_T precise to 10 %: " + kappa);
    }

    @Test
    void thermalExpansionFromFluctuationsAgreesWithTheSlopeOfTheVolume() {
        Run cold = cold();
        Run warm = npt(20, 0, StochasticCellRescaling.Coupling.ISOTROPIC, 10_000, 22);
        BlockAverage v1 = BlockAverage.of(cold.volume());
        BlockAverage v2 = BlockAverage.of(warm.volume());
        ThermalExpansion slope = ThermalExpansion.fromVolumes(new double[] {10, 20}, new double[] {v1.mean(), v2.mean()},
                new double[] {v1.error(), v2.error()});
        ThermalExpansion f1 = ThermalExpansion.fromFluctuations(cold.volume(), cold.enthalpy(), 10);
        ThermalExpansion f2 = ThermalExpansion.fromFluctuations(warm.volume(), warm.enthalpy(), 20);
        double qha = (quasiHarmonicVolume(20, 0) - quasiHarmonicVolume(10, 0)) / 10 / (0.5 * (v1.mean() + v2.mean()));
        System.out.printf("LJ Ar thermal expansion: slope of <V>(T) 10–20 K %s; <δVδH> at 10 K %s, at 20 K %s; QHA %.4g 1/K%n",
                slope, f1, f2, qha);
        double fluct = 0.5 * (f1.value() + f2.value());
        double fluctError = 0.5 * Math.hypot(f1.error(), f2.error());
        assertEquals(slope.value(), fluct, 3 * Math.hypot(slope.error(), fluctError), "fluctuation vs slope");
        assertEquals(qha, slope.value(), 3 * slope.error() + 0.1 * qha, "slope vs quasi-harmonic");
        assertTrue(slope.error() < 0.2 * slope.value(), "expansion resolved: " + slope);
    }

    @Test
    void orthorhombicCouplingHoldsEachDiagonalStressAndTheListStaysExact() {
        double p0 = 0.05 / Units.EV_PER_A3_IN_GPA; // 0.05 GPa
        StochasticCellRescaling npt = StochasticCellRescaling.builder(ARGON, CRYSTAL).temperature(10).pressure(p0)
                .compressibility(BETA).barostatTime(TAU_P).timeStep(DT).friction(0.01)
                .coupling(StochasticCellRescaling.Coupling.ORTHORHOMBIC).seed(5).request(ONE_THREAD).build();
        npt.run(2000);
        int samples = 6000;
        double[][] d = new double[3][samples];
        double[] v = new double[samples];
        for (int s = 0; s < samples; s++) {
            npt.run(4);
            double[] pd = npt.pressureDiagonal();
            for (int a = 0; a < 3; a++) {
                d[a][s] = pd[a];
            }
            v[s] = npt.volume();
        }
        for (int a = 0; a < 3; a++) {
            BlockAverage p = BlockAverage.of(d[a]);
            System.out.printf("LJ Ar orthorhombic NPT at 0.05 GPa: <P_%d%d> = %.4f ± %.4f GPa%n", a, a,
                    p.mean() * Units.EV_PER_A3_IN_GPA, p.error() * Units.EV_PER_A3_IN_GPA);
            assertEquals(p0, p.mean(), 4 * p.error(), "diagonal pressure " + a);
            assertTrue(p.error() < 0.5 * p0, "resolved: " + p);
        }
        // the re-labelled list gives exactly what a fresh search gives
        Evaluation fresh = ARGON.compute(npt.configuration(), ONE_THREAD);
        assertEquals(fresh.energy(), npt.potentialEnergy(), 1e-10);
        double[] f = fresh.forces();
        double[] g = npt.evaluation().forces();
        for (int k = 0; k < f.length; k++) {
            assertEquals(f[k], g[k], 1e-10);
        }
        assertTrue(npt.neighborSearches() < npt.steps() / 20, "searches " + npt.neighborSearches());
        // compressed by 0.05 GPa: smaller than the zero-pressure mean by about V P₀/B
        double cold = BlockAverage.of(cold().volume()).mean();
        assertTrue(BlockAverage.of(v).mean() < cold, "compressed");
    }
}
