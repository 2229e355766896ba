/**
 * Linear elastic fracture mechanics of crystals: the anisotropic plane-strain near-tip field of a
 * mode-I crack ({@link org.isthmus.continuum.fracture.AnisotropicCrackField}: displacements,
 * stresses, the energy release rate and the Griffith load), used to load atomistic and coupled
 * crack models through their boundaries.
 */
package org.isthmus.continuum.fracture;
