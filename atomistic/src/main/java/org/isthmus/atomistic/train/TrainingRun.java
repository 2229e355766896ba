package org.isthmus.atomistic.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Consumer;

import org.isthmus.atomistic.nnp.CutoffFunction;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.nnp.Scaling;
import org.isthmus.atomistic.nnp.ScalingMode;
import org.isthmus.atomistic.nnp.SymmetryFunction;
import org.isthmus.atomistic.nnp.SymmetryFunctionStatistics;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * Runs a {@link TrainingRecipe} end to end: generate and label (or read) the data, split it,
 * build the default symmetry functions and their statistics on the training part (scaling
 * {@code scale_symmetry_functions_sigma} to [0, 1] around the mean), fit the energy offsets, train
 * each committee member with Adam then L-BFGS, and write into the output directory:
 * {@code potential/} (or {@code member-k/} for a committee) as n2p2 files, {@code train.xyz},
 * {@code validation.xyz}, {@code test.xyz}, {@code learning-curve.csv}, {@code checkpoint-k.txt} and
 * {@code report.json}
 * (test-set errors per member and of the committee mean, timings); the result carries each member's
 * epoch history (for plots).
 */
public final class TrainingRun {

    private TrainingRun() {
    }

    /** The result: the trained potentials and their test errors (eV/atom, eV/Å). */
    public record Result(List<NnpPotential> potentials, double energyRmsePerAtom, double forceRmse, double seconds,
            List<List<EpochRecord>> history) {
    }

    /** A fresh run (checkpoints are written, existing ones ignored). */
    public static Result run(TrainingRecipe r, Path out, Consumer<String> progress) {
        return run(r, out, progress, false);
    }

