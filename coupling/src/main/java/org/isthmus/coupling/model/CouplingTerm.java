package org.isthmus.coupling.model;

/**
 * An additional energy term of a coupled model, such as a cohesive law acting between facing
 * surface layers of atoms inside the atomistic region (DESIGN.md: the energy of masked
 * cross-interface pairs carried by a law). It sees the positions of all kept atoms and the full
 * nodal displacement vector, and adds its exact gradient; the ledger counts it as cohesive.
 */
@FunctionalInterface
public interface CouplingTerm {

    /**
     * Returns the term's energy (eV) and adds its gradient.
     *
     * @param positions positions of all kept atoms (flat 3N, Å)
     * @param u nodal displacements (node-major, Å)
     * @param gradPositions ∂E/∂positions is added here (eV/Å), or null when no gradient is wanted
     * @param gradU ∂E/∂u is added here (eV/Å), or null when no gradient is wanted
     */
    double energy(double[] positions, double[] u, double[] gradPositions, double[] gradU);
}
