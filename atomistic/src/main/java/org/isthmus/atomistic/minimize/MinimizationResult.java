package org.isthmus.atomistic.minimize;

import org.isthmus.atomistic.ConvergenceException;

/**
 * The outcome of a minimisation: the final point x, its energy and force norm (model units),
 * iterations taken, energy evaluations spent, whether the force norm reached the tolerance, and a
 * one-line status that says why the minimiser stopped (for example
 * "not converged: force norm 2.3e-03 eV/Å above tolerance 1.0e-03 eV/Å after 500 iterations").
 * Immutable: {@link #x()} returns a copy.
 */
public final class MinimizationResult {

    private final double[] x;
    private final double energy;
    private final double forceNorm;
    private final int iterations;
    private final int evaluations;
    private final boolean converged;
    private final String status;

    public MinimizationResult(double[] x, double energy, double forceNorm, int iterations, int evaluations,
            boolean converged, String status) {
        this.x = x.clone();
        this.energy = energy;
        this.forceNorm = forceNorm;
        this.iterations = iterations;
        this.evaluations = evaluations;
        this.converged = converged;
        this.status = status;
    }

    /** The final point, a copy. */
    public double[] x() {
        return x.clone();
    }

    /** Energy at the final point (model units). */
    public double energy() {
        return energy;
    }

    /** The model's force norm at the final point (for atoms max_i |F_i|, eV/Å). */
    public double forceNorm() {
        return forceNorm;
    }

    /** Iterations (accepted steps) taken. */
    public int iterations() {
        return iterations;
    }

    /** Energy (and gradient) evaluations spent, line-search trials included. */
    public int evaluations() {
        return evaluations;
    }

    /** True if the force norm reached the tolerance. */
    public boolean converged() {
        return converged;
    }

    /** Why the minimiser stopped, one line. */
    public String status() {
        return status;
    }

    /**
     * This result if converged.
     *
     * @throws ConvergenceException with {@link #status()} as message otherwise
     */
    public MinimizationResult requireConverged() {
        if (!converged) {
            throw new ConvergenceException(status);
        }
        return this;
    }

    @Override
    public String toString() {
        return "MinimizationResult[E=" + energy + ", forceNorm=" + forceNorm + ", " + status + "]";
    }
}
