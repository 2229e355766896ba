package org.isthmus.atomistic.multistate;

/**
 * A diabatic model with trainable parameters θ whose independent elements V_m, m =
 * {@link #outputIndex}(i, j) for i ≤ j, have exact parameter gradients: what
 * {@link DiabaticTraining} needs. The methods taking {@code params} evaluate with those
 * parameters, not the instance's own. Not thread-safe (buffers).
 */
public interface TrainableDiabatic extends DiabaticModel {

    /** Number of independent elements n(n+1)/2. */
    int outputs();

    /** Index of V_ij (either order) among the outputs: upper triangle, row by row. */
    int outputIndex(int i, int j);

    /** Number of parameters. */
    int parameterCount();

    /** The parameters, a copy. */
    double[] parameters();

    /** The same model with other parameters (an independent instance). */
    TrainableDiabatic withParameters(double[] parameters);

    /** The elements V_m (eV) at R (Å) with parameters {@code params}, into {@code outputs}. */
    void outputs(double[] r, double[] params, double[] outputs);

    /**
     * Adds ∂/∂θ Σ_m s_m V_m(R; θ) to {@code grad} at θ = {@code params}; writes V_m into
     * {@code outputs} when it is not null.
     */
    void parameterGradient(double[] r, double[] params, double[] seeds, double[] grad, double[] outputs);
}
