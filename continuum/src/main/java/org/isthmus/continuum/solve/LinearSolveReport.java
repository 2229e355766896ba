package org.isthmus.continuum.solve;

/**
 * What a linear solve did.
 *
 * @param solver e.g. "CG+ICC" or "dense Cholesky"
 * @param iterations iterations of an iterative solver (0 for a direct one)
 * @param relativeResidual |b − A x| / |b| at the end
 * @param tolerance the relative tolerance asked for
 */
public record LinearSolveReport(String solver, int iterations, double relativeResidual, double tolerance) {
    @Override
    public String toString() {
        return solver + ", " + iterations + " iterations, relative residual " + String.format("%.2e", relativeResidual)
                + " (tolerance " + String.format("%.0e", tolerance) + ")";
    }
}
