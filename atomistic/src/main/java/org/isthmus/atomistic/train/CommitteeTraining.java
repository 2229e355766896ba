package org.isthmus.atomistic.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.isthmus.atomistic.nnp.NnpPotential;

/**
 * Trains a committee: {@code members} networks of one layout, each from its own initial weights
 * (seed + m) and its own batch shuffling (settings seed + m), on the same data; the members differ
 * only through their random initialisation and batch order, so their disagreement estimates the
 * model uncertainty where data are scarce.
 */
public final class CommitteeTraining {

    private CommitteeTraining() {
    }

    /** The best-validation parameters of each member. */
    public static List<double[]> train(Loss train, Loss validation, TrainerSettings settings, int members, long seed,
            Consumer<String> progress) {
        ModelLayout layout = train.data().layout();
        List<double[]> out = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            TrainerSettings s = new TrainerSettings(settings.epochs(), settings.batchSize(), settings.learningRate(),
                    settings.decay(), settings.minLearningRate(), settings.patience(), settings.seed() + m,
                    settings.threads());
            final int mm = m;
            Trainer t = new Trainer(train, validation, s, r -> progress.accept("member " + (mm + 1) + " " + r));
            out.add(t.train(TrainingState.start(layout.initialParameters(seed + m)), null).bestParameters());
        }
        return out;
    }

    /** The committee of the potentials with these parameters. */
    public static Committee committee(ModelLayout layout, List<double[]> parameters) {
        List<NnpPotential> p = new ArrayList<>();
        for (double[] x : parameters) {
            p.add(layout.potential(x));
        }
        return new Committee(p);
    }
}
