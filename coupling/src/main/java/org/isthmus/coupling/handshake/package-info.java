/**
 * The partition of a coupled model (DESIGN.md, "The handshake"): region shapes given by signed
 * distance functions ({@link org.isthmus.coupling.handshake.Box},
 * {@link org.isthmus.coupling.handshake.Sphere}, {@link org.isthmus.coupling.handshake.Cylinder},
 * mesh element sets {@link org.isthmus.coupling.handshake.ElementSetRegion}, unions), the blending weight α(X) = ramp(d/w) across a handshake of width w
 * ({@link org.isthmus.coupling.handshake.Blending}, {@link org.isthmus.coupling.handshake.Ramp}:
 * sharp, linear, C¹ cubic, C² quintic), point location in the mesh
 * ({@link org.isthmus.coupling.handshake.ElementLocator}) and the
 * {@link org.isthmus.coupling.handshake.Partition} itself: atomistic, handshake and padding atoms
 * with their weights, elements and shape-function values. Lengths in Å. The equations are in
 * docs/theory.md, section "Coupling: partition, blending and the coupled energy".
 */
package org.isthmus.coupling.handshake;
