package org.isthmus.atomistic.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Configuration;

/**
 * Query-by-committee active learning over a sequence of candidate configurations (an MD
 * trajectory, a strain or separation path): a committee is trained on the current data; walking
 * along the candidates, wherever its disagreement (maximum force deviation,
 * {@link Committee.Prediction#maxForceDeviation}) exceeds the threshold, the oracle labels that
 * configuration, it joins the training data, every member continues training from its current
 * weights, and the walk goes on to the next candidate (each is labelled at most once). The layout (symmetry functions and
 * their scaling) stays fixed. Deterministic for given seeds.
 */
public final class ActiveLearning {

    private ActiveLearning() {
    }

    /**
     * @param threshold      disagreement (eV/Å) above which the oracle is asked
     * @param members        committee size (≥ 2)
     * @param maxOracleCalls the most oracle calls
     * @param initial        Adam settings of the first training
     * @param retrain        Adam settings of each retraining (continuing from the current weights)
     */
    public record Settings(double threshold, int members, int maxOracleCalls, TrainerSettings initial,
            TrainerSettings retrain) {

        public Settings {
            if (!(threshold > 0) || members < 2 || maxOracleCalls < 0) {
                throw new InvalidInputException("active learning needs a threshold > 0, ≥ 2 members and ≥ 0 oracle "
                        + "calls, got " + threshold + ", " + members + ", " + maxOracleCalls);
            }
        }
    }

    /**
     * The outcome.
     *
     * @param oracleCalls  how many configurations the oracle labelled
     * @param queried      indices of the candidates that were labelled, in order
     * @param disagreement the committee disagreement at each candidate when the walk left it (eV/Å)
     * @param data         the final training data
     * @param parameters   the final parameters of each member
     */
    public record Report(int oracleCalls, List<Integer> queried, double[] disagreement, Dataset data,
            List<double[]> parameters) {
    }

    public static Report run(ModelLayout layout, Dataset initialData, List<Configuration> candidates, Oracle oracle,
            LossSettings loss, Settings s, long seed, Consumer<String> progress) {
        Dataset data = initialData;
        List<TrainingState> states = new ArrayList<>();
        for (int m = 0; m < s.members(); m++) {
            states.add(TrainingState.start(layout.initialParameters(seed + 1000L * m)));
        }
        train(layout, data, loss, s.initial(), states, progress);
        List<Integer> queried = new ArrayList<>();
        double[] dis = new double[candidates.size()];
        int calls = 0;
        for (int k = 0; k < candidates.size(); k++) {
            Configuration c = candidates.get(k);
            double d = committee(layout, states).predict(c).maxForceDeviation();
            if (d > s.threshold() && calls < s.maxOracleCalls()) {
                calls++;
                queried.add(k);
                progress.accept(String.format(Locale.ROOT, "candidate %d: disagreement %.3f eV/Å > %.3f, oracle call %d",
                        k + 1, d, s.threshold(), calls));
                data = data.concat(Dataset.of(List.of(oracle.label(c))));
                train(layout, data, loss, s.retrain(), states, progress);
                d = committee(layout, states).predict(c).maxForceDeviation();
            }
            dis[k] = d;
        }
        List<double[]> params = new ArrayList<>();
        for (TrainingState st : states) {
            params.add(st.parameters());
        }
        return new Report(calls, queried, dis, data, params);
    }

    /**
     * Molecular dynamics driven by the committee itself.
     *
     * @param steps       MD steps
     * @param timestep    Δt (fs)
     * @param temperature Langevin temperature (K); the start gets Maxwell–Boltzmann velocities at it
     * @param friction    Langevin friction (1/fs)
     * @param checkEvery  steps between disagreement checks
     */
    public record Dynamics(int steps, double timestep, double temperature, double friction, int checkEvery) {

        public Dynamics {
            if (steps < 1 || !(timestep > 0) || !(temperature >= 0) || !(friction > 0) || checkEvery < 1) {
                throw new InvalidInputException("active-learning dynamics needs steps ≥ 1, Δt > 0 fs, T ≥ 0 K, "
                        + "friction > 0 1/fs and a check interval ≥ 1, got " + steps + ", " + timestep + ", "
                        + temperature + ", " + friction + ", " + checkEvery);
            }
        }
    }

    /**
     * The outcome of a committee-driven MD run.
     *
     * @param oracleCalls  how many configurations the oracle labelled
     * @param queriedSteps the MD steps at which it was asked
     * @param disagreement the disagreement at each check (eV/Å), after any retraining there
     * @param data         the final training data
     * @param parameters   the final parameters of each member
     */
    public record DynamicsReport(int oracleCalls, List<Long> queriedSteps, double[] disagreement, Dataset data,
            List<double[]> parameters) {
    }

