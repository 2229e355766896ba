package org.isthmus.atomistic.potential.sw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.PotentialContract;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.atomistic.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Stillinger–Weber silicon: the potential contract, and the published diamond-Si figures
 * (Stillinger, Weber, Phys. Rev. B 31, 5262 (1985): cohesive energy 2ε = 4.3366 eV/atom at
 * a = 5.431 Å) and LAMMPS's value with Si.sw (shared/potentials/README.md: −4.33660 eV/atom).
 */
class StillingerWeberTest extends PotentialContract {

    static final Element SI = Element.of("Si");
    static final StillingerWeber SW = StillingerWeber.silicon1985();

    @Override
    protected Potential potential() {
        return SW;
    }

    @Override
    protected Configuration periodicSample() {
        return rattle(Lattices.diamond(SI, 5.431, 2, 2, 1), 0.15, 3);
    }

    @Override
    protected Configuration clusterSample() {
        return rattle(Lattices.diamond(SI, 5.431, 2, 1, 1).withCell(Cell.none()), 0.15, 7);
    }

    static double energyPerAtom(Potential p, double a) {
        Configuration c = Lattices.diamond(SI, a, 1, 1, 1);
        return p.compute(c).energy() / c.size();
    }

    @Test
    void diamondAtTheLammpsFigureWithSiSw() {
        StillingerWeber fromFile = StillingerWeber.read(SharedData.require("potentials/Si.sw"));
        // LAMMPS 29 Sep 2021 with Si.sw, perfect diamond a = 5.431 Å (shared/potentials/README.md)
        assertEquals(-4.33660, energyPerAtom(fromFile, 5.431), 5e-6);
        assertEquals(-4.33660, energyPerAtom(SW, 5.431), 5e-6);
        assertEquals(energyPerAtom(SW, 5.431), energyPerAtom(fromFile, 5.431), 1e-12);
    }

    @Test
    void publishedCohesiveEnergyAtThePublishedLatticeConstant() {
        // Stillinger–Weber 1985: diamond minimum at r0 = 2^(1/6) σ, i.e. a0 = 4 r0/√3 = 5.4309 Å, E = −2ε
        Configuration c = Lattices.diamond(SI, 5.431, 2, 2, 2);
        Evaluation e = SW.compute(c);
        assertEquals(-2 * 2.1683, e.energy() / c.size(), 1e-6);
        for (double s : e.siteEnergies()) {
            assertEquals(-2 * 2.1683, s, 1e-6, "every site of the perfect crystal");
        }
        // dE/da per atom = −tr(W)/(3·a/3)/N: about zero at 5.431 (|a − a0| = 6e-5 Å, curvature ~4 eV/Å²)
        assertTrue(Math.abs(dEdaPerAtom(5.431, 2)) < 5e-4, "dE/da = " + dEdaPerAtom(5.431, 2));
        double a0 = 4 * Math.pow(2, 1.0 / 6) * 2.0951 / Math.sqrt(3);
        assertTrue(Math.abs(dEdaPerAtom(a0, 2)) < 1e-9, "dE/da at a0 = " + dEdaPerAtom(a0, 2));
        assertTrue(dEdaPerAtom(5.40, 2) < 0 && dEdaPerAtom(5.46, 2) > 0, "a minimum, not a maximum");
    }

    /** dE/da per atom (eV/Å) for uniform dilation, from the virial: dE/dε_kk summed = −tr W, da = a dε. */
    static double dEdaPerAtom(double a, int cells) {
        Configuration c = Lattices.diamond(SI, a, cells, cells, cells);
        double[] w = SW.compute(c).virial();
        return -(w[0] + w[4] + w[8]) / a / c.size();
    }

    @Test
    void virialMatchesTheEnergyDerivativeAlongTheLattice() {
        double h = 1e-5;
        double fd = (energyPerAtom(SW, 5.5 + h) - energyPerAtom(SW, 5.5 - h)) / (2 * h);
        assertEquals(fd, dEdaPerAtom(5.5, 1), 1e-7);
    }

    @Test
    void trimerEnergyMatchesTheFormulaWithEachAngleAtItsVertex() {
        // a trimer i at the origin, j and k at r along directions with angle θ: E = φ₂(rj)+φ₂(rk)+φ₃ at i
        // (+ φ₃ at j and k, and φ₂(jk) if within range). Use r = 2.4 Å, θ = 60° → jk = 2.4 Å.
        double r = 2.4;
        double th = Math.PI / 3;
        Configuration t = Configuration.of(new Element[] {SI, SI, SI},
                new double[] {0, 0, 0, r, 0, 0, r * Math.cos(th), r * Math.sin(th), 0}, Cell.none());
        double eps = 2.1683;
        double sig = 2.0951;
        double phi2 = 7.049556277 * eps * (0.6022245584 * Math.pow(sig / r, 4) - 1) * Math.exp(sig / (r - 1.8 * sig));
        double g = Math.exp(1.2 * sig / (r - 1.8 * sig));
        double phi3 = 21.0 * eps * Math.pow(0.5 + 1.0 / 3, 2) * g * g; // every angle 60°
        Evaluation e = SW.compute(t);
        assertEquals(3 * phi2 + 3 * phi3, e.energy(), 1e-12);
        assertArrayEquals(new double[] {phi2 + phi3, phi2 + phi3, phi2 + phi3}, e.siteEnergies(), 1e-12);
    }
}
