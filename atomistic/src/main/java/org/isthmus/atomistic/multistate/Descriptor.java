package org.isthmus.atomistic.multistate;

/**
 * The input features q(R) of a {@link DiabaticNetwork} and their Jacobian ∂q/∂R: what makes the
 * learned diabatic matrix invariant under the symmetries of the system. Implementations are
 * immutable and thread-safe.
 */
public interface Descriptor {

    /** Length of the coordinate vector R. */
    int dimension();

    /** Number of features. */
    int size();

    /**
     * Writes q(R) into {@code q} and, when {@code jacobian} is not null, ∂q_f/∂R_p into
     * {@code jacobian[f][p]}.
     */
    void evaluate(double[] r, double[] q, double[][] jacobian);
}
