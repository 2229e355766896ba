package org.isthmus.atomistic.multistate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.isthmus.atomistic.nnp.Activation;
import org.isthmus.atomistic.nnp.CutoffFunction;
import org.isthmus.atomistic.nnp.CutoffType;
import org.isthmus.atomistic.nnp.ExpRadial;
import org.isthmus.atomistic.structure.Element;
import org.junit.jupiter.api.Test;

/**
 * The Behler–Parrinello diabatic model on atom-centred radial functions: exact derivatives,
 * invariances, and a fit to the adiabatic energies of the {@link TriatomicCrossing} oracle.
 */
class AtomicDiabaticModelTest {

    static final Element A = Element.of("Li");
    static final Element B = Element.of("Na");
    static final Element C = Element.of("K");

    static AtomCentredFunctions functions(List<Element> species) {
        CutoffFunction fc = CutoffFunction.of(CutoffType.COS);
        Map<Element, List<ExpRadial>> fs = new java.util.HashMap<>();
        for (Element centre : species) {
            List<ExpRadial> list = new ArrayList<>();
            for (Element nb : List.of(A, B, C)) {
                if (!species.contains(nb)) {
                    continue;
                }
                for (double rs : new double[] {0.9, 1.4, 1.9}) {
                    list.add(new ExpRadial(centre, nb, 4.0, rs, 4.0));
                }
            }
            fs.put(centre, list);
        }
        return new AtomCentredFunctions(species, fs, fc);
    }

