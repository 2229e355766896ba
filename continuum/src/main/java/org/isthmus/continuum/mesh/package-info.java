/**
 * Meshes: {@link org.isthmus.continuum.mesh.Mesh} (nodes, typed elements, named node, element
 * and face sets) and structured generators ({@link org.isthmus.continuum.mesh.StructuredMeshes},
 * {@link org.isthmus.continuum.mesh.Grading}) for rectangles, boxes, graded meshes and slit
 * (cracked) rectangles; {@link org.isthmus.continuum.mesh.GradedMesh}, a conforming mesh graded
 * from a lattice-sized element on a {@link org.isthmus.continuum.mesh.RefinementZone} (the
 * atomistic region of a coupled run) outward, with its {@link org.isthmus.continuum.mesh.MeshQuality}
 * report; and the Gmsh MSH 2.2 / 4.1 ASCII reader
 * ({@link org.isthmus.continuum.mesh.GmshReader}) that turns physical groups into named sets.
 */
package org.isthmus.continuum.mesh;
