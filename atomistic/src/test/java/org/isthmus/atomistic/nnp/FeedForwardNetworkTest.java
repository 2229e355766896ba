package org.isthmus.atomistic.nnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;

import org.isthmus.atomistic.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The network and activations as n2p2 defines them (SPEC.md §9, NeuralNetwork.cpp): formulas and
 * codes, the clamps at |x| &gt; 35, normalize_nodes (bias divided too), the parameter order of
 * weights.ZZZ.data (§10), and the reverse-mode input gradient against central differences.
 */
class FeedForwardNetworkTest {

    @Test
    void activationFormulasAndCodes() {
        double x = 0.3;
        double s = 1 / (1 + Math.exp(-x));
        assertEquals(x, Activation.of("l").value(x), 0);
        assertEquals(Math.tanh(x), Activation.of("t").value(x), 1e-16);
        assertEquals(s, Activation.of("s").value(x), 1e-16);
        assertEquals(Math.log(1 + Math.exp(x)), Activation.of("p").value(x), 1e-16);
        assertEquals(x, Activation.of("r").value(x), 0);
        assertEquals(0, Activation.of("r").value(-x), 0);
        assertEquals(Math.exp(-x * x / 2), Activation.of("g").value(x), 1e-16);
        assertEquals(Math.cos(x), Activation.of("c").value(x), 1e-16);
        assertEquals(1 - s, Activation.of("S").value(x), 1e-16);
        assertEquals(Math.exp(-x), Activation.of("e").value(x), 1e-16);
        assertEquals(x * x, Activation.of("h").value(x), 1e-16);
        assertThrows(InvalidInputException.class, () -> Activation.of("x"));
        for (Activation a : Activation.values()) {
            assertEquals(a, Activation.of(String.valueOf(a.code())));
            for (double v : new double[] {-2.1, -0.4, 0.7, 1.9}) {
                double h = 1e-6;
                double fd = (a.value(v + h) - a.value(v - h)) / (2 * h);
                assertEquals(fd, a.derivative(v), 1e-8, a + " at " + v);
            }
        }
    }

    @Test
    void logisticAndSoftplusAreClampedLikeN2p2() {
        assertEquals(1.0, Activation.LOGISTIC.value(35.5), 0);
        assertEquals(0.0, Activation.LOGISTIC.derivative(35.5), 0);
        assertEquals(0.0, Activation.LOGISTIC.value(-35.5), 0);
        assertEquals(35.5, Activation.SOFTPLUS.value(35.5), 0);
        assertEquals(1.0, Activation.SOFTPLUS.derivative(35.5), 0);
        assertEquals(0.0, Activation.SOFTPLUS.value(-35.5), 0);
        assertEquals(0.0, Activation.SOFTPLUS.derivative(-35.5), 0);
    }

    @Test
    void normalisedNodesDivideTheBiasToo() {
        // 2 inputs → 1 output (identity): y = (w1 x1 + w2 x2 + b)/2; parameters in n2p2 order w1, w2, b
        FeedForwardNetwork n = new FeedForwardNetwork(new int[] {2, 1}, List.of(Activation.IDENTITY),
                new double[] {0.5, -2.0, 3.0}, true);
        assertEquals((0.5 * 1.0 - 2.0 * 0.25 + 3.0) / 2, n.evaluate(new double[] {1.0, 0.25}), 1e-15);
    }

    @Test
    void parametersAreSourceMajorThenBiases() {
        int[] sizes = {3, 2, 1};
        double[] p = new double[FeedForwardNetwork.parameterCount(sizes)];
        for (int k = 0; k < p.length; k++) {
            p[k] = k + 1;
        }
        FeedForwardNetwork n = new FeedForwardNetwork(sizes, List.of(Activation.TANH, Activation.IDENTITY), p, false);
        assertEquals(3 * 2 + 2 + 2 * 1 + 1, p.length);
        assertEquals(1, n.weight(1, 0, 0), 0); // a^{01}_{11}
        assertEquals(2, n.weight(1, 0, 1), 0); // a^{01}_{12}
        assertEquals(3, n.weight(1, 1, 0), 0);
        assertEquals(7, n.bias(1, 0), 0);
        assertEquals(8, n.bias(1, 1), 0);
        assertEquals(9, n.weight(2, 0, 0), 0);
        assertEquals(11, n.bias(2, 0), 0);
        assertArrayEquals(p, n.parameters(), 0);
        assertThrows(InvalidInputException.class, () -> n.withParameters(new double[p.length - 1]));
    }

    @Test
    void inputGradientMatchesCentralDifferences() {
        Random r = new Random(9);
        for (Activation a : Activation.values()) {
            for (boolean normalize : new boolean[] {false, true}) {
                int[] sizes = {4, 6, 5, 1};
                double[] p = new double[FeedForwardNetwork.parameterCount(sizes)];
                for (int k = 0; k < p.length; k++) {
                    p[k] = r.nextGaussian() * 0.5;
                }
                FeedForwardNetwork n = new FeedForwardNetwork(sizes, List.of(a, Activation.TANH, Activation.IDENTITY), p,
                        normalize);
                double[] x = {0.3, -0.8, 0.5, 1.1};
                double[] grad = new double[4];
                n.evaluate(x, grad);
                for (int k = 0; k < 4; k++) {
                    double h = 1e-6;
                    double[] xp = x.clone();
                    xp[k] += h;
                    double[] xm = x.clone();
                    xm[k] -= h;
                    double fd = (n.evaluate(xp) - n.evaluate(xm)) / (2 * h);
                    assertEquals(fd, grad[k], 1e-8, a + (normalize ? " normalised" : "") + " input " + k);
                }
            }
        }
    }
}
