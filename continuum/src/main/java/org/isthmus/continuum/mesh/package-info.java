/**
 * Meshes: {@link org.isthmus.continuum.mesh.Mesh} (nodes, typed elements, named node, element
 * and face sets) and structured generators ({@link org.isthmus.continuum.mesh.StructuredMeshes},
 * {@link org.isthmus.continuum.mesh.Grading}) for rectangles, boxes, graded meshes and slit
 * (cracked) rectangles.
 */
package org.isthmus.continuum.mesh;
