package org.isthmus.atomistic.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Adam (Kingma and Ba, ICLR 2015, Algorithm 1; β₁ = 0.9, β₂ = 0.999, ε = 1e-8) over mini-batches
 * of configurations, on the mean loss of the batch, with an exponentially decaying learning rate
 * ({@link TrainerSettings}), early stopping on the validation loss (the parameters of the best
 * validation loss are kept), a progress record per epoch, and checkpoints after every epoch from
 * which {@link #train} resumes with bit-identical results.
 */
public final class Trainer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final Loss train;
    private final Loss validation;
    private final TrainerSettings settings;
    private final Consumer<EpochRecord> progress;
    private final List<EpochRecord> history = new ArrayList<>();

    /**
     * @param train      the loss over the training set
     * @param validation the loss over the validation set (null: early stopping watches the training loss)
     * @param settings   the schedule
     * @param progress   receives each epoch's record (e.g. {@code r -> System.out.println(r)})
     */
    public Trainer(Loss train, Loss validation, TrainerSettings settings, Consumer<EpochRecord> progress) {
        this.train = train;
        this.validation = validation;
        this.settings = settings;
        this.progress = progress;
    }

    /** The records of the epochs this trainer ran. */
    public List<EpochRecord> history() {
        return List.copyOf(history);
    }

    /**
     * Trains from {@code state} (fresh or loaded from a checkpoint) until {@link TrainerSettings#epochs}
     * epochs are complete or early stopping triggers; after each epoch the state is saved to
     * {@code checkpoint} when that is not null. Returns the state (its best parameters are the result).
     */
    public TrainingState train(TrainingState state, Path checkpoint) {
        int n = train.data().size();
        int[] order = new int[n];
        double[] grad = new double[state.params.length];
        while (state.epoch < settings.epochs() && !stopped(state)) {
            int e = state.epoch;
            double rate = settings.rate(e);
            shuffle(order, e);
            for (int from = 0; from < n; from += settings.batchSize()) {
                int to = Math.min(n, from + settings.batchSize());
                int[] batch = java.util.Arrays.copyOfRange(order, from, to);
                train.evaluate(state.params, batch, grad);
                adamStep(state, grad, 1.0 / batch.length, rate);
            }
            state.epoch = e + 1;
            LossValue tr = train.evaluate(state.params);
            LossValue va = validation != null ? validation.evaluate(state.params) : tr;
            double watched = va.loss() / Math.max(1, va.configurations());
            boolean best = watched < state.bestLoss;
            if (best) {
                state.bestLoss = watched;
                state.bestEpoch = state.epoch;
                state.bestParams = state.params.clone();
            }
            EpochRecord r = new EpochRecord(state.epoch, rate, tr, va, best);
            history.add(r);
            progress.accept(r);
            if (checkpoint != null) {
                state.save(checkpoint);
            }
        }
        return state;
    }

    private boolean stopped(TrainingState s) {
        return settings.patience() > 0 && s.bestEpoch >= 0 && s.epoch - s.bestEpoch >= settings.patience();
    }

    /** Fisher–Yates with a generator seeded from (seed, epoch): the shuffling state is the epoch number. */
    private void shuffle(int[] order, int epoch) {
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        SplittableRandom rng = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + epoch);
        for (int k = order.length - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
    }

    /** One Adam step on the gradient scaled by {@code scale} (the mean over the batch). */
    private static void adamStep(TrainingState s, double[] grad, double scale, double rate) {
        s.step++;
        double c1 = 1.0 - Math.pow(BETA1, s.step);
        double c2 = 1.0 - Math.pow(BETA2, s.step);
        for (int q = 0; q < grad.length; q++) {
            double g = grad[q] * scale;
            s.m[q] = BETA1 * s.m[q] + (1 - BETA1) * g;
            s.v[q] = BETA2 * s.v[q] + (1 - BETA2) * g * g;
            s.params[q] -= rate * (s.m[q] / c1) / (Math.sqrt(s.v[q] / c2) + EPS);
        }
    }
}
