/**
 * Training of Behler–Parrinello neural-network potentials ({@link org.isthmus.atomistic.nnp}):
 * oracles that label configurations with reference energies and forces, datasets and their
 * reproducible splits, generation of solid-state training configurations, default symmetry-function
 * sets and their scaling statistics, the energy-and-force loss with its exact gradient with respect
 * to every weight and bias, and the optimisers (Adam, L-BFGS) that minimise it.
 *
 * <p>Units: Å, eV, eV/Å throughout; RMSEs are reported in meV/atom and meV/Å.
 */
package org.isthmus.atomistic.train;
