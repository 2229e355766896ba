/**
 * The potential seam: {@link org.isthmus.atomistic.potential.Potential} takes a configuration and
 * a {@link org.isthmus.atomistic.potential.Request} (site weights, interaction mask, neighbour list,
 * threads) and returns an {@link org.isthmus.atomistic.potential.Evaluation} (energy, site
 * energies, forces, virial, diagnostics). {@link org.isthmus.atomistic.potential.SitePotential}
 * does the bookkeeping shared by every site-energy potential; subpackages hold the potentials.
 */
package org.isthmus.atomistic.potential;
