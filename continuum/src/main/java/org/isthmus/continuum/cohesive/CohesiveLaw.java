package org.isthmus.continuum.cohesive;

/**
 * A cohesive law: an energy per unit reference area φ(δ) of the opening δ of an interface,
 * written in the interface's local frame δ = (δ_n, δ_t1, δ_t2) (normal opening first; in 2D
 * δ_t2 = 0), with traction T_i = ∂φ/∂δ_i and tangent K_ij = ∂²φ/∂δ_i∂δ_j.
 *
 * <p>Irreversible laws carry one history variable κ per integration point (for the laws here,
 * the largest effective opening reached); for a fixed κ, φ(·; κ) is a proper potential, so
 * T and K are its exact derivatives (tested against central differences). The solver freezes
 * κ during a load increment's iterations and calls {@link #updatedHistory} once converged.
 * Units: openings in length, φ in energy/area, T in stress. Implementations are immutable.
 */
public interface CohesiveLaw {

    /**
     * φ(δ; κ), with T (length 3) and K (length 9, row-major) written when not null.
     *
     * @param opening (δ_n, δ_t1, δ_t2)
     * @param history κ (ignored by reversible laws; 0 for a virgin interface)
     */
    double evaluate(double[] opening, double history, double[] traction, double[] tangent);

    /** κ after the opening has been reached (unchanged for reversible laws). */
    default double updatedHistory(double[] opening, double history) {
        return history;
    }

    /** Damage D ∈ [0, 1] for a history κ (0 for reversible laws, which carry none). */
    default double damage(double history) {
        return 0;
    }

    /** Work of separation in pure mode I, ∫₀^∞ T_n dδ_n (energy per area). */
    double workOfSeparation();
}
