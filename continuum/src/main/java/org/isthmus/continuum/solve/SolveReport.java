package org.isthmus.continuum.solve;

import java.util.List;

/**
 * What a nonlinear solve did: the converged load increments, and in total the Newton iterations,
 * the cut-backs and the last linear solve.
 *
 * @param steps converged increments in order
 * @param cutBacks increments that failed and were halved
 * @param lastLinearSolve the last linear solve (solver, iterations, residual)
 */
public record SolveReport(List<Step> steps, int cutBacks, LinearSolveReport lastLinearSolve) {

    /**
     * One converged increment.
     *
     * @param loadFactor λ at its end
     * @param iterations Newton iterations it took
     * @param residual final |R_free|
     */
    public record Step(double loadFactor, int iterations, double residual) {
    }

    /** Total Newton iterations. */
    public int totalIterations() {
        return steps.stream().mapToInt(Step::iterations).sum();
    }
}
