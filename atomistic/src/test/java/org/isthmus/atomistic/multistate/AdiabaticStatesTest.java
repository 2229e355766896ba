package org.isthmus.atomistic.multistate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.isthmus.atomistic.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Adiabatic energies, Hellmann–Feynman forces and derivative couplings of analytic LVC models. */
class AdiabaticStatesTest {

    static final LinearVibronicCoupling TWO = LinearVibronicCoupling.twoMode(1.0, 0.5, 0.2, 0.3);

    /** Three states, three modes, all couplings on: a generic n×n case for the EigenDecomposition path. */
    static final LinearVibronicCoupling THREE = new LinearVibronicCoupling(new double[] {0.0, 0.3, 0.7},
            new double[][] {{-0.4, 0.1, 0.0}, {0.3, -0.2, 0.1}, {0.1, 0.3, -0.3}}, new double[] {1.0, 0.8, 1.3},
            new double[][][] {
                {{0, 0, 0}, {0.2, 0.0, 0.1}, {0.0, 0.15, 0.0}},
                {{0.2, 0.0, 0.1}, {0, 0, 0}, {0.05, 0.0, 0.25}},
                {{0.0, 0.15, 0.0}, {0.05, 0.0, 0.25}, {0, 0, 0}}});

    @Test
    void twoStateEnergiesAreTheClosedFormAndMatchEigenDecomposition() {
        double[] r = {0.3, -0.4};
        double[][] v = new double[2][2];
        TWO.evaluate(r, v, null);
        AdiabaticStates a = AdiabaticStates.of(TWO, r);
        double mean = 0.5 * (v[0][0] + v[1][1]);
        double root = Math.sqrt(0.25 * (v[0][0] - v[1][1]) * (v[0][0] - v[1][1]) + v[0][1] * v[0][1]);
        assertEquals(mean - root, a.energy(0), 1e-14);
        assertEquals(mean + root, a.energy(1), 1e-14);
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(v)).getRealEigenvalues();
        java.util.Arrays.sort(ev);
        assertArrayEquals(ev, a.energies(), 1e-13);
        // eigen-equation V c = E c and orthonormality
        for (int k = 0; k < 2; k++) {
            double[] c = a.vector(k);
            assertEquals(1.0, c[0] * c[0] + c[1] * c[1], 1e-14);
            assertEquals(a.energy(k) * c[0], v[0][0] * c[0] + v[0][1] * c[1], 1e-13);
            assertEquals(a.energy(k) * c[1], v[1][0] * c[0] + v[1][1] * c[1], 1e-13);
        }
    }

    @Test
    void generalPathSatisfiesTheEigenEquation() {
        double[] r = {0.2, -0.1, 0.35};
        double[][] v = new double[3][3];
        THREE.evaluate(r, v, null);
        AdiabaticStates a = AdiabaticStates.of(THREE, r);
        for (int k = 0; k < 3; k++) {
            double[] c = a.vector(k);
            for (int i = 0; i < 3; i++) {
                double vc = 0;
                for (int j = 0; j < 3; j++) {
                    vc += v[i][j] * c[j];
                }
                assertEquals(a.energy(k) * c[i], vc, 1e-12);
            }
            if (k > 0) {
                assertTrue(a.energy(k) >= a.energy(k - 1));
            }
        }
    }

    @Test
    void forcesAreMinusTheGradientOfEachSurfaceAwayFromTheIntersection() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int s = 0; s < 5; s++) {
            double[] r2 = {-1 + 2 * rnd.nextDouble(), -1 + 2 * rnd.nextDouble()};
            if (Math.hypot(r2[0] + 0.2, r2[1]) > 0.05) {
                MultistateChecks.forcesMatchEnergyDifferences(TWO, r2, 1e-5, 1e-8);
            }
            double[] r3 = {-1 + 2 * rnd.nextDouble(), -1 + 2 * rnd.nextDouble(), -1 + 2 * rnd.nextDouble()};
            MultistateChecks.forcesMatchEnergyDifferences(THREE, r3, 1e-5, 1e-7);
        }
    }

    @Test
    void couplingsMatchFiniteDifferencesOfEigenvectors() {
        MultistateChecks.couplingsMatchEigenvectorDifferences(TWO, new double[] {0.4, -0.3}, 1e-5, 1e-7);
        // near the intersection the coupling is large (~1/distance) but still a derivative
        MultistateChecks.couplingsMatchEigenvectorDifferences(TWO, new double[] {-0.15, 0.03}, 1e-6, 1e-5);
        MultistateChecks.couplingsMatchEigenvectorDifferences(THREE, new double[] {0.2, -0.1, 0.35}, 1e-5, 1e-7);
    }

    @Test
    void couplingsAreAntisymmetric() {
        AdiabaticStates a = AdiabaticStates.of(THREE, new double[] {0.1, 0.2, -0.3});
        double[] d01 = a.coupling(0, 1);
        double[] d10 = a.coupling(1, 0);
        for (int p = 0; p < 3; p++) {
            assertEquals(-d01[p], d10[p], 1e-14);
        }
    }

    @Test
    void twoStateCouplingIsTheGradientOfTheMixingAngle() {
        // for c_lower = (−sin θ, cos θ), c_upper = (cos θ, sin θ): d_01 = c_0 · ∇c_1 = +∇θ
        double[] r = {0.1, 0.25};
        double h = 1e-6;
        double[] d = AdiabaticStates.of(TWO, r).coupling(0, 1);
        for (int p = 0; p < 2; p++) {
            double[] plus = r.clone();
            double[] minus = r.clone();
            plus[p] += h;
            minus[p] -= h;
            double dtheta = (theta(plus) - theta(minus)) / (2 * h);
            assertEquals(dtheta, d[p], 1e-7);
        }
    }

    private static double theta(double[] r) {
        double[][] v = new double[2][2];
        TWO.evaluate(r, v, null);
        return 0.5 * Math.atan2(2 * v[0][1], v[0][0] - v[1][1]);
    }

    @Test
    void degeneracyAtTheIntersectionIsReportedNotReturnedAsNaN() {
        double[] ci = LinearVibronicCoupling.twoModeIntersection(1.0, 0.5, 0.2);
        AdiabaticStates a = AdiabaticStates.of(TWO, ci);
        assertEquals(0.0, a.gap(0, 1), 1e-15);
        DegenerateStatesException ex = assertThrows(DegenerateStatesException.class, () -> a.coupling(0, 1));
        assertTrue(ex.getMessage().contains("degenerate"), ex.getMessage());
        // the forces are finite there (one element of the cone's subgradient)
        for (double f : a.force(0)) {
            assertTrue(Double.isFinite(f));
        }
        // a stated smaller gap threshold than the actual gap away from it works
        AdiabaticStates near = AdiabaticStates.of(TWO, new double[] {ci[0] + 1e-4, 0});
        assertTrue(near.gap(0, 1) > 0);
        assertThrows(DegenerateStatesException.class, () -> near.coupling(0, 1, 1.0));
        assertTrue(Double.isFinite(near.coupling(0, 1, 1e-9)[0]));
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertThrows(InvalidInputException.class, () -> AdiabaticStates.of(TWO, new double[] {0.1}));
        assertThrows(InvalidInputException.class, () -> AdiabaticStates.of(TWO, new double[] {Double.NaN, 0}));
        assertThrows(InvalidInputException.class,
                () -> AdiabaticStates.of(new double[][] {{0, 1}, {2, 0}}, new double[0][][]));
        assertThrows(InvalidInputException.class,
                () -> AdiabaticStates.of(new double[][] {{0, Double.POSITIVE_INFINITY}, {Double.POSITIVE_INFINITY, 0}},
                        new double[0][][]));
        assertThrows(InvalidInputException.class, () -> AdiabaticStates.of(new double[][] {{1}}, new double[0][][]));
        AdiabaticStates a = AdiabaticStates.of(TWO, new double[] {0.3, 0.3});
        assertThrows(InvalidInputException.class, () -> a.coupling(1, 1));
        assertThrows(InvalidInputException.class, () -> a.energy(2));
        assertThrows(InvalidInputException.class, () -> a.coupling(0, 1, 0.0));
        assertThrows(InvalidInputException.class, () -> LinearVibronicCoupling.twoMode(-1, 0.5, 0.2, 0.3));
        assertThrows(InvalidInputException.class, () -> new LinearVibronicCoupling(new double[] {0, 1},
                new double[][] {{0}, {0}}, new double[] {1}, new double[][][] {{{0}, {0.1}}, {{0.2}, {0}}}));
    }
}
