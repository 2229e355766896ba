/**
 * Hyperelastic materials W(F) with first Piola–Kirchhoff stress and consistent tangent:
 * {@link org.isthmus.continuum.material.LinearElastic} (isotropic, rotated cubic),
 * {@link org.isthmus.continuum.material.StVenantKirchhoff},
 * {@link org.isthmus.continuum.material.NeoHookean}, the
 * {@link org.isthmus.continuum.material.CauchyBornMaterial} over a
 * {@link org.isthmus.continuum.material.LatticeEnergy}, and the
 * {@link org.isthmus.continuum.material.StrainPolynomialMaterial} that stands in for an objective
 * material near the reference.
 */
package org.isthmus.continuum.material;