    /**
     * Runs the recipe; each member's Adam state is checkpointed after every epoch to
     * {@code checkpoint-k.txt} in {@code out}. With {@code resume}, a member whose checkpoint
     * exists continues from it (the data are regenerated from the seed, so an interrupted run
     * resumed with the same recipe gives the same result as an uninterrupted one).
     */
    public static Result run(TrainingRecipe r, Path out, Consumer<String> progress, boolean resume) {
        long t0 = System.nanoTime();
        Dataset data = r.dataset() != null ? r.dataset() : generate(r, progress);
        Dataset.Split split = data.split(r.seed(), r.trainFraction(), r.validationFraction());
        progress.accept(String.format(Locale.ROOT, "data: %d configurations (%d atoms): %d train, %d validation, %d test",
                data.size(), data.atoms(), split.train().size(), split.validation().size(), split.test().size()));
        List<Element> els = r.elements();
        List<List<SymmetryFunction>> fs = new ArrayList<>();
        for (Element e : els) {
            fs.add(SymmetryFunctionSets.of(e, els, r.functions().cutoff(), r.functions().radial(),
                    r.functions().angular(), r.functions().zetas()));
        }
        CutoffFunction fc = CutoffFunction.of(r.functions().cutoffType());
        List<List<SymmetryFunctionStatistics>> stats = ScalingStatistics.compute(els, fs, fc,
                split.train().configurations());
        double[] offsets = r.fitOffsets() ? EnergyOffsets.fit(split.train(), els) : new double[els.size()];
        ModelLayout layout = new ModelLayout(els, fs, stats, new Scaling(ScalingMode.SCALE_SIGMA, 0.0, 1.0), fc,
                offsets, r.hidden(), r.activation());
        progress.accept(String.format(Locale.ROOT, "model: %d symmetry functions per element, %d parameters per member",
                fs.get(0).size(), layout.parameterCount()));
        try {
            Files.createDirectories(out);
            DatasetFiles.write(out.resolve("train.xyz"), split.train());
            if (split.validation().size() > 0) {
                DatasetFiles.write(out.resolve("validation.xyz"), split.validation());
            }
            if (split.test().size() > 0) {
                DatasetFiles.write(out.resolve("test.xyz"), split.test());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out, e);
        }
        int threads = r.trainer().threads();
        List<NnpPotential> pots = new ArrayList<>();
        List<LossValue> memberTests = new ArrayList<>();
        List<List<EpochRecord>> history = new ArrayList<>();
        List<double[]> trained = new ArrayList<>();
        ActiveLearning.DynamicsReport active = null;
        StringBuilder curve = new StringBuilder("member,epoch,learning_rate,train_energy_rmse_meV_atom,"
                + "train_force_rmse_meV_A,validation_energy_rmse_meV_atom,validation_force_rmse_meV_A\n");
        Dataset evalSet = split.test().size() > 0 ? split.test() : split.train();
        try (Loss tr = new Loss(TrainingSet.of(layout, split.train()), r.loss(), threads);
                Loss va = split.validation().size() > 0
                        ? new Loss(TrainingSet.of(layout, split.validation()), r.loss(), threads) : null;
                Loss te = new Loss(TrainingSet.of(layout, evalSet), r.loss(), threads)) {
            for (int m = 0; m < r.committee(); m++) {
                TrainerSettings ts = r.trainer();
                ts = new TrainerSettings(ts.epochs(), ts.batchSize(), ts.learningRate(), ts.decay(),
                        ts.minLearningRate(), ts.patience(), ts.seed() + m, ts.threads());
                final int mm = m + 1;
                String tag = r.committee() > 1 ? "member " + mm + " " : "";
                Trainer t = new Trainer(tr, va, ts, e -> {
                    progress.accept(tag + e);
                    curve.append(String.format(Locale.ROOT, "%d,%d,%.6g,%.6g,%.6g,%.6g,%.6g%n", mm, e.epoch(),
                            e.learningRate(), 1e3 * e.train().energyRmsePerAtom(), 1e3 * e.train().forceRmse(),
                            1e3 * e.validation().energyRmsePerAtom(), 1e3 * e.validation().forceRmse()));
                });
                Path ck = out.resolve("checkpoint-" + mm + ".txt");
                TrainingState start;
                if (resume && Files.isRegularFile(ck)) {
                    start = TrainingState.load(ck);
                    progress.accept(tag + "resuming from " + ck + " after epoch " + start.epoch());
                } else {
                    start = TrainingState.start(layout.initialParameters(r.seed() + 1000 * m));
                }
                double[] p = t.train(start, ck).bestParameters();
                history.add(t.history());
                if (r.lbfgsIterations() > 0) {
                    int every = Math.max(100, r.lbfgsIterations() / 10);
                    p = LbfgsTraining.minimize(tr, p, r.lbfgsIterations(), 1e-10, 0.5, (i, l, g) -> {
                        if (i > 0 && i % every == 0) {
                            progress.accept(String.format(Locale.ROOT, "%sL-BFGS iteration %d of %d: loss %.4e",
                                    tag, i, r.lbfgsIterations(), l));
                        }
                    }).x();
                    LossValue v = tr.evaluate(p);
                    progress.accept(String.format(Locale.ROOT, "%sL-BFGS %d iterations: train E %.3f meV/atom  F %.2f meV/Å%s",
                            tag, r.lbfgsIterations(), 1e3 * v.energyRmsePerAtom(), 1e3 * v.forceRmse(),
                            EpochRecord.virialText(v)));
                }
                trained.add(p);
            }
            if (r.activeLearning() != null) {
                active = activeLearning(r, layout, split.train(), trained, progress);
                trained = active.parameters();
            }
            for (int m = 0; m < trained.size(); m++) {
                String tag = r.committee() > 1 ? "member " + (m + 1) + " " : "";
                NnpPotential pot = layout.potential(trained.get(m));
                pot.save(out.resolve(r.committee() > 1 ? "member-" + (m + 1) : "potential"));
                pots.add(pot);
                LossValue test = te.evaluate(trained.get(m));
                memberTests.add(test);
                progress.accept(String.format(Locale.ROOT, "%stest: E %.3f meV/atom  F %.2f meV/Å%s", tag,
                        1e3 * test.energyRmsePerAtom(), 1e3 * test.forceRmse(), EpochRecord.virialText(test)));
            }
        }
        double[] committeeErr = pots.size() > 1 ? committeeErrors(new Committee(pots), evalSet) : null;
        double eR = committeeErr != null ? committeeErr[0] : memberTests.get(0).energyRmsePerAtom();
        double fR = committeeErr != null ? committeeErr[1] : memberTests.get(0).forceRmse();
        double secs = (System.nanoTime() - t0) * 1e-9;
        String properties = properties(r, pots, progress);
        writeText(out.resolve("learning-curve.csv"), curve.toString());
        writeText(out.resolve("report.json"), report(r, data, split, layout, memberTests, committeeErr, secs,
                properties, active));
        return new Result(pots, eR, fR, secs, history);
    }

