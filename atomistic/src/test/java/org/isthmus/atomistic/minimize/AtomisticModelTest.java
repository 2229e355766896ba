package org.isthmus.atomistic.minimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.api.Test;

class AtomisticModelTest {

    private final Configuration crystal = Argon.rattle(Argon.fcc(2), 0.1, 11);

    @Test
    void gradientIsMinusTheForcesOfTheSameConfiguration() {
        AtomisticModel m = Argon.model(crystal);
        double[] x = m.initialPoint();
        assertArrayEquals(crystal.positions(), x, 0.0);
        double[] g = new double[m.dimension()];
        double e = m.energyAndGradient(x, g);
        Evaluation ref = Argon.LJ.compute(crystal, Argon.SERIAL);
        assertEquals(ref.energy(), e, 1e-12);
        assertEquals(ref.energy(), m.energy(x), 1e-12);
        double[] f = ref.forces();
        for (int k = 0; k < g.length; k++) {
            assertEquals(-f[k], g[k], 1e-12);
        }
        assertEquals(ref.maxForce(), m.forceNorm(g), 1e-14);
    }

    @Test
    void gradientMatchesCentralDifferencesOfTheEnergy() {
        AtomisticModel m = Argon.model(crystal);
        double[] x = m.initialPoint();
        double[] g = new double[m.dimension()];
        m.energyAndGradient(x, g);
        double h = 1e-5;
        for (int k = 0; k < x.length; k += 7) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[k] += h;
            xm[k] -= h;
            assertEquals((m.energy(xp) - m.energy(xm)) / (2 * h), g[k], 1e-7, "component " + k);
        }
    }

    @Test
    void neighbourListIsReusedWithinHalfTheSkinAndGivesTheSameNumbers() {
        AtomisticModel m = AtomisticModel.builder(Argon.LJ, crystal).request(Argon.SERIAL).skin(1.0).build();
        double[] x = m.initialPoint();
        double[] g = new double[x.length];
        m.energyAndGradient(x, g);
        assertEquals(1, m.neighborRebuilds());
        x[0] += 0.45; // below skin/2: the list built before still holds every pair within r_c
        double e = m.energyAndGradient(x, g);
        assertEquals(1, m.neighborRebuilds());
        Evaluation fresh = Argon.LJ.compute(m.configurationAt(x), Argon.SERIAL);
        assertEquals(fresh.energy(), e, 1e-12);
        assertEquals(fresh.force(0, 0), -g[0], 1e-12);
        x[0] += 0.1;
        m.energyAndGradient(x, g);
        assertEquals(2, m.neighborRebuilds());
        assertEquals(3, m.evaluations());
    }

    @Test
    void fixedAtomsAreNotDegreesOfFreedom() {
        AtomisticModel m = AtomisticModel.builder(Argon.LJ, crystal).request(Argon.SERIAL).fixAtoms(0, 5).build();
        assertEquals(3 * crystal.size() - 6, m.dimension());
        double[] x = m.initialPoint();
        double[] g = new double[x.length];
        m.energyAndGradient(x, g);
        double[] f = Argon.LJ.compute(crystal).forces();
        int[] free = m.freeComponents();
        for (int k = 0; k < free.length; k++) {
            assertEquals(-f[free[k]], g[k], 1e-12);
        }
        java.util.Arrays.fill(x, 100.0);
        Configuration c = m.configurationAt(x);
        for (int a : new int[] {0, 5}) {
            for (int k = 0; k < 3; k++) {
                assertEquals(crystal.x(a, k), c.x(a, k), 0.0);
            }
        }
        assertEquals(100.0, c.x(1, 0), 0.0);
    }

    @Test
    void fixedComponentsAndTheirNorms() {
        boolean[] fixed = new boolean[3 * crystal.size()];
        fixed[2] = true; // z of atom 0
        AtomisticModel m = AtomisticModel.builder(Argon.LJ, crystal).fixComponents(fixed).build();
        assertEquals(3 * crystal.size() - 1, m.dimension());
        double[] v = new double[m.dimension()];
        v[0] = 3; // x of atom 0
        v[1] = 4; // y of atom 0
        v[2] = 1; // x of atom 1
        assertEquals(5.0, m.stepNorm(v), 1e-15);
        assertEquals(5.0, m.forceNorm(v), 1e-15);
    }

    @Test
    void weightsOfTheRequestAreHonoured() {
        double[] w = new double[crystal.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 2 == 0 ? 1.0 : 0.25;
        }
        AtomisticModel m = AtomisticModel.builder(Argon.LJ, crystal).request(Argon.SERIAL.withWeights(w)).build();
        double[] g = new double[m.dimension()];
        double e = m.energyAndGradient(m.initialPoint(), g);
        Evaluation ref = Argon.LJ.compute(crystal, Argon.SERIAL.withWeights(w));
        assertEquals(ref.energy(), e, 1e-12);
        assertEquals(-ref.force(3, 1), g[10], 1e-12);
    }

    @Test
    void configurationsAtOtherPositionsDropTheTemplatesReferenceData() {
        Configuration labelled = crystal.withReference(-1.0, new double[3 * crystal.size()]);
        AtomisticModel m = Argon.model(labelled);
        Configuration c = m.configurationAt(m.initialPoint());
        assertFalse(c.referenceEnergy().isPresent());
        assertFalse(c.hasReferenceForces());
        assertTrue(m.template() == labelled);
    }

    @Test
    void rejectsBadInput() {
        AtomisticModel m = Argon.model(crystal);
        assertThrows(IllegalArgumentException.class, () -> m.energy(new double[5]));
        assertThrows(IllegalArgumentException.class, () -> AtomisticModel.builder(Argon.LJ, crystal).fixAtoms(99));
        assertThrows(IllegalArgumentException.class, () -> AtomisticModel.builder(Argon.LJ, crystal).skin(-1));
    }
}
