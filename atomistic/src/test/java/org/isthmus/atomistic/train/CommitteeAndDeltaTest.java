package org.isthmus.atomistic.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.isthmus.atomistic.nnp.Activation;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.pair.LennardJones;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.api.Test;

/** Committees (mean and spread) and Δ-learning potentials. */
class CommitteeAndDeltaTest {

    @Test
    void committeeMeanAndSpread() {
        Dataset data = TrainFixtures.smallSilicon(6, 5);
        ModelLayout layout = TrainFixtures.layout(data, new int[] {4}, Activation.TANH);
        List<double[]> params;
        try (Loss tr = new Loss(TrainingSet.of(layout, data), LossSettings.defaults(), 1)) {
            params = CommitteeTraining.train(tr, null, new TrainerSettings(5, 4, 0.01, 1.0, 0.0, 0, 1L, 1), 3, 10,
                    s -> { });
        }
        Committee c = CommitteeTraining.committee(layout, params);
        Configuration x = data.get(0);
        Committee.Prediction p = c.predict(x);
        double[] e = new double[3];
        double[][] f = new double[3][];
        for (int m = 0; m < 3; m++) {
            Evaluation em = layout.potential(params.get(m)).compute(x);
            e[m] = em.energy();
            f[m] = em.forces();
        }
        double mean = (e[0] + e[1] + e[2]) / 3;
        assertEquals(mean, p.mean().energy(), 1e-10);
        double var = 0;
        for (double v : e) {
            var += (v - mean) * (v - mean) / 3;
        }
        assertEquals(Math.sqrt(var), p.energySpread(), 1e-10);
        double worst = 0;
        for (int i = 0; i < x.size(); i++) {
            double s = 0;
            for (int m = 0; m < 3; m++) {
                for (int k = 0; k < 3; k++) {
                    double d = f[m][3 * i + k] - (f[0][3 * i + k] + f[1][3 * i + k] + f[2][3 * i + k]) / 3;
                    s += d * d;
                }
            }
            worst = Math.max(worst, Math.sqrt(s / 3));
        }
        assertEquals(worst, p.maxForceDeviation(), 1e-10);
        assertTrue(p.maxForceDeviation() > 0);
        Committee same = new Committee(List.of(layout.potential(params.get(0)), layout.potential(params.get(0))));
        assertEquals(0.0, same.predict(x).maxForceDeviation(), 0.0);
        assertEquals(0.0, same.predict(x).energySpread(), 0.0);
    }

    @Test
    void deltaPotentialAddsBaselineAndCorrection() {
        LennardJones lj = LennardJones.builder(4.5).species(TrainFixtures.SI, 0.1, 2.1).build();
        Dataset target = TrainFixtures.smallSilicon(3, 6);
        ModelLayout layout = TrainFixtures.layout(target, new int[] {4}, Activation.TANH);
        NnpPotential correction = layout.potential(layout.initialParameters(2));
        DeltaPotential delta = new DeltaPotential(lj, correction);
        DifferenceOracle diff = new DifferenceOracle(new PotentialOracle(TrainFixtures.SW), lj);
        for (Configuration c : target.configurations()) {
            Evaluation d = delta.compute(c);
            Evaluation a = lj.compute(c);
            Evaluation b = correction.compute(c);
            assertEquals(a.energy() + b.energy(), d.energy(), 1e-10);
            for (int k = 0; k < 3 * c.size(); k++) {
                assertEquals(a.forces()[k] + b.forces()[k], d.forces()[k], 1e-10);
            }
            assertEquals(a.virial()[4] + b.virial()[4], d.virial()[4], 1e-10);
            // the difference oracle's labels plus the baseline give the target back
            Configuration l = diff.label(c);
            assertEquals(c.referenceEnergy().getAsDouble(), l.referenceEnergy().getAsDouble() + a.energy(), 1e-10);
            double[] back = l.referenceForces();
            for (int k = 0; k < back.length; k++) {
                back[k] += a.forces()[k];
            }
            assertArrayEquals(c.referenceForces(), back, 1e-10);
        }
        assertEquals(Math.max(4.5, TrainFixtures.RC), delta.cutoff(), 0.0);
    }

    @Test
    void deltaLearningImprovesACrudeBaseline() {
        // baseline: a Lennard-Jones silicon with the right bond length but no angular term; target: SW
        LennardJones lj = LennardJones.builder(4.0).species(TrainFixtures.SI, 0.3, 2.095).build();
        Configuration cell = org.isthmus.atomistic.structure.Lattices.diamond(TrainFixtures.SI, 5.431, 1, 1, 1);
        List<Configuration> raw = SolidSamples.strainedRattled(cell, 50, 0.03, 0.08, 21);
        Dataset diff = Dataset.of(new DifferenceOracle(new PotentialOracle(TrainFixtures.SW), lj).labelAll(raw));
        Dataset.Split split = diff.split(4, 0.8, 0.0);
        List<org.isthmus.atomistic.structure.Element> els = List.of(TrainFixtures.SI);
        var f = SymmetryFunctionSets.defaults(TrainFixtures.SI, els, TrainFixtures.RC);
        var fc = org.isthmus.atomistic.nnp.CutoffFunction.of(org.isthmus.atomistic.nnp.CutoffType.POLY2);
        ModelLayout layout = new ModelLayout(els, List.of(f),
                ScalingStatistics.compute(els, List.of(f), fc, split.train().configurations()),
                new org.isthmus.atomistic.nnp.Scaling(org.isthmus.atomistic.nnp.ScalingMode.SCALE_SIGMA, 0, 1), fc,
                EnergyOffsets.fit(split.train(), els), new int[] {8}, Activation.TANH);
        double[] p;
        try (Loss tr = new Loss(TrainingSet.of(layout, split.train()), new LossSettings(0.005, 0.05, 0, true), 2)) {
            p = new Trainer(tr, null, new TrainerSettings(60, 4, 0.005, 0.99, 1e-4, 0, 1L, 2), r -> { })
                    .train(TrainingState.start(layout.initialParameters(1)), null).bestParameters();
            p = LbfgsTraining.minimize(tr, p, 150, 1e-10, 0.5, (i, e, g) -> { }).x();
        }
        DeltaPotential delta = new DeltaPotential(lj, layout.potential(p));
        double base = 0;
        double corrected = 0;
        int n = 0;
        for (Configuration c : split.test().configurations()) {
            double[] target = TrainFixtures.SW.compute(c).forces();
            double[] fb = lj.compute(c).forces();
            double[] fd = delta.compute(c).forces();
            for (int k = 0; k < target.length; k++) {
                base += (fb[k] - target[k]) * (fb[k] - target[k]);
                corrected += (fd[k] - target[k]) * (fd[k] - target[k]);
                n++;
            }
        }
        base = Math.sqrt(base / n);
        corrected = Math.sqrt(corrected / n);
        // measured: baseline force RMSE vs SW 1.09 eV/Å, with the learned correction 0.071 eV/Å (6.6 %)
        assertTrue(corrected < 0.15 * base, "force RMSE baseline " + base + ", corrected " + corrected);
    }
}
