package org.isthmus.continuum.solve;

import org.isthmus.continuum.InvalidInputException;

/**
 * Settings of {@link NewtonSolver}.
 *
 * @param loadSteps initial number of equal load increments from λ = 0 to 1
 * @param maxIterations Newton iterations allowed per increment before it is cut back
 * @param relativeTolerance converged when |R_free| ≤ relativeTolerance · max(|f_int|, |f_ext|) + absoluteTolerance
 * @param absoluteTolerance see relativeTolerance (force unit)
 * @param maxCutBacks how many times an increment may be halved before giving up
 * @param lineSearch whether to backtrack on the energy (Armijo) when a full step does not decrease it
 */
public record NewtonOptions(int loadSteps, int maxIterations, double relativeTolerance, double absoluteTolerance,
        int maxCutBacks, boolean lineSearch) {

    public NewtonOptions {
        if (loadSteps < 1 || maxIterations < 1 || maxCutBacks < 0 || !(relativeTolerance > 0)
                || !(absoluteTolerance >= 0)) {
            throw new InvalidInputException("Newton options: loadSteps=" + loadSteps + ", maxIterations=" + maxIterations
                    + ", relativeTolerance=" + relativeTolerance + ", absoluteTolerance=" + absoluteTolerance
                    + ", maxCutBacks=" + maxCutBacks);
        }
    }

    /** One load step, 25 iterations, relative tolerance 1e-8, 8 cut-backs, line search on. */
    public static NewtonOptions defaults() {
        return new NewtonOptions(1, 25, 1e-8, 0, 8, true);
    }

    /** The same options with a different number of initial load steps. */
    public NewtonOptions withLoadSteps(int n) {
        return new NewtonOptions(n, maxIterations, relativeTolerance, absoluteTolerance, maxCutBacks, lineSearch);
    }
}
