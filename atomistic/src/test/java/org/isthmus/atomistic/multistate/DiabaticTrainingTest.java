package org.isthmus.atomistic.multistate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    static TrainableDiabatic trained;
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
        System.out.printf("train RMSE %.3e eV, held-out RMSE %.3e eV%n", trainRmse, DiabaticTraining.rmse(trained, heldOut));
    }

    static final int ITER = 1500;

    @Test
    void lossGradientIsExact() {
        List<DiabaticTraining.Sample> few = train.subList(0, 12);
        DiabaticNetwork net = DiabaticTraining.initialNetwork(2, new CartesianInputs(2), new int[] {4, 3},
                Activation.TANH, few, 5);
        DiabaticTraining t = new DiabaticTraining(net, few);
        double[] p = net.parameters();
        double[] grad = new double[p.length];
        t.loss(p, grad);
        double h = 1e-6;
        for (int q = 0; q < p.length; q++) {
            double[] pp = p.clone();
            double[] pm = p.clone();
            pp[q] += h;
            pm[q] -= h;
            assertEquals((t.loss(pp, null) - t.loss(pm, null)) / (2 * h), grad[q], 1e-7, "parameter " + q);
        }
        // three states: the EigenDecomposition path, off-diagonal seeds for V12, V13, V23
        List<double[]> pts = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(2);
        for (int s = 0; s < 8; s++) {
            pts.add(new double[] {rnd.nextDouble() - 0.5, rnd.nextDouble() - 0.5, rnd.nextDouble() - 0.5});
        }
        List<DiabaticTraining.Sample> three = DiabaticTraining.sample(AdiabaticStatesTest.THREE, pts);
        DiabaticNetwork net3 = DiabaticTraining.initialNetwork(3, new CartesianInputs(3), new int[] {4},
                Activation.TANH, three, 8);
        DiabaticTraining t3 = new DiabaticTraining(net3, three);
        double[] p3 = net3.parameters();
        double[] g3 = new double[p3.length];
        t3.loss(p3, g3);
        for (int q = 0; q < p3.length; q++) {
            double[] pp = p3.clone();
            double[] pm = p3.clone();
            pp[q] += h;
            pm[q] -= h;
            assertEquals((t3.loss(pp, null) - t3.loss(pm, null)) / (2 * h), g3[q], 1e-7, "3-state parameter " + q);
        }
    }

    @Test
    void badSamplesAreRefused() {
        assertThrows(org.isthmus.atomistic.InvalidInputException.class,
                () -> new DiabaticTraining.Sample(new double[] {0, 0}, new double[] {1.0, 0.5}));
        assertThrows(org.isthmus.atomistic.InvalidInputException.class,
                () -> new DiabaticTraining.Sample(new double[] {0, Double.NaN}, new double[] {0.5, 1.0}));
        assertThrows(org.isthmus.atomistic.InvalidInputException.class,
                () -> new DiabaticTraining(trained, List.of(new DiabaticTraining.Sample(new double[] {0, 0, 0},
                        new double[] {0.5, 1.0}))));
    }

    @Test
    void reproducesHeldOutEnergies() {
        double rmse = DiabaticTraining.rmse(trained, heldOut);
        assertTrue(trainRmse < 0.005, "training RMSE " + trainRmse + " eV");
        assertTrue(rmse < 0.005, "held-out RMSE " + rmse + " eV (200 random points in [−1.1, 1.1]² Å)");
    }

    @Test
    void degeneracyIsReproducedAtTheIntersection() {
        AdiabaticStates ci = AdiabaticStates.of(trained, CI);
        assertTrue(ci.gap(0, 1) < 0.01, "gap at the exact intersection " + ci.gap(0, 1) + " eV");
        // the model's own intersection: Newton on (V11 − V22, V12) = 0 from the exact point
        double[] r = CI.clone();
        double[][] v = new double[2][2];
        double[][][] dv = new double[2][2][2];
        for (int it = 0; it < 30; it++) {
            trained.evaluate(r, v, dv);
            double f0 = v[0][0] - v[1][1];
            double f1 = v[0][1];
            double a = dv[0][0][0] - dv[0][1][1];
            double b = dv[1][0][0] - dv[1][1][1];
            double c = dv[0][0][1];
            double d = dv[1][0][1];
            double det = a * d - b * c;
            r[0] -= (d * f0 - b * f1) / det;
            r[1] -= (-c * f0 + a * f1) / det;
        }
        double gap = AdiabaticStates.of(trained, r).gap(0, 1);
        double shift = Math.hypot(r[0] - CI[0], r[1] - CI[1]);
        System.out.printf("gap at exact CI %.3e eV; model CI at (%.5f, %.5f) Å, %.2e Å from exact, gap %.1e eV%n",
                ci.gap(0, 1), r[0], r[1], shift, gap);
        assertTrue(gap < 1e-10, "the model has a true intersection, gap " + gap + " eV");
        assertTrue(shift < 0.01, "model intersection " + shift + " Å from the exact one");
    }

    @Test
    void diabaticElementsAreSmoothThroughTheIntersectionWhereTheAdiabaticSurfacesAreNot() {
        MultistateChecks.diabaticGradientMatches(trained, CI, 1e-5, 1e-6);
        double h = 0.01;
        double[][] vm = new double[2][2];
        double[][] v0 = new double[2][2];
        double[][] vp = new double[2][2];
        for (int p = 0; p < 2; p++) {
            double[] minus = CI.clone();
            double[] plus = CI.clone();
            minus[p] -= h;
            plus[p] += h;
            trained.evaluate(minus, vm, null);
            trained.evaluate(CI, v0, null);
            trained.evaluate(plus, vp, null);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    double curv = (vp[i][j] - 2 * v0[i][j] + vm[i][j]) / (h * h); // eV/Å²
                    assertTrue(Math.abs(curv) < 3.0, "∂²V_" + i + j + "/∂R_" + p + "² = " + curv + " eV/Å²");
                }
            }
            // the lower adiabatic surface has a cusp: its second difference grows like 1/h
            double lower = (AdiabaticStates.of(trained, plus).energy(0) - 2 * AdiabaticStates.of(trained, CI).energy(0)
                    + AdiabaticStates.of(trained, minus).energy(0)) / (h * h);
            assertTrue(lower < -20.0, "cusp of the lower surface along R_" + p + ": " + lower + " eV/Å²");
        }
    }

    @Test
    void trainedModelForcesAndCouplingsAreExactDerivatives() {
        for (double[] r : new double[][] {{0.5, 0.4}, {-0.7, -0.3}, {-0.25, 0.08}}) {
            MultistateChecks.forcesMatchEnergyDifferences(trained, r, 1e-6, 1e-7);
            double worst = MultistateChecks.couplingsMatchEigenvectorDifferences(trained, r, 1e-6, 1e-6);
            System.out.printf("NAC check at (%.2f, %.2f): |d_01| = %.3f 1/Å, worst FD deviation %.1e 1/Å%n", r[0], r[1],
                    Math.hypot(AdiabaticStates.of(trained, r).coupling(0, 1)[0],
                            AdiabaticStates.of(trained, r).coupling(0, 1)[1]), worst);
        }
    }

    /**
     * The coupling of a fit to energies alone is fixed only up to a smooth gauge (the mixing angle θ is
     * not seen by the eigenvalues), but its circulation around an intersection is not: ∮ d_01 · dl = ±π,
     * the geometric phase (Longuet-Higgins, Proc. R. Soc. A 344, 147 (1975); Mead &amp; Truhlar, J. Chem.
     * Phys. 70, 2284 (1979)). Checked for the analytic model and the trained network on a circle of
     * 0.1 Å around the intersection (midpoint rule, 400 steps).
     */
    @Test
    void couplingCirculationAroundTheIntersectionIsTheGeometricPhase() {
        for (DiabaticModel m : new DiabaticModel[] {ORACLE, trained}) {
            double radius = 0.1;
            int steps = 400;
            double circulation = 0;
            for (int s = 0; s < steps; s++) {
                double phi = 2 * Math.PI * (s + 0.5) / steps;
                double[] r = {CI[0] + radius * Math.cos(phi), CI[1] + radius * Math.sin(phi)};
                double[] d = AdiabaticStates.of(m, r).coupling(0, 1);
                double dl = 2 * Math.PI * radius / steps;
                circulation += (-Math.sin(phi) * d[0] + Math.cos(phi) * d[1]) * dl;
            }
            System.out.printf("%s: circulation of d_01 around the CI = %.6f (π = %.6f)%n",
                    m == ORACLE ? "analytic" : "trained", circulation, Math.PI);
            assertEquals(Math.PI, Math.abs(circulation), 1e-3);
        }
    }

    @Test
    void forcesOfTheTrainedModelFollowTheReferenceSurfaces() {
        // trained on energies only; the forces come with them through the smooth diabatic matrix
        double sum = 0;
        int count = 0;
        for (DiabaticTraining.Sample s : heldOut.subList(0, 50)) {
            if (AdiabaticStates.of(ORACLE, s.r()).gap(0, 1) < 0.1) {
                continue; // the cone's tip: forces change fast, skip
            }
            AdiabaticStates ref = AdiabaticStates.of(ORACLE, s.r());
            AdiabaticStates fit = AdiabaticStates.of(trained, s.r());
            for (int k = 0; k < 2; k++) {
                double[] a = ref.force(k);
                double[] b = fit.force(k);
                for (int p = 0; p < 2; p++) {
                    sum += (a[p] - b[p]) * (a[p] - b[p]);
                    count++;
                }
            }
        }
        double rmse = Math.sqrt(sum / count);
        System.out.printf("held-out force RMSE %.3e eV/Å over %d components%n", rmse, count);
        assertTrue(rmse < 0.05, "force RMSE " + rmse + " eV/Å");
    }
}
