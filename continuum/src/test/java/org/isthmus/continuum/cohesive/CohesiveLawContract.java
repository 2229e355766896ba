package org.isthmus.continuum.cohesive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CohesiveLaw} test extends: traction = ∂φ/∂δ and tangent = ∂T/∂δ
 * against central differences at sample openings (chosen away from the law's kinks) for the
 * given history, symmetry of the tangent, φ(0) = 0, and the mode-I work of separation equal to
 * ∫ T_n dδ_n (trapezoidal rule on a fine grid, reversible loading).
 */
abstract class CohesiveLawContract {

    protected abstract CohesiveLaw law();

    /** Sample openings (δ_n, δ_t1, δ_t2) away from kinks. */
    protected abstract double[][] samples();

    /** History used with the samples. */
    protected double history() {
        return 0;
    }

    /** Traction scale for tolerances. */
    protected abstract double stressScale();

    /** Opening beyond which the law is fully separated, for the work integral. */
    protected abstract double separationOpening();

    @Test
    void tractionAndTangentAreExactDerivatives() {
        CohesiveLaw law = law();
        for (double[] d : samples()) {
            double[] t = new double[3];
            double[] k = new double[9];
            double phi = law.evaluate(d, history(), t, k);
            assertEquals(law.evaluate(d, history(), null, null), phi, 1e-14 * stressScale());
            double h = 1e-7 * separationOpening();
            double[] tp = new double[3];
            double[] tm = new double[3];
            for (int j = 0; j < 3; j++) {
                double[] dp = d.clone();
                double[] dm = d.clone();
                dp[j] += h;
                dm[j] -= h;
                double fd = (law.evaluate(dp, history(), tp, null) - law.evaluate(dm, history(), tm, null)) / (2 * h);
                assertEquals(fd, t[j], 1e-6 * stressScale(), "T[" + j + "] at " + java.util.Arrays.toString(d));
                for (int i = 0; i < 3; i++) {
                    double kfd = (tp[i] - tm[i]) / (2 * h);
                    assertEquals(kfd, k[3 * i + j], 1e-5 * stressScale() / separationOpening(),
                            "K[" + i + "," + j + "] at " + java.util.Arrays.toString(d));
                    assertEquals(k[3 * i + j], k[3 * j + i], 1e-9 * stressScale() / separationOpening());
                }
            }
        }
    }

    @Test
    void zeroEnergyAtZeroOpeningAndWorkOfSeparation() {
        CohesiveLaw law = law();
        double[] t = new double[3];
        assertEquals(0, law.evaluate(new double[3], 0, t, null), 1e-14 * stressScale());
        assertEquals(0, t[0], 1e-12 * stressScale());
        int n = 200000;
        double end = separationOpening();
        double work = 0;
        double prev = 0;
        for (int s = 1; s <= n; s++) {
            law.evaluate(new double[] {end * s / n, 0, 0}, 0, t, null);
            work += 0.5 * (prev + t[0]) * end / n;
            prev = t[0];
        }
        assertEquals(law.workOfSeparation(), work, 1e-4 * law.workOfSeparation());
    }
}
