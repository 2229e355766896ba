/**
 * Interfaces carried by cohesive laws inside the atomistic region (issue 6, "Interfaces carried
 * by cohesive laws, and the mask"; DESIGN.md, "The handshake"): an interface between two labelled
 * bodies, or a cleavage plane that splits one body in two ({@link org.isthmus.coupling.mask.BodyInterface}),
 * its interaction mask (every cross-interface pair cut out of the potential), and the cohesive law
 * acting between the two facing surface layers of atoms, each surface atom's opening measured
 * against the other body's facing layer interpolated locally
 * ({@link org.isthmus.coupling.mask.SurfaceLayerCohesion}). The term is a
 * {@link org.isthmus.coupling.model.CouplingTerm} for the coupled model, and with the masked
 * potential an {@link org.isthmus.atomistic.minimize.EnergyModel} of its own
 * ({@link org.isthmus.coupling.mask.MaskedCohesionModel}). Energies eV, lengths Å. The
 * construction and its equations: docs/theory.md, "Interfaces inside the atomistic region".
 */
package org.isthmus.coupling.mask;
