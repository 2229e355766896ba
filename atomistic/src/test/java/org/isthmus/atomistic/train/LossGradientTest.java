package org.isthmus.atomistic.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.isthmus.atomistic.nnp.Activation;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.potential.Evaluation;
import org.junit.jupiter.api.Test;

/**
 * The loss gradient against central finite differences of the loss, and the cached-descriptor
 * predictions against {@link NnpPotential} itself.
 */
class LossGradientTest {

    /** Worst |analytic − FD| / max|grad| over every parameter; FD step h = 1e-5 (central, error O(h²)). */
    private static double worstRelativeDeviation(Loss loss, double[] p) {
        int np = p.length;
        double[] g = new double[np];
        int[] all = new int[loss.data().size()];
        for (int k = 0; k < all.length; k++) {
            all[k] = k;
        }
        loss.evaluate(p, all, g);
        double gmax = 0;
        for (double x : g) {
            gmax = Math.max(gmax, Math.abs(x));
        }
        double worst = 0;
        double h = 1e-5;
        for (int q = 0; q < np; q++) {
            double[] a = p.clone();
            double[] b = p.clone();
            a[q] += h;
            b[q] -= h;
            double fd = (loss.evaluate(a).loss() - loss.evaluate(b).loss()) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - g[q]) / gmax);
        }
        return worst;
    }

    @Test
    void gradientMatchesFiniteDifferencesForSeveralRandomWeights() {
        Dataset data = TrainFixtures.smallSilicon(3, 11);
        for (Activation act : new Activation[] {Activation.TANH, Activation.SOFTPLUS}) {
            ModelLayout layout = TrainFixtures.layout(data, new int[] {4, 3}, act);
            try (Loss loss = new Loss(TrainingSet.of(layout, data), new LossSettings(0.01, 0.2, 0.0, true), 1)) {
                for (long seed = 1; seed <= 3; seed++) {
                    double[] p = layout.initialParameters(seed);
                    SplittableRandom r = new SplittableRandom(seed);
                    for (int q = 0; q < p.length; q++) {
                        p[q] += 0.3 * (2 * r.nextDouble() - 1); // biases nonzero too
                    }
                    double dev = worstRelativeDeviation(loss, p);
                    assertTrue(dev < 1e-6, act + " seed " + seed + ": worst relative deviation " + dev);
                }
            }
        }
    }

    @Test
    void forceTermAloneAndTotalEnergiesAlsoExact() {
        Dataset data = TrainFixtures.smallSilicon(2, 5);
        ModelLayout layout = TrainFixtures.layout(data, new int[] {5}, Activation.TANH);
        try (Loss loss = new Loss(TrainingSet.of(layout, data), new LossSettings(0.05, 0.1, 0.7, false), 1)) {
            double dev = worstRelativeDeviation(loss, layout.initialParameters(9));
            assertTrue(dev < 1e-6, "worst relative deviation " + dev);
        }
    }

    @Test
    void virialTermGradientExactToo() {
        Dataset data = TrainFixtures.smallSilicon(3, 17);
        ModelLayout layout = TrainFixtures.layout(data, new int[] {4, 3}, Activation.TANH);
        LossSettings s = new LossSettings(0.01, 0.2, 0.0, true, 0.02, 3.0);
        try (Loss loss = new Loss(TrainingSet.of(layout, data), s, 1)) {
            double[] p = layout.initialParameters(5);
            LossValue v = loss.evaluate(p);
            assertTrue(v.virialLoss() > 0 && v.virialRmsePerAtom() > 0, "virial term present: " + v);
            assertEquals(v.energyLoss() + v.forceLoss() + v.virialLoss(), v.loss(), 1e-12 * v.loss());
            double dev = worstRelativeDeviation(loss, p);
            assertTrue(dev < 1e-6, "worst relative deviation " + dev);
        }
    }

    @Test
    void virialTermMovesTheGradient() {
        Dataset data = TrainFixtures.smallSilicon(3, 17);
        ModelLayout layout = TrainFixtures.layout(data, new int[] {4}, Activation.TANH);
        TrainingSet set = TrainingSet.of(layout, data);
        double[] p = layout.initialParameters(2);
        int[] all = new int[data.size()];
        for (int k = 0; k < all.length; k++) {
            all[k] = k;
        }
        double[] g0 = new double[p.length];
        double[] g1 = new double[p.length];
        try (Loss off = new Loss(set, new LossSettings(0.01, 0.2, 0.0, true), 1);
                Loss on = new Loss(set, new LossSettings(0.01, 0.2, 0.0, true, 0.01, 1.0), 1)) {
            LossValue a = off.evaluate(p, all, g0);
            LossValue b = on.evaluate(p, all, g1);
            assertEquals(0.0, a.virialLoss());
            assertEquals(a.virialRmsePerAtom(), b.virialRmsePerAtom(), 0.0, "the error is reported either way");
            double diff = 0;
            for (int q = 0; q < p.length; q++) {
                diff = Math.max(diff, Math.abs(g1[q] - g0[q]));
            }
            assertTrue(diff > 0, "the virial term contributes to the gradient");
        }
    }

    @Test
    void cachedPredictionsEqualTheNnPotential() {
        Dataset data = TrainFixtures.smallSilicon(3, 2);
        ModelLayout layout = TrainFixtures.layout(data, new int[] {6, 6}, Activation.TANH);
        double[] p = layout.initialParameters(4);
        NnpPotential pot = layout.potential(p);
        try (Loss loss = new Loss(TrainingSet.of(layout, data), LossSettings.defaults(), 1)) {
            for (int k = 0; k < data.size(); k++) {
                Evaluation e = pot.compute(data.get(k));
                double[] f = new double[3 * data.get(k).size()];
                double[] w = new double[9];
                double energy = loss.predict(p, k, f, w);
                assertEquals(e.energy(), energy, 1e-10 * Math.abs(e.energy()));
                assertArrayEquals(e.forces(), f, 1e-10);
                double wmax = 0;
                for (double x : e.virial()) {
                    wmax = Math.max(wmax, Math.abs(x));
                }
                assertArrayEquals(e.virial(), w, 1e-10 * wmax, "virial of configuration " + k);
                double[][] g = pot.symmetryFunctions(data.get(k));
                AtomDescriptors d = AtomDescriptors.of(data.get(k), layout);
                for (int i = 0; i < g.length; i++) {
                    assertArrayEquals(g[i], d.values(i), 1e-12);
                }
            }
        }
    }

    @Test
    void resultIndependentOfThreadCount() {
        Dataset data = TrainFixtures.smallSilicon(5, 3);
        ModelLayout layout = TrainFixtures.layout(data, new int[] {5}, Activation.TANH);
        TrainingSet set = TrainingSet.of(layout, data);
        double[] p = layout.initialParameters(1);
        int[] all = {0, 1, 2, 3, 4, 5, 6};
        double[] g1 = new double[p.length];
        double[] g3 = new double[p.length];
        LossValue v1;
        LossValue v3;
        try (Loss l1 = new Loss(set, LossSettings.defaults(), 1); Loss l3 = new Loss(set, LossSettings.defaults(), 3)) {
            v1 = l1.evaluate(p, all, g1);
            v3 = l3.evaluate(p, all, g3);
        }
        assertEquals(v1, v3);
        assertArrayEquals(g1, g3, 0.0);
    }
}
