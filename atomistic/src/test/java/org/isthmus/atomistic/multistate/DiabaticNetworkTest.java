package org.isthmus.atomistic.multistate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.nnp.Activation;
import org.junit.jupiter.api.Test;

/** Exact derivatives and invariances of untrained (random) diabatic networks. */
class DiabaticNetworkTest {

    static DiabaticNetwork random(int states, Descriptor d, int[] hidden, long seed) {
        int nf = d.size();
        double[] mean = new double[nf];
        double[] scale = new double[nf];
        for (int f = 0; f < nf; f++) {
            mean[f] = 0.1 * f;
            scale[f] = 0.5 + 0.1 * f;
        }
        double[] p = DiabaticNetwork.initialParameters(states, nf, hidden, seed);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed + 1);
        for (int q = 0; q < p.length; q++) {
            p[q] += 0.1 * (rnd.nextDouble() - 0.5); // non-zero biases too
        }
        return new DiabaticNetwork(states, d, hidden, Activation.TANH, mean, scale, p);
    }

    /** A bent triatomic (Å). */
    static final double[] TRIATOMIC = {0.0, 0.0, 0.0, 0.96, 0.05, -0.02, -0.25, 0.93, 0.04};

    @Test
    void diabaticGradientIsExact() {
        DiabaticNetwork two = random(2, new CartesianInputs(2), new int[] {6, 5}, 1);
        MultistateChecks.diabaticGradientMatches(two, new double[] {0.3, -0.7}, 1e-6, 1e-8);
        DiabaticNetwork three = random(3, new InverseDistances(3), new int[] {7}, 2);
        MultistateChecks.diabaticGradientMatches(three, TRIATOMIC, 1e-6, 1e-8);
    }

    @Test
    void atomisticForcesAndCouplingsOfATriatomic() {
        DiabaticNetwork three = random(3, new InverseDistances(3), new int[] {7}, 2);
        MultistateChecks.forcesMatchEnergyDifferences(three, TRIATOMIC, 1e-6, 1e-7);
        MultistateChecks.couplingsMatchEigenvectorDifferences(three, TRIATOMIC, 1e-6, 1e-6);
        // translation invariance: the forces on the three atoms sum to zero for every state
        AdiabaticStates a = AdiabaticStates.of(three, TRIATOMIC);
        for (int k = 0; k < 3; k++) {
            double[] f = a.force(k);
            for (int x = 0; x < 3; x++) {
                assertEquals(0.0, f[x] + f[3 + x] + f[6 + x], 1e-12);
            }
        }
    }

    @Test
    void adiabaticEnergiesAreInvariantUnderRotationAndTranslation() {
        DiabaticNetwork three = random(3, new InverseDistances(3), new int[] {7}, 2);
        double[] moved = new double[9];
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        for (int i = 0; i < 3; i++) { // rotate about z by 0.7 rad, then translate
            double x = TRIATOMIC[3 * i];
            double y = TRIATOMIC[3 * i + 1];
            moved[3 * i] = c * x - s * y + 1.5;
            moved[3 * i + 1] = s * x + c * y - 2.0;
            moved[3 * i + 2] = TRIATOMIC[3 * i + 2] + 0.3;
        }
        assertArrayEquals(AdiabaticStates.of(three, TRIATOMIC).energies(), AdiabaticStates.of(three, moved).energies(),
                1e-12);
    }

    @Test
    void parameterGradientIsExact() {
        DiabaticNetwork net = random(2, new CartesianInputs(2), new int[] {5, 4}, 4);
        double[] r = {0.2, 0.9};
        double[] seeds = {0.7, -1.3, 0.4};
        double[] p = net.parameters();
        double[] grad = new double[p.length];
        net.parameterGradient(r, p, seeds, grad, null);
        double[] out = new double[3];
        double h = 1e-6;
        for (int q = 0; q < p.length; q++) {
            double[] pp = p.clone();
            double[] pm = p.clone();
            pp[q] += h;
            pm[q] -= h;
            net.outputs(r, pp, out);
            double fp = seeds[0] * out[0] + seeds[1] * out[1] + seeds[2] * out[2];
            net.outputs(r, pm, out);
            double fm = seeds[0] * out[0] + seeds[1] * out[1] + seeds[2] * out[2];
            assertEquals((fp - fm) / (2 * h), grad[q], 1e-8, "parameter " + q);
        }
    }

    @Test
    void outputsAreTheUpperTriangleRowByRow() {
        DiabaticNetwork three = random(3, new InverseDistances(3), new int[] {4}, 5);
        assertEquals(6, three.outputs());
        int[][] expected = {{0, 1, 2}, {1, 3, 4}, {2, 4, 5}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[i][j], three.outputIndex(i, j));
            }
        }
        double[][] v = new double[3][3];
        three.evaluate(TRIATOMIC, v, null);
        double[] out = new double[6];
        three.outputs(TRIATOMIC, three.parameters(), out);
        assertEquals(out[4], v[1][2], 0.0);
        assertEquals(out[4], v[2][1], 0.0);
    }

    @Test
    void badInputIsRefused() {
        CartesianInputs d = new CartesianInputs(2);
        double[] p = DiabaticNetwork.initialParameters(2, 2, new int[] {3}, 1);
        assertThrows(InvalidInputException.class,
                () -> new DiabaticNetwork(2, d, new int[] {3}, Activation.RELU, new double[2], new double[] {1, 1}, p));
        assertThrows(InvalidInputException.class,
                () -> new DiabaticNetwork(2, d, new int[] {3}, Activation.TANH, new double[2], new double[] {1, 0}, p));
        assertThrows(InvalidInputException.class, () -> new DiabaticNetwork(2, d, new int[] {3}, Activation.TANH,
                new double[2], new double[] {1, 1}, new double[p.length - 1]));
        assertThrows(InvalidInputException.class, () -> new DiabaticNetwork(1, d, new int[] {3}, Activation.TANH,
                new double[2], new double[] {1, 1}, p));
        DiabaticNetwork net = new DiabaticNetwork(2, d, new int[] {3}, Activation.TANH, new double[2],
                new double[] {1, 1}, p);
        assertThrows(InvalidInputException.class, () -> net.evaluate(new double[3], new double[2][2], null));
        assertThrows(InvalidInputException.class, () -> new InverseDistances(3).evaluate(new double[9], new double[3],
                null));
    }
}
