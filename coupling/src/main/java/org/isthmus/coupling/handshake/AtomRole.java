package org.isthmus.coupling.handshake;

/** The role of an atom in a {@link Partition}. */
public enum AtomRole {
    /** In the atomistic region: α = 0, site weight 1, a free degree of freedom. */
    ATOMISTIC,
    /** In the handshake: 0 &lt; α &lt; 1, site weight 1 − α; follows the mesh or is free (see {@link HandshakeAtoms}). */
    HANDSHAKE,
    /** Beyond the handshake: α = 1, site weight 0; follows the finite-element displacement exactly. */
    PADDING
}