    static List<DiabaticTraining.Sample> samples(DiabaticModel oracle, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<double[]> pts = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double r1 = 0.9 + 0.4 * rnd.nextDouble();
            double r2 = 0.9 + 0.4 * rnd.nextDouble();
            double r3 = Math.min(r1 + r2 - 0.1, 1.6 + 0.6 * rnd.nextDouble()); // a triangle, angle below ~150°
            pts.add(TriatomicCrossing.geometry(r1, r2, TriatomicCrossing.angleFor(r1, r2, r3)));
        }
        return DiabaticTraining.sample(oracle, pts);
    }

    /** Geometries within ~0.1 Å of the seam r1 = r2, r3 = 1.9 Å, where the cone is. */
    static List<DiabaticTraining.Sample> nearSeam(DiabaticModel oracle, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<double[]> pts = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double r1 = 1.08 + 0.22 * rnd.nextDouble(); // r1 + r2 > r3: a triangle
            double r2 = r1 + 0.2 * (rnd.nextDouble() - 0.5);
            double r3 = TriatomicCrossing.R3 + 0.2 * (rnd.nextDouble() - 0.5);
            pts.add(TriatomicCrossing.geometry(r1, r2, TriatomicCrossing.angleFor(r1, r2, r3)));
        }
        return DiabaticTraining.sample(oracle, pts);
    }

    static AtomicDiabaticModel randomModel(List<Element> species, long seed) {
        AtomCentredFunctions f = functions(species);
        List<DiabaticTraining.Sample> data = samples(new TriatomicCrossing(), 20, seed);
        AtomicDiabaticModel m = AtomicDiabaticModel.initial(2, f, new int[] {6}, Activation.TANH, data, seed);
        double[] p = m.parameters();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int q = 0; q < p.length; q++) {
            p[q] += 0.2 * (rnd.nextDouble() - 0.5);
        }
        return m.withParameters(p);
    }

    static final double[] GEOMETRY = TriatomicCrossing.geometry(1.05, 1.15, 2.0);

    @Test
    void derivativesAreExact() {
        AtomicDiabaticModel m = randomModel(List.of(A, B, C), 1);
        MultistateChecks.diabaticGradientMatches(m, GEOMETRY, 1e-6, 1e-8);
        MultistateChecks.forcesMatchEnergyDifferences(m, GEOMETRY, 1e-6, 1e-7);
        MultistateChecks.couplingsMatchEigenvectorDifferences(m, GEOMETRY, 1e-6, 1e-5);
        AdiabaticStates a = AdiabaticStates.of(m, GEOMETRY);
        for (int k = 0; k < 2; k++) {
            double[] f = a.force(k);
            for (int x = 0; x < 3; x++) {
                assertEquals(0.0, f[x] + f[3 + x] + f[6 + x], 1e-12, "net force, state " + k);
            }
        }
        // parameter gradient of Σ s_m V_m
        double[] p = m.parameters();
        double[] seeds = {0.3, -0.8, 1.1};
        double[] grad = new double[p.length];
        m.parameterGradient(GEOMETRY, p, seeds, grad, null);
        double[] out = new double[3];
        double h = 1e-6;
        SplittableRandom rnd = new SplittableRandom(9);
        for (int t = 0; t < 40; t++) {
            int q = rnd.nextInt(p.length);
            double[] pp = p.clone();
            double[] pm = p.clone();
            pp[q] += h;
            pm[q] -= h;
            m.outputs(GEOMETRY, pp, out);
            double fp = seeds[0] * out[0] + seeds[1] * out[1] + seeds[2] * out[2];
            m.outputs(GEOMETRY, pm, out);
            double fm = seeds[0] * out[0] + seeds[1] * out[1] + seeds[2] * out[2];
            assertEquals((fp - fm) / (2 * h), grad[q], 1e-8, "parameter " + q);
        }
    }

    @Test
    void diabaticElementsAreInvariantUnderPermutationOfLikeAtomsAndRotation() {
        AtomicDiabaticModel m = randomModel(List.of(A, B, A), 2);
        double[] x = GEOMETRY;
        double[] swapped = {x[6], x[7], x[8], x[3], x[4], x[5], x[0], x[1], x[2]};
        double[] rotated = new double[9];
        double c = Math.cos(1.1);
        double s = Math.sin(1.1);
        for (int i = 0; i < 3; i++) { // rotation about y, then a translation
            rotated[3 * i] = c * x[3 * i] + s * x[3 * i + 2] - 0.4;
            rotated[3 * i + 1] = x[3 * i + 1] + 2.0;
            rotated[3 * i + 2] = -s * x[3 * i] + c * x[3 * i + 2];
        }
        double[][] v0 = new double[2][2];
        double[][] v1 = new double[2][2];
        double[][] v2 = new double[2][2];
        m.evaluate(x, v0, null);
        m.evaluate(swapped, v1, null);
        m.evaluate(rotated, v2, null);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(v0[i], v1[i], 1e-12);
            assertArrayEquals(v0[i], v2[i], 1e-12);
        }
    }

    @Test
    void fitsTheAdiabaticEnergiesOfATriatomicWithAConicalIntersection() {
        TriatomicCrossing oracle = new TriatomicCrossing();
        List<DiabaticTraining.Sample> train = new ArrayList<>(samples(oracle, 400, 3));
        train.addAll(nearSeam(oracle, 100, 6));
        List<DiabaticTraining.Sample> test = samples(oracle, 100, 4);
        // two starts; with seed 3 alone the fit ends in an avoided crossing (gap ~36 meV on the seam,
        // RMSE 2.6 meV), with seed 4 in the true intersection at a lower loss: selection by loss picks it
        List<AtomicDiabaticModel> starts = new ArrayList<>();
        for (long seed : new long[] {3, 4}) {
            starts.add(AtomicDiabaticModel.initial(2, functions(List.of(A, B, C)), new int[] {6}, Activation.TANH, train,
                    seed));
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        TrainableDiabatic fit = DiabaticTraining.bestOf(starts, train, ITER, 1e-10, 0.5);
        double cpu = (mx.getCurrentThreadCpuTime() - c0) * 1e-9;
        double trainRmse = DiabaticTraining.rmse(fit, train);
        double testRmse = DiabaticTraining.rmse(fit, test);
        // a point of the seam r1 = r2, r3 = 1.9 Å, inside the sampled range
        double[] ci = TriatomicCrossing.geometry(1.1, 1.1, TriatomicCrossing.angleFor(1.1, 1.1, TriatomicCrossing.R3));
        double gapRef = AdiabaticStates.of(oracle, ci).gap(0, 1);
        double gap = AdiabaticStates.of(fit, ci).gap(0, 1);
        // the model's own intersection: damped minimum-norm Newton steps on (V11 − V22, V12) = 0 from the exact point
        double[] x = ci.clone();
        double[][] v = new double[2][2];
        double[][][] dv = new double[9][2][2];
        for (int it = 0; it < 60; it++) {
            fit.evaluate(x, v, dv);
            double f0 = v[0][0] - v[1][1];
            double f1 = v[0][1];
            double[] j0 = new double[9];
            double[] j1 = new double[9];
            double a = 0;
            double b = 0;
            double d = 0;
            for (int p = 0; p < 9; p++) {
                j0[p] = dv[p][0][0] - dv[p][1][1];
                j1[p] = dv[p][0][1];
                a += j0[p] * j0[p];
                b += j0[p] * j1[p];
                d += j1[p] * j1[p];
            }
            double det = a * d - b * b; // δ = −Jᵀ(JJᵀ)⁻¹f
            double y0 = (d * f0 - b * f1) / det;
            double y1 = (-b * f0 + a * f1) / det;
            double norm = 0;
            for (int p = 0; p < 9; p++) {
                double step = j0[p] * y0 + j1[p] * y1;
                norm += step * step;
            }
            double damp = Math.min(1.0, 0.02 / Math.sqrt(norm)); // at most 0.02 Å per step: stay on the nearby seam
            for (int p = 0; p < 9; p++) {
                x[p] -= damp * (j0[p] * y0 + j1[p] * y1);
            }
        }
        double modelGap = AdiabaticStates.of(fit, x).gap(0, 1);
        double exactGapThere = AdiabaticStates.of(oracle, x).gap(0, 1);
        System.out.printf("atomic diabatic fit: %d parameters, cpu %.2f s, train RMSE %.3e eV, held-out RMSE %.3e eV, "
                + "gap at the exact seam point %.3e eV (exact %.1e); model's intersection: gap %.1e eV, exact gap there %.3e eV%n",
                fit.parameterCount(), cpu, trainRmse, testRmse, gap, gapRef, modelGap, exactGapThere);
        assertTrue(testRmse < 0.005, "held-out RMSE " + testRmse + " eV");
        assertTrue(gap < 0.01, "gap at a point of the exact intersection seam " + gap + " eV");
        assertTrue(modelGap < 1e-8, "the model has a true intersection nearby, gap " + modelGap + " eV");
        assertTrue(exactGapThere < 0.01, "exact gap at the model's intersection " + exactGapThere + " eV");
        MultistateChecks.forcesMatchEnergyDifferences(fit, GEOMETRY, 1e-6, 1e-7);
    }

    static final int ITER = 800;
}
