/**
 * Continuum materials computed from an atomistic potential: the bridge through which the
 * continuum module's Cauchy–Born material ({@code org.isthmus.continuum.material.CauchyBornMaterial})
 * reaches the same potential that drives the atoms, so both sides of a coupled model share one
 * constitutive truth.
 */
package org.isthmus.coupling.material;
