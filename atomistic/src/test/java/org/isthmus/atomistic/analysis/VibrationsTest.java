package org.isthmus.atomistic.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.Units;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.Fire;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.potential.Hessian;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.potential.pair.LennardJones;
import org.isthmus.atomistic.saddle.NudgedElasticBand;
import org.isthmus.atomistic.saddle.ReactionPath;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Normal modes, time-step advice and harmonic transition-state rates from exact Hessians. */
class VibrationsTest {

    private static final Element AR = Element.of("Ar");
    private static final Element CU = Element.of("Cu");

    @Test
    void diatomicFrequencyIsTheAnalyticOne() {
        double eps = 0.0103408;
        double sigma = 3.405;
        Potential lj = LennardJones.builder(8.5).species(AR, eps, sigma).build();
        Configuration dimer = Configuration.of(new Element[] {AR, AR}, new double[] {0, 0, 0, 3.8, 0.3, -0.2}, Cell.none());
        AtomisticModel m = AtomisticModel.of(lj, dimer);
        Configuration relaxed = m.configurationAt(Lbfgs.defaults().withTolerance(1e-10).minimize(m, m.initialPoint()).x());
        double r = Math.sqrt(Math.pow(relaxed.x(1, 0) - relaxed.x(0, 0), 2) + Math.pow(relaxed.x(1, 1) - relaxed.x(0, 1), 2)
                + Math.pow(relaxed.x(1, 2) - relaxed.x(0, 2), 2));
        Vibrations v = Vibrations.of(relaxed, lj.hessian(relaxed, Request.defaults()));
        assertEquals(5, v.projectedModes(), "a linear molecule has 3 translations and 2 rotations");
        assertEquals(1, v.count());
        // ω = √(φ″(r₀)/μ), φ″ = 4ε (156 (σ/r)¹² − 42 (σ/r)⁶)/r², μ = m/2
        double s6 = Math.pow(sigma / r, 6);
        double k = 4 * eps * (156 * s6 * s6 - 42 * s6) / (r * r);
        double mu = AR.mass() / 2;
        double omega = Math.sqrt(k / (mu * Units.AMU_A2_PER_FS2_IN_EV));
        assertEquals(omega, v.angularFrequencies()[0], 1e-9 * omega);
        // argon dimer, LJ: about 1 THz (ω_e ≈ 31 cm⁻¹ measured; LJ gives a little less)
        assertTrue(v.wavenumbers()[0] > 20 && v.wavenumbers()[0] < 40, "wavenumber " + v.wavenumbers()[0]);
        assertEquals(v.terahertz()[0] * 1e12 / 2.99792458e10, v.wavenumbers()[0], 1e-9 * v.wavenumbers()[0]);
    }

    @Test
    void acousticModesOfACrystalVanishAndTheTimeStepAdviceFollowsTheHighestMode() {
        Potential cu = ZhouEam.of(CU);
        Configuration crystal = Lattices.fcc(CU, LatticeRelaxation.isotropic(cu, Lattices.fcc(CU, 3.6, 1, 1, 1), null)
                .cell().get(0, 0), 2, 2, 2);
        Hessian h = cu.hessian(crystal, Request.defaults());
        Vibrations v = Vibrations.of(crystal, h);
        assertEquals(3, v.projectedModes());
        assertEquals(3 * crystal.size() - 3, v.count());
        assertEquals(0, v.unstableModes(), "a perfect crystal is stable");
        double[] f = v.terahertz();
        // copper's highest phonons are near 7–8 THz (neutron data: 7.2 THz at X, Svensson et al. 1967)
        assertTrue(f[f.length - 1] > 6 && f[f.length - 1] < 9.5, "highest frequency " + f[f.length - 1] + " THz");
        assertTrue(f[0] > 0.5, "the lowest Γ mode of the supercell is a finite zone-boundary mode, " + f[0]);
        double period = 1000 / f[f.length - 1];
        assertEquals(period / 20, v.recommendedTimeStep(), 1e-9 * period);
        assertTrue(v.maximumTimeStep() > v.recommendedTimeStep());
        // without the projection the translations are zero modes of the exact Hessian: H·t = 0
        for (int k = 0; k < h.dimension(); k++) {
            double s = 0;
            for (int j = 0; j < crystal.size(); j++) {
                s += h.get(k, 3 * j);
            }
            assertEquals(0, s, 1e-9);
        }
    }

