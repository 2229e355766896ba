package org.isthmus.coupling.handshake;

/**
 * How the atoms of the handshake move.
 *
 * <p>{@link #FOLLOW_MESH} (the default): like padding atoms they sit at X + Σ_a N_a(X) u_a, so
 * their weighted energy (1 − α) ε adds to the stiffness of the same nodes that carry α W: the
 * two descriptions share one displacement field and together make the full stiffness
 * everywhere. Only the atoms of the atomistic region are free.
 *
 * <p>{@link #FREE}: handshake atoms are free degrees of freedom, overlapping the elements
 * without any kinematic tie (an Arlequin-type overlap without multipliers). The two bodies then
 * meet only through the padding; nodes deep in the handshake carry little stiffness and under
 * stress every handshake atom feels a ghost force of about Ω P ∇α. Kept for comparison.
 */
public enum HandshakeAtoms {
    /** Handshake atoms are interpolated from the nodal displacements. */
    FOLLOW_MESH,
    /** Handshake atoms are independent degrees of freedom. */
    FREE
}
