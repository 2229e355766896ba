package org.isthmus.coupling.model;

/**
 * Which ghost-force correction a {@link CoupledModel} applies. Every correction is a dead load,
 * E_c(x) = E(x) − g·(x − x_F), with g the gradient of the uncorrected blended energy E at a
 * linearisation state x_F: linear in x, so the corrected energy and its gradient stay exactly
 * consistent, and x_F is an equilibrium of E_c by construction. The modes differ in where x_F
 * lies and which entries of the state the dead load acts on. The uncorrected residual is always
 * reported ({@link CoupledModel#lastUncorrectedForceNorm()}).
 */
public enum GhostCorrection {
    /** No correction. */
    NONE,
    /**
     * The dead load of the reference state (λ = 0, every atom and node at rest), on every free
     * entry, as in the ghost-force-corrected quasicontinuum (Shenoy et al., J. Mech. Phys. Solids
     * 47, 611 (1999)). It is the blended correction at F = I (see {@link #BLENDED}), and the choice
     * for loads without a homogeneous far field (the K-field around a crack tip). Under a strain ε
     * the ghost forces of an energy-based blend change by O(ε) and that part remains.
     */
    REFERENCE,
    /**
     * The blended ghost-force correction (BGFC; Van Koten &amp; Ortner, "Analysis of energy-based
     * blended quasi-continuum approximations", SIAM J. Numer. Anal. 49, 2182 (2011); Ortner &amp;
     * Van Koten, "Formulation and optimization of the energy-based blended quasicontinuum method",
     * Comput. Methods Appl. Mech. Engrg. (2013); in 3D fcc: Fang &amp; Zhang, Commun. Comput. Phys.
     * 29, 1246 (2021)), E_bgfc(y) = E_b(y) − ⟨δE_b(y_F), y − y_F⟩: the dead load is the gradient at the homogeneous state y_F of the current
     * load step's macroscopic gradient F(λ) = I + λ(F − I), recomputed whenever the load factor
     * changes, and acts only on the entries whose force the blend can touch (free atoms and nodes
     * within twice the cutoff of the handshake). Every uniform deformation F of the load path is
     * then an exact equilibrium (the patch test passes to round-off); at F = I it is the
     * {@link #REFERENCE} correction restricted to that band.
     */
    BLENDED
}
