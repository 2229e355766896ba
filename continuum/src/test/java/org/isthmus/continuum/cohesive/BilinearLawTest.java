package org.isthmus.continuum.cohesive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Bilinear law (σ_max = 3, G_c = 0.6, k₀ = 300: λ₀ = 0.01, λ_f = 0.4): the contract with a
 * damaged history κ = 0.1 (samples in the unloading, softening, compressive and separated
 * ranges), irreversibility (unloading follows the secant to the origin) and damage values.
 */
class BilinearLawTest extends CohesiveLawContract {
    @Override
    protected CohesiveLaw law() {
        return new BilinearLaw(3, 0.6, 300);
    }

    @Override
    protected double history() {
        return 0.1;
    }

    @Override
    protected double[][] samples() {
        return new double[][] {{0.03, 0.02, -0.01}, {0.15, 0.05, 0.02}, {-0.02, 0.03, 0.01}, {0.5, 0.1, 0}, {0.005, 0, 0}};
    }

    @Override
    protected double stressScale() {
        return 3;
    }

    @Override
    protected double separationOpening() {
        return 0.5;
    }

    @Test
    void unloadsToTheOriginAndDamageGrows() {
        BilinearLaw law = new BilinearLaw(3, 0.6, 300);
        double[] t = new double[3];
        double kappa = law.updatedHistory(new double[] {0.2, 0, 0}, 0);
        assertEquals(0.2, kappa, 1e-15);
        // envelope at 0.2: 3·(0.4 − 0.2)/(0.39) ; secant unloading halves it at 0.1
        double tEnv = 3 * (0.4 - 0.2) / 0.39;
        law.evaluate(new double[] {0.1, 0, 0}, kappa, t, null);
        assertEquals(tEnv / 2, t[0], 1e-12);
        assertEquals(1 - (tEnv / 0.2) / 300, law.damage(kappa), 1e-12);
        assertEquals(0, law.damage(0), 1e-15);
        assertEquals(1, law.damage(0.4), 1e-15);
        assertEquals(kappa, law.updatedHistory(new double[] {0.1, 0, 0}, kappa), "no healing");
    }
}
