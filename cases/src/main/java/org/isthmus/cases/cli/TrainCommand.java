package org.isthmus.cases.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.isthmus.atomistic.train.TrainingRecipe;
import org.isthmus.atomistic.train.TrainingRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code isthmus train CONFIG.yaml}: trains an NN-PES (or a committee) as the configuration says
 * ({@link TrainConfig} documents the schema) and writes the n2p2 potential directory, the data
 * splits, the learning curve and a JSON report to the output directory.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an NN-PES from an oracle or a labelled dataset (YAML configuration).",
            "Writes potential/ (n2p2 files, loadable with --potential), train/validation/test.xyz,",
            "learning-curve.csv, learning-curve.png and report.json to --out; prints one progress line per epoch."})
final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "training configuration (YAML or JSON)")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "train-out",
            description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--resume", description = "continue each member from its checkpoint in --out, if there is one")
    boolean resume;

    @Override
    public Integer call() {
        TrainingRecipe recipe = TrainConfig.read(config, out);
        TrainingRun.Result r = TrainingRun.run(recipe, out, System.out::println, resume);
        LearningCurvePlot.write(out.resolve("learning-curve.png"), r.history());
        System.out.printf(Locale.ROOT, "done in %.1f s: test E %.3f meV/atom, F %.2f meV/Å; wrote %s%n", r.seconds(),
                1e3 * r.energyRmsePerAtom(), 1e3 * r.forceRmse(), out);
        return Isthmus.OK;
    }
}
