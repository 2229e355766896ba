package org.isthmus.atomistic.minimize;

/**
 * Finds a local minimum of an {@link EnergyModel}: a point where the model's
 * {@linkplain EnergyModel#forceNorm force norm} is at or below the minimiser's tolerance. Never
 * throws for failing to converge: the result says so ({@link MinimizationResult#converged()}),
 * and {@link MinimizationResult#requireConverged()} turns that into an exception for callers
 * that cannot go on without a minimum.
 */
public interface Minimizer {

    /** Minimises from {@code x0} (not modified), reporting every iteration to {@code observer}. */
    MinimizationResult minimize(EnergyModel model, double[] x0, MinimizationObserver observer);

    /** Minimises from {@code x0} (not modified). */
    default MinimizationResult minimize(EnergyModel model, double[] x0) {
        return minimize(model, x0, MinimizationObserver.NONE);
    }
}
