package org.isthmus.atomistic.minimize;

/** Progress of a minimisation, called once per iteration (iteration 0 is the starting point). */
@FunctionalInterface
public interface MinimizationObserver {

    /** Observer that does nothing. */
    MinimizationObserver NONE = (iteration, energy, forceNorm) -> { };

    /**
     * @param iteration the iteration just completed (0: the starting point)
     * @param energy    E at the current point (model units)
     * @param forceNorm the model's force norm at the current point
     */
    void iteration(int iteration, double energy, double forceNorm);

    /**
     * The same, with the current point: what {@link Fire} and {@link Lbfgs} call. By default the
     * point is ignored; an observer that checkpoints the point overrides this one.
     *
     * @param x the current point (the minimiser's own array: read it during the call, copy what
     *          is kept)
     */
    default void iteration(int iteration, double energy, double forceNorm, double[] x) {
        iteration(iteration, energy, forceNorm);
    }
}
