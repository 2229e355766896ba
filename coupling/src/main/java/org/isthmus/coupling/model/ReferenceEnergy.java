package org.isthmus.coupling.model;

/**
 * How the continuum's constant reference energy enters the coupled energy. A Cauchy–Born
 * material measures W(F) from the undeformed crystal (W(I) = 0), so the continuum would carry
 * no cohesive energy; the fully atomistic crystal of N sites has N E_coh. Adding a constant
 * changes no force, only the energy ledger, and makes energies comparable with a fully
 * atomistic model:
 *
 * <ul>
 * <li>{@link #NONE}: no constant (the continuum's energy is elastic only);</li>
 * <li>{@link #PER_SITE}: E_coh · (V/Ω − Σ_i w_i), the cohesive energy of the lattice sites of the
 * body's volume V not carried by the weighted atoms: a perfect coupled crystal then has
 * exactly (V/Ω) E_coh, N × the cohesive energy, however the regions are drawn;</li>
 * <li>{@link #INTEGRATED}: (E_coh/Ω) ∫ α dV with the blended quadrature: equal to PER_SITE where
 * the partition of unity Σ_i w_i Ω + ∫ α dV = V holds exactly (a planar ramp commensurate with
 * the lattice planes); elsewhere it differs by E_coh/Ω times the partition-of-unity defect.</li>
 * </ul>
 */
public enum ReferenceEnergy {
    /** No constant. */
    NONE,
    /** The cohesive energy of the sites the atoms do not carry, counted per site. */
    PER_SITE,
    /** The cohesive energy density integrated with weight α. */
    INTEGRATED
}
