/**
 * Adhesion with atoms at the edge of contact (issue 7, example 2; issue 6, acceptance test 5):
 * two blocks of one crystal bonded across an interface carried by a law derived from the
 * potential, atomistic about the edge of contact and coupled to finite elements through the
 * handshake, the interface carried by the surface-layer law inside the atoms
 * ({@link org.isthmus.coupling.mask.SurfaceLayerCohesion}) and by the blended cohesive line
 * outside ({@link org.isthmus.coupling.fracture.BlendedCohesiveLine}), pulled apart
 * ({@link org.isthmus.coupling.adhesion.EdgeOfContactPullOff}). Lengths Å, energies eV.
 */
package org.isthmus.coupling.adhesion;
