package org.isthmus.atomistic.potential.eam;

/**
 * A function of one real variable with its exact derivative: an EAM embedding function F(ρ), a
 * density function f(r) or a pair function φ(r). Implementations are immutable and thread-safe;
 * evaluating one allocates nothing.
 */
public interface ScalarFunction {

    /** The value at x. */
    double value(double x);

    /** The derivative at x. */
    double derivative(double x);

    /** The second derivative at x (exact: for the Hessian of an EAM potential). */
    double secondDerivative(double x);

    /**
     * The value at x, with the derivative stored in {@code derivative[0]}. Implementations that
     * share work between the two override this; the result equals {@link #value} and
     * {@link #derivative} at the same x.
     */
    default double evaluate(double x, double[] derivative) {
        derivative[0] = derivative(x);
        return value(x);
    }

    /**
     * The largest argument the function is defined by data for; beyond it the function is an
     * extension (a tabulated embedding function continued linearly, as LAMMPS does). Positive
     * infinity for analytic functions.
     */
    default double upperLimit() {
        return Double.POSITIVE_INFINITY;
    }
}
