/**
 * The coupled atomistic/finite-element energy model and its quasi-static solver:
 * {@link org.isthmus.coupling.model.CoupledModel} (an {@code EnergyModel} over free atoms and free
 * nodal displacements, with blending, padding atoms that follow the mesh, an interaction mask,
 * cohesive terms, loads and an optional dead-load ghost-force correction),
 * {@link org.isthmus.coupling.model.EnergyLedger} (the energy term by term),
 * {@link org.isthmus.coupling.model.QuasiStaticDriver} (load stepping with the foundation's
 * minimisers) and {@link org.isthmus.coupling.model.ReferenceEnergy} (how the continuum's cohesive
 * energy is counted). Energies eV, lengths Å, forces eV/Å. A runnable example is in the
 * documentation of {@link org.isthmus.coupling.model.CoupledModel}.
 */
package org.isthmus.coupling.model;
