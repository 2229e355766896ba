/**
 * Isoparametric finite elements (Tri3, Tri6, Quad4, Tet4, Tet10, Hex8): shape functions, Gauss
 * rules, the reference geometry of a mesh
 * (shape-function gradients and integration weights per quadrature point) and the
 * {@link org.isthmus.continuum.element.Section} that maps 2D meshes (plane strain, plane stress)
 * onto 3D material laws.
 */
package org.isthmus.continuum.element;
