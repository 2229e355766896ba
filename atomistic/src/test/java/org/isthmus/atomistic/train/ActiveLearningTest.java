package org.isthmus.atomistic.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.nnp.Activation;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;

/** Query-by-committee along a separation path, starting from bulk data only. */
class ActiveLearningTest {

    @Test
    void asksTheOracleWhereTheCommitteeDisagreesAndImproves() {
        Configuration cell = Lattices.diamond(TrainFixtures.SI, 5.431, 1, 1, 1);
        Dataset bulk = Dataset.of(new PotentialOracle(TrainFixtures.SW).labelAll(
                SolidSamples.strainedRattled(cell, 16, 0.03, 0.08, 2)));
        List<Configuration> path = new ArrayList<>(SolidSamples.separation(cell, 2,
                new double[] {0.2, 0.4, 0.6, 0.8, 1.0, 1.3, 1.6, 2.0}, 0.03, 5));
        ModelLayout layout = TrainFixtures.layout(bulk, new int[] {6}, Activation.TANH);
        TrainerSettings first = new TrainerSettings(40, 4, 0.01, 0.98, 1e-4, 0, 1L, 2);
        TrainerSettings again = new TrainerSettings(30, 4, 0.005, 1.0, 1e-4, 0, 1L, 2);
        ActiveLearning.Settings s = new ActiveLearning.Settings(0.15, 3, 6, first, again);
        CountingOracle oracle = new CountingOracle(new PotentialOracle(TrainFixtures.SW));
        List<String> log = new ArrayList<>();
        LossSettings loss = new LossSettings(0.005, 0.05, 0, true);
        ActiveLearning.Report r = ActiveLearning.run(layout, bulk, path, oracle, loss, s, 7, log::add);

        assertEquals(oracle.calls, r.oracleCalls());
        assertTrue(r.oracleCalls() >= 1 && r.oracleCalls() <= 6, "calls " + r.oracleCalls());
        assertEquals(bulk.size() + r.oracleCalls(), r.data().size());
        for (int k = 0; k < path.size(); k++) {
            assertTrue(r.disagreement()[k] <= s.threshold() || r.oracleCalls() == 6 || r.queried().contains(k),
                    "candidate " + k + " left with disagreement " + r.disagreement()[k]);
        }
        // the committee mean predicts the separation path better than the bulk-only one
        Committee before = CommitteeTraining.committee(layout, bulkOnly(layout, bulk, loss, s));
        Committee after = CommitteeTraining.committee(layout, r.parameters());
        double eBefore = forceRmse(before, path);
        double eAfter = forceRmse(after, path);
        // measured: 6 oracle calls (candidates 1-6); path force RMSE 1.38 eV/Å before, 0.30 eV/Å after
        assertTrue(eAfter < 0.5 * eBefore, "force RMSE on the path before " + eBefore + ", after " + eAfter);
    }

    @Test
    void committeeDrivenDynamicsAsksTheOracleAndLearnsTheHotCrystal() {
        Configuration cell = Lattices.diamond(TrainFixtures.SI, 5.431, 1, 1, 1);
        Dataset cold = Dataset.of(new PotentialOracle(TrainFixtures.SW).labelAll(
                SolidSamples.strainedRattled(cell, 12, 0.01, 0.04, 3)));
        ModelLayout layout = TrainFixtures.layout(cold, new int[] {6}, Activation.TANH);
        TrainerSettings first = new TrainerSettings(40, 4, 0.01, 0.98, 1e-4, 0, 1L, 2);
        TrainerSettings again = new TrainerSettings(20, 4, 0.005, 1.0, 1e-4, 0, 1L, 2);
        ActiveLearning.Settings s = new ActiveLearning.Settings(0.2, 3, 5, first, again);
        CountingOracle oracle = new CountingOracle(new PotentialOracle(TrainFixtures.SW));
        LossSettings loss = new LossSettings(0.005, 0.05, 0, true);
        ActiveLearning.Dynamics md = new ActiveLearning.Dynamics(300, 1.0, 600, 0.02, 5);
        List<String> log = new ArrayList<>();
        ActiveLearning.DynamicsReport r = ActiveLearning.runDynamics(layout, cold, cell, oracle, loss, s, md, 11,
                log::add);
        assertEquals(oracle.calls, r.oracleCalls());
        assertTrue(r.oracleCalls() >= 1, "a committee trained on cold crystals must disagree on a hot one: " + log);
        assertEquals(cold.size() + r.oracleCalls(), r.data().size());
        assertEquals(60, r.disagreement().length, "one check every 5 of 300 steps");
        for (int k = 0; k < r.disagreement().length; k++) {
            long step = 5L * (k + 1);
            assertTrue(r.disagreement()[k] <= s.threshold() || r.queriedSteps().contains(step)
                    || r.oracleCalls() == s.maxOracleCalls(), "check at step " + step + ": " + r.disagreement()[k]);
        }
        // the learned committee predicts SW forces of the hot crystal better than the cold-only one
        List<Configuration> hot = new ArrayList<>();
        for (var c : r.data().configurations().subList(cold.size(), r.data().size())) {
            hot.add(c);
        }
        Committee before = CommitteeTraining.committee(layout, bulkOnly(layout, cold, loss, s));
        Committee after = CommitteeTraining.committee(layout, r.parameters());
        double eBefore = forceRmse(before, hot);
        double eAfter = forceRmse(after, hot);
        System.out.printf("AL-MD: %d oracle calls at steps %s; hot-crystal force RMSE %.3f → %.3f eV/Å%n",
                r.oracleCalls(), r.queriedSteps(), eBefore, eAfter);
        assertTrue(eAfter < 0.7 * eBefore, "force RMSE on the queried configurations before " + eBefore + ", after " + eAfter);
    }

    private static List<double[]> bulkOnly(ModelLayout layout, Dataset bulk, LossSettings loss,
            ActiveLearning.Settings s) {
        ActiveLearning.Settings none = new ActiveLearning.Settings(s.threshold(), s.members(), 0, s.initial(),
                s.retrain());
        return ActiveLearning.run(layout, bulk, List.of(), new PotentialOracle(TrainFixtures.SW), loss, none, 7,
                x -> { }).parameters();
    }

    private static double forceRmse(Committee c, List<Configuration> path) {
        double s = 0;
        int n = 0;
        for (Configuration x : path) {
            double[] f = c.predict(x).mean().forces();
            Evaluation ref = TrainFixtures.SW.compute(x);
            for (int k = 0; k < f.length; k++) {
                double d = f[k] - ref.forces()[k];
                s += d * d;
                n++;
            }
        }
        return Math.sqrt(s / n);
    }

    /** Counts the calls made to an oracle. */
    private static final class CountingOracle implements Oracle {
        final Oracle inner;
        int calls;

        CountingOracle(Oracle inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public Configuration label(Configuration c) {
            calls++;
            return inner.label(c);
        }
    }
}