    private static Dataset generate(TrainingRecipe r, Consumer<String> progress) {
        TrainingRecipe.Samples s = r.samples();
        long seed = r.seed();
        List<Configuration> c = new ArrayList<>();
        c.addAll(SolidSamples.strainedRattled(s.crystal(), s.strained(), s.maxStrain(), s.rattle(), seed));
        c.addAll(SolidSamples.vacancies(s.crystal(), s.vacancies(), s.rattle(), seed + 1));
        if (s.vacancyHops() > 0) {
            c.addAll(SolidSamples.vacancyHops(s.crystal(), s.vacancyHops(), s.rattle(), seed + 6));
        }
        if (s.strainedPerfect() > 0) {
            List<Configuration> perfect = SolidSamples.strainedRattled(s.crystal(), s.strainedPerfect(), s.maxStrain(),
                    0.0, seed + 5);
            for (Configuration p : perfect) {
                Map<String, String> info = new java.util.LinkedHashMap<>(p.info());
                info.put("kind", "strained-perfect");
                c.add(p.withInfo(info));
            }
        }
        if (s.gaps().length > 0) {
            c.addAll(SolidSamples.separation(s.crystal(), s.separationAxis(), s.gaps(), s.rattle(), seed + 2));
        }
        if (s.slabVacuum() > 0) {
            c.add(SolidSamples.rattled(SolidSamples.slab(s.crystal(), s.separationAxis(), s.slabVacuum()), s.rattle(),
                    new java.util.SplittableRandom(seed + 3)));
        }
        List<Configuration> planeCells = s.planeCells();
        for (int k = 0; k < planeCells.size(); k++) {
            Configuration pc = planeCells.get(k);
            long ps = seed + 10 + 3L * k;
            if (s.gaps().length > 0) {
                c.addAll(SolidSamples.separation(pc, 2, s.gaps(), s.rattle(), ps));
            }
            if (s.slabVacuum() > 0) {
                c.add(SolidSamples.rattled(SolidSamples.slab(pc, 2, s.slabVacuum()), s.rattle(),
                        new java.util.SplittableRandom(ps + 1)));
            }
        }
        if (s.temperatures().length > 0 && s.mdSnapshots() > 0) {
            Oracle o = r.oracle();
            if (!(o instanceof PotentialOracle po)) {
                throw new org.isthmus.atomistic.InvalidInputException("MD snapshots need a potential as the oracle");
            }
            c.addAll(SolidSamples.mdSnapshots(po.potential(), s.crystal(), s.temperatures(), 1.0, 50, s.mdSnapshots(),
                    s.mdEvery(), seed + 4));
        }
        progress.accept("labelling " + c.size() + " configurations with " + r.oracle().name());
        return Dataset.of(r.oracle().labelAll(c));
    }

    /**
     * The active-learning stage after the committee is trained: Langevin MD with the committee
     * from the recipe's start structure, asking the oracle where the members disagree and
     * continuing every member's training on the grown data ({@link ActiveLearning#continueDynamics}).
     */
    private static ActiveLearning.DynamicsReport activeLearning(TrainingRecipe r, ModelLayout layout, Dataset train,
            List<double[]> parameters, Consumer<String> progress) {
        TrainingRecipe.ActiveStage a = r.activeLearning();
        TrainerSettings t = r.trainer();
        TrainerSettings retrain = new TrainerSettings(a.retrainEpochs(), t.batchSize(), a.learningRate(), 1.0,
                a.learningRate(), 0, t.seed() + 77, t.threads());
        ActiveLearning.Settings settings = new ActiveLearning.Settings(a.threshold(), parameters.size(), a.maxCalls(),
                t, retrain);
        Configuration start = r.samples() != null ? r.samples().crystal() : train.get(0);
        progress.accept(String.format(Locale.ROOT, "active learning: %d MD steps at %.0f K from %d atoms, threshold "
                + "%.3f eV/Å, at most %d oracle calls", a.dynamics().steps(), a.dynamics().temperature(), start.size(),
                a.threshold(), a.maxCalls()));
        ActiveLearning.DynamicsReport rep = ActiveLearning.continueDynamics(layout, train, parameters,
                start.withReference(null, null), r.oracle(), r.loss(), settings, a.dynamics(), r.seed() + 99, progress);
        progress.accept(String.format(Locale.ROOT, "active learning: %d oracle calls, %d training configurations",
                rep.oracleCalls(), rep.data().size()));
        return rep;
    }

