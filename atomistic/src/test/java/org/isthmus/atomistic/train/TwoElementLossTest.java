package org.isthmus.atomistic.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.isthmus.atomistic.nnp.Activation;
import org.isthmus.atomistic.nnp.CutoffFunction;
import org.isthmus.atomistic.nnp.CutoffType;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.nnp.Scaling;
import org.isthmus.atomistic.nnp.ScalingMode;
import org.isthmus.atomistic.nnp.SymmetryFunction;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;

/**
 * Two elements (Cu–Ni labelled by the Zhou EAM, elements given out of atomic-number order): the
 * cached predictions equal {@link NnpPotential}'s and the gradient matches finite differences.
 */
class TwoElementLossTest {

    private static final Element CU = Element.of("Cu");
    private static final Element NI = Element.of("Ni");

    @Test
    void mixedCopperNickel() {
        SplittableRandom rng = new SplittableRandom(4);
        List<Configuration> raw = new ArrayList<>();
        for (Configuration c : SolidSamples.strainedRattled(Lattices.fcc(CU, 3.6, 2, 1, 1), 5, 0.02, 0.06, 3)) {
            Element[] s = c.species();
            for (int i = 0; i < s.length; i++) {
                s[i] = rng.nextBoolean() ? NI : CU;
            }
            s[0] = CU;
            s[1] = NI;
            raw.add(Configuration.of(s, c.positions(), c.cell()));
        }
        Dataset data = Dataset.of(new PotentialOracle(ZhouEam.of(CU, NI)).labelAll(raw));
        List<Element> els = List.of(NI, CU); // deliberately not sorted
        List<List<SymmetryFunction>> fs = new ArrayList<>();
        for (Element e : els) {
            fs.add(SymmetryFunctionSets.of(e, els, 4.5, 3, 1, new double[] {1.0}));
        }
        CutoffFunction fc = CutoffFunction.of(CutoffType.COS);
        ModelLayout layout = new ModelLayout(els, fs, ScalingStatistics.compute(els, fs, fc, data.configurations()),
                new Scaling(ScalingMode.SCALE_SIGMA, 0, 1), fc, EnergyOffsets.fit(data, els), new int[] {4},
                Activation.TANH);
        assertEquals(List.of(NI, CU).stream().sorted().toList(), layout.elements());
        double[] p = layout.initialParameters(6);
        for (int q = 0; q < p.length; q++) {
            p[q] += 0.2 * (rng.nextDouble() - 0.5);
        }
        NnpPotential pot = layout.potential(p);
        try (Loss loss = new Loss(TrainingSet.of(layout, data), new LossSettings(0.01, 0.1, 0, true), 2)) {
            for (int k = 0; k < data.size(); k++) {
                Evaluation e = pot.compute(data.get(k));
                double[] f = new double[3 * data.get(k).size()];
                assertEquals(e.energy(), loss.predict(p, k, f), 1e-10 * Math.abs(e.energy()));
                assertArrayEquals(e.forces(), f, 1e-10);
            }
            int[] all = {0, 1, 2, 3, 4};
            double[] g = new double[p.length];
            loss.evaluate(p, all, g);
            double gmax = 0;
            for (double x : g) {
                gmax = Math.max(gmax, Math.abs(x));
            }
            double h = 1e-5;
            double worst = 0;
            for (int q = 0; q < p.length; q++) {
                double[] a = p.clone();
                double[] b = p.clone();
                a[q] += h;
                b[q] -= h;
                double fd = (loss.evaluate(a).loss() - loss.evaluate(b).loss()) / (2 * h);
                worst = Math.max(worst, Math.abs(fd - g[q]) / gmax);
            }
            assertTrue(worst < 1e-6, "worst relative deviation " + worst);
        }
    }
}
