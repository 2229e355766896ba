package org.isthmus.continuum.cohesive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Xu–Needleman with coupling parameters q = 0.7, r = 0.2: the contract, and the peak traction for q = 1, r = 0. */
class ExponentialLawTest extends CohesiveLawContract {
    @Override
    protected CohesiveLaw law() {
        return new ExponentialLaw(2.0, 0.1, 0.15, 0.7, 0.2);
    }

    @Override
    protected double[][] samples() {
        return new double[][] {{0.05, 0.02, -0.03}, {0.2, -0.1, 0.05}, {-0.02, 0.04, 0}, {0.3, 0, 0}};
    }

    @Override
    protected double stressScale() {
        return 2.0;
    }

    @Override
    protected double separationOpening() {
        // e^{-a} (…) decays to 1e-13 of φ_n by a = 35
        return 3.5;
    }

    @Test
    void peakNormalTractionIsSigmaMax() {
        ExponentialLaw law = ExponentialLaw.of(2.0, 0.1, 0.15);
        double[] t = new double[3];
        law.evaluate(new double[] {0.1, 0, 0}, 0, t, null);
        assertEquals(2.0, t[0], 1e-12);
        assertEquals(Math.E * 2.0 * 0.1, law.workOfSeparation(), 1e-15);
    }
}