    /**
     * The crystal properties of the trained potential (the committee mean for a committee) and of
     * the oracle, as the report's JSON fragment; null when there is no unit cell or the oracle is
     * not a potential.
     */
    private static String properties(TrainingRecipe r, List<NnpPotential> pots, Consumer<String> progress) {
        TrainingRecipe.Samples s = r.samples();
        if (r.dataset() != null || s == null || !s.checkProperties() || !(r.oracle() instanceof PotentialOracle po)) {
            return null;
        }
        progress.accept("measuring lattice constant, elastic constants and surface energies (oracle and model)");
        List<int[]> planes = s.planes();
        CrystalProperties want = CrystalProperties.measure(po.potential(), s.unitCell(), planes);
        org.isthmus.atomistic.potential.Potential model = pots.size() > 1 ? new Committee(pots) : pots.get(0);
        CrystalProperties got = CrystalProperties.measure(model, s.unitCell(), planes);
        progress.accept(String.format(Locale.ROOT, "oracle: a %.4f Å  C11 %.1f  C12 %.1f  C44 %.1f GPa",
                want.latticeConstant(), want.c11(), want.c12(), want.c44()));
        progress.accept(String.format(Locale.ROOT, "model:  a %.4f Å  C11 %.1f  C12 %.1f  C44 %.1f GPa",
                got.latticeConstant(), got.c11(), got.c12(), got.c44()));
        for (int k = 0; k < planes.size(); k++) {
            CrystalProperties.Surface w = want.surfaces().get(k);
            CrystalProperties.Surface g = got.surfaces().get(k);
            progress.accept(String.format(Locale.ROOT, "(%s) surface: oracle %.4f / %.4f J/m², model %.4f / %.4f J/m² "
                    + "(unrelaxed / relaxed)", w.label(), w.unrelaxed(), w.relaxed(), g.unrelaxed(), g.relaxed()));
        }
        return "{\"oracle\": " + want.json() + ",\n    \"model\": " + got.json() + ",\n    \"relative_error\": "
                + want.relativeErrorsJson(got) + "}";
    }

    private static double[] committeeErrors(Committee c, Dataset set) {
        double se = 0;
        double sf = 0;
        long n = 0;
        for (Configuration x : set.configurations()) {
            var p = c.predict(x).mean();
            double de = (p.energy() - x.referenceEnergy().getAsDouble()) / x.size();
            se += de * de;
            double[] f = p.forces();
            double[] ref = x.referenceForces();
            for (int k = 0; k < f.length; k++) {
                sf += (f[k] - ref[k]) * (f[k] - ref[k]);
            }
            n += f.length;
        }
        return new double[] {Math.sqrt(se / set.size()), Math.sqrt(sf / n)};
    }

    private static String report(TrainingRecipe r, Dataset data, Dataset.Split split, ModelLayout layout,
            List<LossValue> tests, double[] committee, double secs, String properties,
            ActiveLearning.DynamicsReport active) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"elements\": ").append(quoteList(r.elements())).append(",\n");
        b.append("  \"oracle\": \"").append(escape(r.oracle() != null ? r.oracle().name() : "dataset")).append("\",\n");
        b.append(String.format(Locale.ROOT, "  \"configurations\": {\"total\": %d, \"train\": %d, \"validation\": %d, "
                + "\"test\": %d, \"atoms\": %d},%n", data.size(), split.train().size(), split.validation().size(),
                split.test().size(), data.atoms()));
        b.append(String.format(Locale.ROOT, "  \"symmetry_functions_per_element\": %d,%n  \"parameters_per_member\": %d,%n",
                layout.functions(0).size(), layout.parameterCount()));
        b.append("  \"members\": [");
        for (int m = 0; m < tests.size(); m++) {
            b.append(m > 0 ? ", " : "").append(String.format(Locale.ROOT,
                    "{\"test_energy_rmse_meV_atom\": %.6g, \"test_force_rmse_meV_A\": %.6g%s}",
                    1e3 * tests.get(m).energyRmsePerAtom(), 1e3 * tests.get(m).forceRmse(),
                    Double.isNaN(tests.get(m).virialRmsePerAtom()) ? "" : String.format(Locale.ROOT,
                            ", \"test_virial_rmse_meV_atom\": %.6g", 1e3 * tests.get(m).virialRmsePerAtom())));
        }
        b.append("],\n");
        if (committee != null) {
            b.append(String.format(Locale.ROOT, "  \"committee_mean\": {\"test_energy_rmse_meV_atom\": %.6g, "
                    + "\"test_force_rmse_meV_A\": %.6g},%n", 1e3 * committee[0], 1e3 * committee[1]));
        }
        if (active != null) {
            double last = active.disagreement().length == 0 ? 0 : active.disagreement()[active.disagreement().length - 1];
            b.append(String.format(Locale.ROOT, "  \"active_learning\": {\"oracle_calls\": %d, \"queried_steps\": %s, "
                    + "\"training_configurations\": %d, \"final_disagreement_eV_A\": %.5g},%n", active.oracleCalls(),
                    active.queriedSteps(), active.data().size(), last));
        }
        if (properties != null) {
            b.append("  \"properties\": ").append(properties).append(",\n");
        }
        b.append(String.format(Locale.ROOT, "  \"seconds\": %.3f%n}%n", secs));
        return b.toString();
    }

    private static String quoteList(List<Element> els) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < els.size(); i++) {
            b.append(i > 0 ? ", " : "").append('"').append(els.get(i).symbol()).append('"');
        }
        return b.append(']').toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void writeText(Path f, String text) {
        try {
            Files.writeString(f, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }
}
