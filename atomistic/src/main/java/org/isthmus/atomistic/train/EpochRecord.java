package org.isthmus.atomistic.train;

import java.util.Locale;

/**
 * One epoch of training: the learning rate used and the errors after it, on the training set and
 * on the validation set (equal to the training figures when there is none).
 */
public record EpochRecord(int epoch, double learningRate, LossValue train, LossValue validation, boolean best) {

    /**
     * The progress line: loss, energy RMSE per atom (meV) and force RMSE (meV/Å), train and
     * validation, and the validation virial RMSE per atom (meV) where the data carry virials.
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "epoch %4d  lr %.2e  loss %.4e  E %.3f meV/atom  F %.2f meV/Å | val loss %.4e  E %.3f meV/atom  "
                        + "F %.2f meV/Å%s%s",
                epoch, learningRate, train.loss() / Math.max(1, train.configurations()), 1e3 * train.energyRmsePerAtom(),
                1e3 * train.forceRmse(), validation.loss() / Math.max(1, validation.configurations()),
                1e3 * validation.energyRmsePerAtom(), 1e3 * validation.forceRmse(), virialText(validation),
                best ? "  *" : "");
    }

    /** "  W x meV/atom" for a loss value with virial errors, else empty. */
    static String virialText(LossValue v) {
        return Double.isNaN(v.virialRmsePerAtom()) ? ""
                : String.format(Locale.ROOT, "  W %.2f meV/atom", 1e3 * v.virialRmsePerAtom());
    }
}
