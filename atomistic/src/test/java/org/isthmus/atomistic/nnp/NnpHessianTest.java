package org.isthmus.atomistic.nnp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.isthmus.atomistic.potential.Hessian;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact NN-PES Hessian against central differences of its analytic forces (a cross-check,
 * h = 1e-5 Å) on a rattled periodic Cu2S cell: the Cu2S_PBE example (types 2, 3, 9, cutoff POLY2,
 * softplus) and the Gaussian functions of synthetic_v5 (types 2, 3, 9, 12, 13) with fresh random
 * networks under every cutoff type with a second derivative (COS with α, TANHU, TANH, POLY1–4,
 * EXP) and several activations; and with the compact functions of synthetic_v5 (types 20–25,
 * cores p1–p4 symmetric and asymmetric and e), alone and together with the Gaussian ones.
 */
class NnpHessianTest {

    /** synthetic_v5's Gaussian-family functions only, with a random 2-layer network of the given activations. */
    static NnpPotential gaussianOnly(CutoffFunction cutoff, Activation act) {
        return synthetic(cutoff, act, SymmetryFunction::usesCutoffFunction);
    }

    /** synthetic_v5's functions that pass {@code keep}, with a random 2-layer network of the given activations. */
    static NnpPotential synthetic(CutoffFunction cutoff, Activation act, java.util.function.Predicate<SymmetryFunction> keep) {
        NnpPotential full = NnpPotential.load(NnpTestStructures.example("synthetic_v5"));
        Random rnd = new Random(11);
        List<ElementModel> ms = new ArrayList<>();
        for (ElementModel m : full.models()) {
            List<SymmetryFunction> fs = new ArrayList<>();
            List<SymmetryFunctionStatistics> st = new ArrayList<>();
            for (int k = 0; k < m.functions().size(); k++) {
                if (keep.test(m.functions().get(k))) {
                    fs.add(m.functions().get(k));
                    st.add(m.statistics().get(k));
                }
            }
            int[] sizes = {fs.size(), 6, 5, 1};
            double[] w = new double[FeedForwardNetwork.parameterCount(sizes)];
            for (int k = 0; k < w.length; k++) {
                w[k] = 0.6 * rnd.nextGaussian();
            }
            ms.add(new ElementModel(m.element(), fs, st,
                    new FeedForwardNetwork(sizes, List.of(act, act, Activation.IDENTITY), w, false), 0.0));
        }
        return NnpPotential.of(ms, cutoff, new Scaling(ScalingMode.SCALE, -1.0, 1.0), full.normalization(), full.units());
    }

    static Stream<Arguments> potentials() {
        List<Arguments> list = new ArrayList<>();
        list.add(Arguments.of("Cu2S_PBE", NnpForceConsistencyTest.withoutConstants(
                NnpPotential.load(NnpTestStructures.example("Cu2S_PBE")), null, null)));
        list.add(Arguments.of("v5 COS α=0.25 tanh", gaussianOnly(new CutoffFunction(CutoffType.COS, 0.25), Activation.TANH)));
        list.add(Arguments.of("v5 TANHU softplus", gaussianOnly(CutoffFunction.of(CutoffType.TANHU), Activation.SOFTPLUS)));
        list.add(Arguments.of("v5 TANH logistic", gaussianOnly(CutoffFunction.of(CutoffType.TANH), Activation.LOGISTIC)));
        list.add(Arguments.of("v5 POLY1 α=0.1 gaussian", gaussianOnly(new CutoffFunction(CutoffType.POLY1, 0.1), Activation.GAUSSIAN)));
        list.add(Arguments.of("v5 POLY3 tanh", gaussianOnly(CutoffFunction.of(CutoffType.POLY3), Activation.TANH)));
        list.add(Arguments.of("v5 POLY4 α=0.3 cos", gaussianOnly(new CutoffFunction(CutoffType.POLY4, 0.3), Activation.COS)));
        list.add(Arguments.of("v5 EXP α=0.2 tanh", gaussianOnly(new CutoffFunction(CutoffType.EXP, 0.2), Activation.TANH)));
        list.add(Arguments.of("v5 compact only tanh", synthetic(CutoffFunction.of(CutoffType.POLY2), Activation.TANH,
                f -> !f.usesCutoffFunction())));
        list.add(Arguments.of("v5 all types EXP α=0.2 tanh", synthetic(new CutoffFunction(CutoffType.EXP, 0.2),
                Activation.TANH, f -> true)));
        list.add(Arguments.of("synthetic_v5 as trained", NnpForceConsistencyTest.withoutConstants(
                NnpPotential.load(NnpTestStructures.example("synthetic_v5")), null, null)));
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("potentials")
    void hessianEqualsDifferencesOfTheForces(String name, NnpPotential p) {
        assertTrue(p.hasHessian(), name);
        Configuration c = NnpTestStructures.rattle(NnpTestStructures.antifluorite(5.6, 1), 0.15, 17);
        Request r = Request.defaults().withThreads(1);
        Hessian h = p.hessian(c, r);
        double[] x = c.positions();
        double step = 1e-5;
        double worst = 0;
        double scale = 0;
        for (int l = 0; l < x.length; l++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[l] += step;
            xm[l] -= step;
            double[] fp = p.compute(c.withPositions(xp), r).forces();
            double[] fm = p.compute(c.withPositions(xm), r).forces();
            for (int k = 0; k < x.length; k++) {
                double fd = -(fp[k] - fm[k]) / (2 * step);
                worst = Math.max(worst, Math.abs(fd - h.get(k, l)));
                scale = Math.max(scale, Math.abs(h.get(k, l)));
            }
        }
        System.out.printf("%-26s max |H − H_fd| = %.2e, max |H| = %.2e eV/Å², asymmetry %.1e%n", name, worst, scale,
                h.maxAsymmetry());
        assertTrue(scale > 1e-6, "Hessian too small to check: " + scale);
        assertTrue(worst < 1e-8 * scale, name + ": |H − H_fd| = " + worst + " of " + scale);
        assertTrue(h.maxAsymmetry() < 1e-10 * scale, name + " asymmetry " + h.maxAsymmetry());
    }
}
