package org.isthmus.atomistic.train;

import org.isthmus.atomistic.InvalidInputException;

/**
 * Settings of {@link Trainer} (Adam over mini-batches).
 *
 * @param epochs       the most epochs to run
 * @param batchSize    configurations per mini-batch (the last batch of an epoch may be smaller)
 * @param learningRate Adam's initial step size α₀
 * @param decay        learning-rate schedule: α = max(α_min, α₀·decay^epoch) (exponential decay; 1 = constant)
 * @param minLearningRate α_min
 * @param patience     early stopping: stop after this many epochs without a new best validation loss
 *                     (the best parameters are returned); 0 disables early stopping
 * @param seed         seeds the mini-batch shuffling (epoch e shuffles with a generator seeded from (seed, e))
 * @param threads      worker threads over configurations (results do not depend on it)
 */
public record TrainerSettings(int epochs, int batchSize, double learningRate, double decay, double minLearningRate,
        int patience, long seed, int threads) {

    public TrainerSettings {
        if (epochs < 0 || batchSize < 1 || !(learningRate > 0) || !(decay > 0 && decay <= 1)
                || !(minLearningRate >= 0) || patience < 0 || threads < 1) {
            throw new InvalidInputException("trainer settings out of range: epochs ≥ 0, batch ≥ 1, learning rate > 0, "
                    + "0 < decay ≤ 1, min learning rate ≥ 0, patience ≥ 0, threads ≥ 1; got " + epochs + ", "
                    + batchSize + ", " + learningRate + ", " + decay + ", " + minLearningRate + ", " + patience + ", "
                    + threads);
        }
    }

    /** 200 epochs, batches of 8, α₀ = 0.01 decaying by 0.98 per epoch to 1e-4, patience 30, seed 1, 1 thread. */
    public static TrainerSettings defaults() {
        return new TrainerSettings(200, 8, 0.01, 0.98, 1e-4, 30, 1L, 1);
    }

    public TrainerSettings withEpochs(int n) {
        return new TrainerSettings(n, batchSize, learningRate, decay, minLearningRate, patience, seed, threads);
    }

    public TrainerSettings withThreads(int n) {
        return new TrainerSettings(epochs, batchSize, learningRate, decay, minLearningRate, patience, seed, n);
    }

    /** α at epoch e (0-based). */
    double rate(int epoch) {
        return Math.max(minLearningRate, learningRate * Math.pow(decay, epoch));
    }
}
