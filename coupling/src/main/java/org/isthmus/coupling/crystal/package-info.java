/**
 * Cubic crystals in oriented frames, shared by the cohesive-law derivation and fracture:
 * {@link org.isthmus.coupling.crystal.CubicLattice} (fcc, bcc, diamond as a basis in the
 * conventional cell), {@link org.isthmus.coupling.crystal.MillerIndices} (reduced plane normals
 * and directions) and {@link org.isthmus.coupling.crystal.OrientedCrystal} (a crystal seen in
 * the surface frame, normal along z, or the crack frame, normal along y and front along z: lattice
 * periods, stacking period, layers and cleavage plane, lattice sites of boxes). Lengths in Å.
 */
package org.isthmus.coupling.crystal;