    @Test
    void vacancyHopRateInCopperFromTheClimbingImageSaddle() {
        Potential eam = ZhouEam.of(CU);
        double a0 = 3.615;
        Configuration perfect = Lattices.fcc(CU, a0, 3, 3, 3);
        int vacancy = 0;
        int hopper = -1;
        for (int i = 0; i < perfect.size(); i++) {
            if (Math.abs(perfect.x(i, 0) - a0 / 2) < 1e-9 && Math.abs(perfect.x(i, 1) - a0 / 2) < 1e-9
                    && Math.abs(perfect.x(i, 2)) < 1e-9) {
                hopper = i;
            }
        }
        assertEquals(0, perfect.x(vacancy, 0), 0);
        double[] p = new double[3 * (perfect.size() - 1)];
        Element[] sp = new Element[perfect.size() - 1];
        for (int i = 1; i < perfect.size(); i++) {
            sp[i - 1] = CU;
            for (int k = 0; k < 3; k++) {
                p[3 * (i - 1) + k] = perfect.x(i, k);
            }
        }
        Configuration initial = Configuration.of(sp, p, perfect.cell());
        int h = hopper - 1;
        double[] q = p.clone();
        q[3 * h] = 0;
        q[3 * h + 1] = 0;
        Lbfgs relax = Lbfgs.defaults().withTolerance(1e-6);
        AtomisticModel m0 = AtomisticModel.of(eam, initial);
        double[] start = relax.minimize(m0, m0.initialPoint()).x();
        AtomisticModel m1 = AtomisticModel.of(eam, initial.withPositions(q));
        double[] end = relax.minimize(m1, m1.initialPoint()).x();
        ReactionPath path = NudgedElasticBand.between(() -> AtomisticModel.of(eam, initial), start, end, 5)
                .withFire(Fire.defaults().withTolerance(1e-4).withMaxIterations(20000)).run();
        assertTrue(path.converged(), path.status());
        Configuration min = initial.withPositions(start);
        Configuration ts = initial.withPositions(path.image(path.saddleIndex()));
        Vibrations vMin = Vibrations.of(min, eam.hessian(min, Request.defaults()));
        Vibrations vTs = Vibrations.of(ts, eam.hessian(ts, Request.defaults()));
        assertEquals(1, vTs.unstableModes(), "the climbing image is a first-order saddle");
        HarmonicTransitionState htst = HarmonicTransitionState.of(vMin, vTs, path.forwardBarrier());
        // attempt frequencies of vacancy hops in fcc metals are 1e12–1e14 1/s
        assertTrue(htst.prefactor() > 1e12 && htst.prefactor() < 1e14, "prefactor " + htst.prefactor());
        double k600 = htst.rate(600);
        assertEquals(htst.prefactor() * Math.exp(-path.forwardBarrier() / (Units.BOLTZMANN * 600)), k600, 1e-9 * k600);
        System.out.printf("Cu vacancy hop (Zhou EAM): barrier %.4f eV, prefactor %.3e 1/s, k(600 K) = %.3e 1/s%n",
                htst.barrier(), htst.prefactor(), k600);
        // a minimum is not a saddle: the rate needs one unstable mode there
        assertThrows(InvalidInputException.class, () -> HarmonicTransitionState.of(vMin, vMin, 0.5));
        // an ensemble: the EAM plus three small pair corrections (as a committee's members differ)
        List<Potential> ensemble = new java.util.ArrayList<>();
        for (double eps : new double[] {0.001, 0.003, 0.005}) {
            ensemble.add(new org.isthmus.atomistic.train.DeltaPotential(eam,
                    LennardJones.builder(6.0).species(CU, eps, 2.3).build()));
        }
        RateSpread spread = RateSpread.of(ensemble, min, ts);
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (HarmonicTransitionState m : spread.members()) {
            lo = Math.min(lo, m.rate(600));
            hi = Math.max(hi, m.rate(600));
        }
        assertTrue(spread.rate(600) > lo && spread.rate(600) < hi, "geometric mean between the members");
        assertTrue(spread.logSpread(600) > 0 && spread.barrier()[1] > 0);
        System.out.printf("ensemble: barrier %.4f ± %.4f eV, k(600 K) = %.3e × e^±%.2f 1/s%n", spread.barrier()[0],
                spread.barrier()[1], spread.rate(600), spread.logSpread(600));
        RateSpread same = RateSpread.of(List.of(eam, eam), min, ts);
        assertEquals(0, same.logSpread(600), 1e-12);
    }
}
