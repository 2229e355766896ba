package org.isthmus.atomistic.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.isthmus.atomistic.nnp.Activation;
import org.isthmus.atomistic.nnp.FeedForwardNetwork;
import org.junit.jupiter.api.Test;

/** The training tape against {@link FeedForwardNetwork}, and activation curvatures against differences. */
class NetworkTapeTest {

    @Test
    void forwardAndInputGradientMatchTheNetwork() {
        int[] sizes = {5, 7, 4, 1};
        for (Activation a : List.of(Activation.TANH, Activation.SOFTPLUS, Activation.LOGISTIC, Activation.GAUSSIAN)) {
            List<Activation> acts = List.of(a, a, Activation.IDENTITY);
            SplittableRandom r = new SplittableRandom(3);
            double[] p = new double[FeedForwardNetwork.parameterCount(sizes) + 2];
            for (int q = 0; q < p.length; q++) {
                p[q] = r.nextDouble() - 0.5;
            }
            double[] own = java.util.Arrays.copyOfRange(p, 2, p.length);
            FeedForwardNetwork net = new FeedForwardNetwork(sizes, acts, own, false);
            NetworkTape tape = new NetworkTape(sizes, acts);
            double[] x = {0.3, -1.2, 0.8, 0.1, 2.0};
            double[] g1 = new double[5];
            double[] g2 = new double[5];
            double e = net.evaluate(x, g1);
            assertEquals(e, tape.forward(x, p, 2), 1e-14);
            tape.inputGradient(p, 2, g2);
            assertArrayEquals(g1, g2, 1e-14);
        }
    }

    @Test
    void curvatureMatchesDifferencesOfTheDerivative() {
        double h = 1e-6;
        for (Activation a : Activation.values()) {
            for (double x : new double[] {-2.1, -0.4, 0.3, 1.7}) {
                double fd = (a.derivative(x + h) - a.derivative(x - h)) / (2 * h);
                assertEquals(fd, a.secondDerivative(x), 1e-7, a + " at " + x);
                double[] y = {x};
                double[] d = new double[1];
                a.apply(y, d, 0, 1);
                assertEquals(a.value(x), y[0], 0.0, a.toString());
                assertEquals(a.derivative(x), d[0], 0.0, a.toString());
            }
        }
    }
}
