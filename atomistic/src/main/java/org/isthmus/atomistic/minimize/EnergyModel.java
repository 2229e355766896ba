package org.isthmus.atomistic.minimize;

/**
 * A differentiable energy of n degrees of freedom, the seam between minimisers (and integrators)
 * and whatever physics computes the energy: atoms ({@link AtomisticModel}, x in Å, E in eV),
 * finite elements, or a coupled model. Units are the model's own.
 *
 * <p>Contract: {@link #energyAndGradient} returns the same energy as {@link #energy} and writes
 * the exact gradient ∂E/∂x (never a finite difference). Implementations may keep caches (a
 * neighbour list), so a model instance is used by one thread at a time unless it says otherwise.
 */
public interface EnergyModel {

    /** Number of degrees of freedom n (length of x). */
    int dimension();

    /** E(x). */
    double energy(double[] x);

    /** E(x), with ∂E/∂x written into {@code gradOut} (length n). */
    double energyAndGradient(double[] x, double[] gradOut);

    /**
     * The norm in which convergence is judged, applied to the force −∇E: by default the largest
     * component magnitude, max_k |∂E/∂x_k|. Atomistic models override it with the largest force
     * on one atom, max_i |F_i|.
     */
    default double forceNorm(double[] grad) {
        double m = 0;
        for (double g : grad) {
            m = Math.max(m, Math.abs(g));
        }
        return m;
    }

    /**
     * The norm in which a step Δx is limited by a minimiser's maximum step: by default the
     * largest component magnitude. Atomistic models override it with the largest displacement
     * of one atom, max_i |Δx_i|, so a step limit in Å means "no atom moves further".
     */
    default double stepNorm(double[] step) {
        double m = 0;
        for (double d : step) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }

    /** The unit of the force norm, for messages ("eV/Å"); empty when the model has none. */
    default String forceUnit() {
        return "";
    }

    /** The unit of the step norm, for messages ("Å"); empty when the model has none. */
    default String lengthUnit() {
        return "";
    }
}