    /**
     * The active-learning loop of issue 4: Langevin MD with the committee's mean potential; every
     * {@code checkEvery} steps the committee disagreement of the current configuration is
     * measured, and where it passes the threshold the run stops, the oracle labels that
     * configuration, it joins the data, every member continues training, and the MD goes on from
     * the same positions and velocities with the retrained committee. Deterministic for given seeds.
     *
     * @throws org.isthmus.atomistic.ConvergenceException if the dynamics diverges (a committee
     *         still far from the oracle at a high temperature); the message says at which step
     */
    public static DynamicsReport runDynamics(ModelLayout layout, Dataset initialData, Configuration start, Oracle oracle,
            LossSettings loss, Settings s, Dynamics md, long seed, Consumer<String> progress) {
        List<TrainingState> states = new ArrayList<>();
        for (int m = 0; m < s.members(); m++) {
            states.add(TrainingState.start(layout.initialParameters(seed + 1000L * m)));
        }
        train(layout, initialData, loss, s.initial(), states, progress);
        List<double[]> trained = new ArrayList<>();
        for (TrainingState st : states) {
            trained.add(st.parameters());
        }
        return continueDynamics(layout, initialData, trained, start, oracle, loss, s, md, seed, progress);
    }

    /**
     * The same loop as {@link #runDynamics}, starting from a committee already trained on
     * {@code data} (its members' parameters), as {@code isthmus train} does after training its
     * committee; {@code s.initial()} is not used.
     */
    public static DynamicsReport continueDynamics(ModelLayout layout, Dataset data, List<double[]> parameters,
            Configuration start, Oracle oracle, LossSettings loss, Settings s, Dynamics md, long seed,
            Consumer<String> progress) {
        if (parameters.size() != s.members()) {
            throw new IllegalArgumentException(parameters.size() + " members given, settings say " + s.members());
        }
        List<TrainingState> states = new ArrayList<>();
        for (double[] p : parameters) {
            states.add(TrainingState.start(p.clone()));
        }
        Committee committee = committee(layout, states);
        org.isthmus.atomistic.minimize.AtomisticModel model = org.isthmus.atomistic.minimize.AtomisticModel.of(committee,
                start);
        double[] v = org.isthmus.atomistic.dynamics.MaxwellBoltzmann.at(md.temperature()).withSeed(seed)
                .velocities(model);
        org.isthmus.atomistic.dynamics.Langevin thermostat = new org.isthmus.atomistic.dynamics.Langevin(md.timestep(),
                md.temperature(), md.friction(), seed + 1);
        org.isthmus.atomistic.dynamics.MolecularDynamics dyn = new org.isthmus.atomistic.dynamics.MolecularDynamics(model,
                v, thermostat);
        List<Long> queried = new ArrayList<>();
        List<Double> dis = new ArrayList<>();
        long done = 0;
        while (done < md.steps()) {
            int n = (int) Math.min(md.checkEvery(), md.steps() - done);
            dyn.run(n);
            done += n;
            org.isthmus.atomistic.dynamics.Snapshot snap = dyn.snapshot();
            Configuration c = snap.configuration();
            double d = committee.predict(c).maxForceDeviation();
            if (d > s.threshold() && queried.size() < s.maxOracleCalls()) {
                queried.add(done);
                progress.accept(String.format(Locale.ROOT, "step %d: disagreement %.3f eV/Å > %.3f, oracle call %d",
                        done, d, s.threshold(), queried.size()));
                data = data.concat(Dataset.of(List.of(oracle.label(c))));
                train(layout, data, loss, s.retrain(), states, progress);
                committee = committee(layout, states);
                d = committee.predict(c).maxForceDeviation();
                // go on from the same state with the retrained committee
                model = org.isthmus.atomistic.minimize.AtomisticModel.of(committee, c);
                dyn = new org.isthmus.atomistic.dynamics.MolecularDynamics(model, snap.velocities(), thermostat);
            }
            dis.add(d);
        }
        List<double[]> params = new ArrayList<>();
        for (TrainingState st : states) {
            params.add(st.parameters());
        }
        double[] trace = dis.stream().mapToDouble(Double::doubleValue).toArray();
        return new DynamicsReport(queried.size(), List.copyOf(queried), trace, data, params);
    }

    private static Committee committee(ModelLayout layout, List<TrainingState> states) {
        List<double[]> p = new ArrayList<>();
        for (TrainingState st : states) {
            p.add(st.parameters());
        }
        return CommitteeTraining.committee(layout, p);
    }

    /** Continues every member for {@code ts.epochs()} more epochs (member m shuffles with seed + m). */
    private static void train(ModelLayout layout, Dataset data, LossSettings loss, TrainerSettings ts,
            List<TrainingState> states, Consumer<String> progress) {
        try (Loss l = new Loss(TrainingSet.of(layout, data), loss, ts.threads())) {
            for (int m = 0; m < states.size(); m++) {
                TrainingState st = states.get(m);
                TrainingState fresh = TrainingState.start(st.parameters());
                fresh.m = st.m;
                fresh.v = st.v;
                fresh.step = st.step;
                TrainerSettings mt = new TrainerSettings(ts.epochs(), ts.batchSize(), ts.learningRate(), ts.decay(),
                        ts.minLearningRate(), 0, ts.seed() + m, ts.threads());
                TrainingState done = new Trainer(l, null, mt, r -> { }).train(fresh, null);
                states.set(m, done);
            }
            LossValue v = l.evaluate(states.get(0).parameters());
            progress.accept(String.format(Locale.ROOT, "trained on %d configurations: member 1 E %.3f meV/atom  F %.2f meV/Å",
                    data.size(), 1e3 * v.energyRmsePerAtom(), 1e3 * v.forceRmse()));
        }
    }
}
